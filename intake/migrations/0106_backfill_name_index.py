"""Fill the name index of the inquiries made before it existed.

Each preferred name is decrypted here, in Python, and only its keyed hashes are written. A
name no listed key decrypts is left out of the index (that inquiry is still found by its id,
e-mail or phone). Erased inquiries have no name and stay empty.
"""

from django.db import migrations

BATCH = 500


def fill(apps, schema_editor):
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from intake import crypto

    Inquiry = apps.get_model("intake", "Inquiry")
    # The stored token as plain text (no field decrypts it on the way), decrypted one by one.
    rows = (
        Inquiry.objects.exclude(preferred_name="")
        .annotate(token=Cast("preferred_name", TextField()))
        .order_by("pk")
        .values_list("pk", "token")
    )
    pending = []
    for pk, token in rows.iterator(chunk_size=BATCH):
        try:
            name = crypto.decrypt(token)
        except crypto.UndecryptableValue:
            continue
        pending.append(Inquiry(pk=pk, name_index=crypto.name_index(name)))
        if len(pending) >= BATCH:
            Inquiry.objects.bulk_update(pending, ["name_index"])
            pending = []
    if pending:
        Inquiry.objects.bulk_update(pending, ["name_index"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0105_worklist_name_search"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
