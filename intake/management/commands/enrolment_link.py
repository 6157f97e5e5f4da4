"""Print a one-time link that lets a staff account set up two-step sign-in.

For the first program admin (nobody can send them one from the staff pages yet) and for
anyone an operator helps directly. The link works once, for ENROLMENT_LINK_HOURS; a link
sent to the same account before stops working. ``--send`` also e-mails it to the account.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intake import services
from intake.exceptions import EnrolmentRefused


class Command(BaseCommand):
    help = "Print a one-time link that lets USERNAME set up two-step sign-in."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username", help="The staff account's user name.")
        parser.add_argument(
            "--send",
            action="store_true",
            help="Also e-mail the link to the account's own address.",
        )

    def handle(self, *args, **options) -> None:
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: options["username"]}).first()
        if user is None:
            raise CommandError(f"No account is called {options['username']!r}.")
        try:
            issued = services.enrolment_link_issue(
                actor=None, user_id=user.pk, send=options["send"]
            )
        except EnrolmentRefused as refused:
            raise CommandError(refused.message) from refused
        until = timezone.localtime(issued.expires_at)
        self.stdout.write(issued.url)
        self.stderr.write(
            f"Give this link to {user.get_username()} only. It works once, until "
            f"{until:%Y-%m-%d %H:%M %Z}; any earlier link for this account no longer works."
            + (" It was also e-mailed to the account." if options["send"] else "")
        )
