"""Encrypt what took each person away (``Inquiry.away_reasons``), like their other answers.

The column becomes text (PostgreSQL: ``jsonb`` → ``text``, the JSON kept as it was), then
every stored list is encrypted in Python under the newest key, padded so a token's length
says nothing about it. Backwards, each is decrypted to its JSON first and the column goes
back to ``jsonb``. A value already encrypted is left as it is, so a run that stopped half
way can be run again. Encrypting needs ``FIELD_ENCRYPTION_KEYS`` only when there are rows.
"""

import json

from django.db import migrations
from django.db.models import TextField
from django.db.models.functions import Cast

import intake.crypto

BATCH = 500


def _stored(Inquiry):
    """(pk, the column as stored) for every row holding something, oldest first."""
    return (
        Inquiry.objects.exclude(away_reasons__isnull=True)
        .annotate(raw=Cast("away_reasons", TextField()))
        .exclude(raw="")
        .order_by("pk")
        .values_list("pk", "raw")
    )


def _write(schema_editor, Inquiry, values: list[tuple[str, int]]) -> None:
    """Store each value as it is (through the field, a token would be encrypted again)."""
    if not values:
        return
    quote = schema_editor.connection.ops.quote_name
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(Inquiry._meta.db_table)} SET {quote('away_reasons')} = %s "  # noqa: S608 # nosec B608 - names from the model
            f"WHERE {quote('id')} = %s",
            values,
        )


def encrypt(apps, schema_editor):
    Inquiry = apps.get_model("intake", "Inquiry")
    field = Inquiry._meta.get_field("away_reasons")
    _rewrite(
        schema_editor,
        Inquiry,
        lambda raw: (
            None
            if raw.startswith(intake.crypto.TOKEN_PREFIX)
            else field.get_prep_value(json.loads(raw))
        ),
    )


def decrypt(apps, schema_editor):
    Inquiry = apps.get_model("intake", "Inquiry")
    _rewrite(
        schema_editor,
        Inquiry,
        lambda raw: (
            json.dumps(json.loads(intake.crypto.decrypt(raw)))
            if raw.startswith(intake.crypto.TOKEN_PREFIX)
            else None
        ),
    )


def _rewrite(schema_editor, Inquiry, change) -> None:
    """Apply ``change`` to every stored value (None: leave it), BATCH rows per write."""
    pending = []
    for pk, raw in _stored(Inquiry).iterator(chunk_size=BATCH):
        new = change(raw)
        if new is not None:
            pending.append((new, pk))
        if len(pending) >= BATCH:
            _write(schema_editor, Inquiry, pending)
            pending = []
    _write(schema_editor, Inquiry, pending)


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0108_reassessment_place_and_review"),
    ]

    operations = [
        migrations.AlterField(
            model_name="inquiry",
            name="away_reasons",
            field=intake.crypto.EncryptedJSONField(
                blank=True, default=list, verbose_name="what took them away"
            ),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
