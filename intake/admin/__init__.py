"""Staff pages in Django admin: declarative options first, then the overrides.

Split the way ``django.contrib.admin`` splits its own code: list filters apart from the
ModelAdmins, the inquiry's page and its triage actions apart from the settings screens.
Inquiries are read here and changed only through ``intake.services``; the message text
appears on an inquiry's own page, never in a list.
"""

from . import audit, configuration, inbound, inquiry, notes, staff  # noqa: F401 - importing registers them
