"""A scheduled reassessment as people and staff are told it: when, how, where, how to change it.

``visit(inquiry)`` reads what a coordinator scheduled (``Inquiry.reassessment_at``,
``reassessment_format``, ``reassessment_site``) together with the settings behind it: the
site's address for an in-person visit, the queue's video-visit link for a virtual one, and the
number to call to change it (the site's own, else ``PROGRAM_PHONE``). The confirmation, the
case page, the worklist and the clinicians' list of upcoming reassessments all read it here,
so they say the same thing. Read-only: it makes no query of its own once the inquiry's
``queue``, ``site`` and ``reassessment_site`` are loaded with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext

from . import crypto
from .models import Inquiry, Site
from .selectors import phone_display

IN_PERSON_FORMATS = frozenset({Inquiry.CareFormat.IN_PERSON, Inquiry.CareFormat.HYBRID})
VIRTUAL_FORMATS = frozenset({Inquiry.CareFormat.VIRTUAL, Inquiry.CareFormat.HYBRID})

# What a confirmation may lack, by what its settings leave out (``Visit.missing``).
MISSING_ADDRESS = "address"
MISSING_JOIN_URL = "join_url"
MISSING_PHONE = "phone"


@dataclass(frozen=True)
class Visit:
    """One scheduled reassessment, with where to come or how to join and how to change it."""

    at: datetime  # aware, in the inquiry's queue's time zone (settings.TIME_ZONE unrouted)
    format: str  # an Inquiry.CareFormat value
    format_label: str | Promise  # its label, translated in the language active when shown
    site: Site | None  # where an in-person (or mixed) visit happens; None for a virtual one
    address: str  # the site's address for an in-person visit, else ""
    join_url: str  # the queue's video-visit link for a virtual visit, else ""
    change_phone: str  # E.164: the site's own number, else PROGRAM_PHONE; "" when neither
    change_phone_display: str  # the same number as people read it: "(617) 555-0100"
    queue_name: str = ""  # the team whose settings these are ("" when unrouted)

    @property
    def in_person(self) -> bool:
        return self.format in IN_PERSON_FORMATS

    @property
    def virtual(self) -> bool:
        return self.format in VIRTUAL_FORMATS

    @property
    def address_line(self) -> str:
        """The address on one line, for a text message: "12 Main St, 2nd floor"."""
        lines = (line.strip(" ,") for line in self.address.splitlines())
        return ", ".join(line for line in lines if line).rstrip(".")

    def place(self, language: str | None = None) -> str:
        """The site's name in ``language`` (the active one by default), or ""."""
        return self.site.local_name(language) if self.site else ""

    @property
    def missing(self) -> tuple[str, ...]:
        """What the person's confirmation cannot say, because a setting is empty."""
        found = []
        if self.in_person and not self.address:
            found.append(MISSING_ADDRESS)
        if self.virtual and not self.join_url:
            found.append(MISSING_JOIN_URL)
        if not self.change_phone:
            found.append(MISSING_PHONE)
        return tuple(found)


def visit(inquiry: Inquiry) -> Visit | None:
    """The inquiry's scheduled reassessment, or None when none is set."""
    if inquiry.reassessment_at is None or not inquiry.reassessment_format:
        return None
    queue = inquiry.queue
    care_format = inquiry.reassessment_format
    in_person = care_format in IN_PERSON_FORMATS
    site = None
    if in_person:
        # Scheduled before a site could be chosen: the place they asked to come back to.
        site = inquiry.reassessment_site or inquiry.site
    phone = _change_phone(site or inquiry.site)
    return Visit(
        at=inquiry.reassessment_at.astimezone(
            ZoneInfo(queue.time_zone if queue else settings.TIME_ZONE)
        ),
        format=care_format,
        format_label=Inquiry.CareFormat(care_format).label,
        site=site,
        address=(site.address.strip() if site and in_person else ""),
        join_url=(queue.video_visit_url if queue and care_format in VIRTUAL_FORMATS else ""),
        change_phone=phone,
        change_phone_display=phone_display(phone),
        queue_name=queue.name if queue else "",
    )


def _change_phone(site: Site | None) -> str:
    for number in (site.phone if site else "", settings.PROGRAM_PHONE):
        if number and (normalised := crypto.normalise_phone(number)):
            return normalised
    return ""


def missing_details(found: Visit, *, by_text: bool = False) -> list[str]:
    """What a coordinator should know before (and after) the confirmation goes: each gap in
    the person's confirmation, in words, with who can fill it. ``by_text``: it goes as a
    text, which cannot be answered by reply (a missing number leaves no way to change it)."""
    lines = []
    if MISSING_ADDRESS in found.missing:
        if found.site is None:
            lines.append(
                gettext(
                    "No site is chosen, so the confirmation cannot say where to come. "
                    "Please tell them where yourself."
                )
            )
        else:
            lines.append(
                gettext(
                    "“%(site)s” has no address for visits yet, so the confirmation names the "
                    "site but cannot say where it is. Please tell them the address yourself; a "
                    "program admin can add it to the site's settings."
                )
                % {"site": found.site.name}
            )
    if MISSING_JOIN_URL in found.missing:
        if found.queue_name:
            line = gettext(
                "“%(queue)s” has no video-visit link yet, so the confirmation tells them we "
                "will send the link before the visit. Please send it to them; a program admin "
                "can add the link to the queue's settings."
            ) % {"queue": found.queue_name}
        else:
            line = gettext(
                "This inquiry has no queue yet, so there is no video-visit link: the "
                "confirmation tells them we will send the link before the visit. Please send "
                "it to them."
            )
        lines.append(line)
    if by_text and MISSING_PHONE in found.missing:
        lines.append(
            gettext(
                "There is no phone number for this site or the program, so the text cannot "
                "say how to change the time. Please tell them how to reach you."
            )
        )
    return lines
