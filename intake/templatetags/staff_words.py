"""Staff pages' words for stored values: a colleague's name, a language's name.

``{{ event.actor|staff_name }}`` is the full name where one is set, else the username;
``{{ inquiry.language|language_name }}`` is "Español" for ``es``. Never the stored code.
"""

from __future__ import annotations

from django import template

from ..admin.wording import language_words, staff_name

register = template.Library()

register.filter("staff_name", staff_name)
register.filter("language_name", language_words)
