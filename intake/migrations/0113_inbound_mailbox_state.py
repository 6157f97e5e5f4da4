# The mailbox source's place: how far reading the program's mailbox (IMAP) has got.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0112_follow_ups_into_conversation"),
    ]

    operations = [
        migrations.CreateModel(
            name="InboundMailboxState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(editable=False, max_length=64, unique=True)),
                ("uidvalidity", models.BigIntegerField(blank=True, editable=False, null=True)),
                ("last_uid", models.BigIntegerField(default=0, editable=False)),
                (
                    "last_success_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last read"),
                ),
                (
                    "last_error_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last failed"),
                ),
                (
                    "failures",
                    models.PositiveIntegerField(default=0, verbose_name="failed tries in a row"),
                ),
                (
                    "next_attempt_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="next try"),
                ),
            ],
            options={
                "verbose_name": "mailbox reading",
                "verbose_name_plural": "mailbox readings",
            },
        ),
    ]
