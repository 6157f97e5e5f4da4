"""Re-encrypt every encrypted column under the newest key in FIELD_ENCRYPTION_KEYS.

Put the new key first and keep the old ones listed until this has finished; then the old
keys can be removed. A value that no listed key decrypts stops the run with an error (it is
never copied or shown as if it were text).
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from intake import crypto
from intake.crypto import EncryptedTextField

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypt all encrypted fields under the newest FIELD_ENCRYPTION_KEYS key."

    def handle(self, *args, **options) -> None:
        from intake.checks import check_storage_keys

        problems = [m for m in check_storage_keys() if m.id in ("intake.E001", "intake.E002")]
        if problems:
            # Nothing to rotate to: say so before touching a row.
            raise CommandError("\n".join(f"{m.id}: {m.msg} {m.hint}" for m in problems))
        total = 0
        for model in apps.get_app_config("intake").get_models():
            columns = [f.column for f in model._meta.fields if isinstance(f, EncryptedTextField)]
            if not columns:
                continue
            total += self._rotate_table(model._meta.db_table, model._meta.pk.column, columns)
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} values under the newest key."))

    def _rotate_table(self, table: str, pk: str, columns: list[str]) -> int:
        # Table and column names come from our own model definitions, never from input,
        # which is why building the SQL text here is safe (the S608 notes below).
        quote = connection.ops.quote_name
        done = 0
        last = None
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                where = f"WHERE {quote(pk)} > %s " if last is not None else ""
                cursor.execute(
                    # Names come from model metadata and are quoted; values are parameters.
                    f"SELECT {quote(pk)}, {', '.join(quote(c) for c in columns)} "  # noqa: S608 # nosec B608
                    f"FROM {quote(table)} {where}ORDER BY {quote(pk)} LIMIT {BATCH}",
                    [last] if last is not None else [],
                )
                rows = cursor.fetchall()
                if not rows:
                    return done
                for row in rows:
                    key, values = row[0], row[1:]
                    try:
                        rotated = [crypto.rotate(v) if v else v for v in values]
                    except crypto.UndecryptableValue as exc:
                        raise CommandError(
                            f"{table} row {key}: a value no listed key decrypts. Nothing in this "
                            "row was changed; restore the key that wrote it and run again."
                        ) from exc
                    assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
                    cursor.execute(
                        # names from model metadata, quoted; values are parameters
                        f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s",  # noqa: S608 # nosec B608
                        [*rotated, key],
                    )
                    done += sum(1 for v in values if v)
                last = rows[-1][0]
