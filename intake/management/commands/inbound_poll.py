"""One pass over the inbound sources (today: the mail folder). Beat runs it as a task."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from intake import services


class Command(BaseCommand):
    help = "Store the e-mails waiting in the inbound folder, each once, on its inquiry."

    def handle(self, *args, **options) -> None:
        result = services.inbound_poll()
        self.stdout.write(
            f"Stored {result.stored} incoming e-mails; {result.failed} could not be read."
        )
