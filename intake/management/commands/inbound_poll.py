"""One pass over the inbound sources (the mail folder, and the mailbox when INBOUND_IMAP_URL
is set). Beat runs it as a task."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from intake import services
from intake.services import mailbox

OUTCOMES = {
    mailbox.READ: "read",
    mailbox.BUSY: "skipped: another pass is reading it",
    mailbox.WAITING: "not tried: waiting after failed attempts until {next}",
    mailbox.FAILED: "could not be read (the log says why); next attempt after {next}",
    mailbox.STOPPED: "stopped: the database failed; the rest waits for the next pass",
}


class Command(BaseCommand):
    help = (
        "Store the e-mails waiting in the inbound folder, and in the mailbox when "
        "INBOUND_IMAP_URL is set, each once, on its inquiry."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="Try the mailbox even while it waits after failed attempts (after mending "
            "its password or certificate).",
        )

    def handle(self, *args, **options) -> None:
        result = services.inbound_poll(now=options["now"])
        self.stdout.write(
            f"Stored {result.stored} incoming e-mails; {result.failed} could not be read."
        )
        found = result.mailbox
        if found is None:
            return
        when = found.next_attempt_at
        outcome = OUTCOMES.get(found.outcome, found.outcome).format(
            next=timezone.localtime(when).strftime("%H:%M:%S") if when else "—"
        )
        self.stdout.write(
            f"Mailbox {outcome}: stored {found.stored}, already stored {found.already}, "
            f"refused {found.refused}."
        )
