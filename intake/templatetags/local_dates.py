"""Dates written the way each language writes them in the middle of a sentence.

Django's Brazilian Portuguese catalogue capitalises weekday and month names ("Terça-feira",
"Dezembro"), which Portuguese writes in lower case, as Spanish does; English keeps its
capitals. Use after ``date``: ``{{ due|date:"l"|local_case }}``.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

register = template.Library()

# Languages whose weekday and month names are lower case inside a sentence.
LOWER_CASE_NAMES = ("es", "pt")


@register.filter(is_safe=True)
def local_case(value: str) -> str:
    language = (get_language() or "").lower()
    if language.split("-")[0] in LOWER_CASE_NAMES:
        return value.lower()
    return value
