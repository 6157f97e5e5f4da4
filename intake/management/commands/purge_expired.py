"""Apply the retention periods now. --dry-run shows what would go and changes nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from intake import services


class Command(BaseCommand):
    help = (
        "Delete old quarantined spam and erase personal data of long-finished inquiries and "
        "of messages on no inquiry."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count; change nothing.")

    def handle(self, *args, **options) -> None:
        result = services.purge_expired(dry_run=options["dry_run"])
        verb = "Would" if options["dry_run"] else "Did"
        self.stdout.write(
            f"{verb} delete {result.spam_deleted} quarantined spam inquiries; "
            f"{verb.lower()} erase personal data of {result.erased} finished inquiries and "
            f"{result.erased_clinical} with clinical records; {verb.lower()} erase "
            f"{result.erased_unmatched} messages that are on no inquiry."
        )
