"""Indexes the worklist and routing need at 100,000 inquiries (bench issue #8, `make bench`).

Found with EXPLAIN ANALYZE on PostgreSQL against the bench's 100,000 generated inquiries:

* ``inquiry_open_queue`` — the changelist counts its default view (not closed, not
  quarantined) for the paginator on every page: a sequential scan of the whole table
  (~75-140 ms) becomes an index-only scan of the open rows' queue ids (~10 ms).
* ``inquiry_language_queue`` — the "language" list filter asks for the distinct languages of
  every inquiry the user may see: a sequential scan (~120-165 ms) becomes an index-only scan
  (~17 ms).
* ``inquiry_assignee_load`` — routing counts each candidate coordinator's open inquiries
  (services._candidates, COUNT(id) FILTER over a LEFT JOIN of all their inquiries): fetched
  from the table that took ~125 ms per routed inquiry at 100,000 rows; reading the index alone
  (``id`` included so no row is visited) ~55 ms. Still linear in a coordinator's history: the
  query itself needs the filter in its WHERE clause to read only open rows (this index serves
  that form too).

They are created in the database only (SeparateDatabaseAndState): Inquiry.Meta.indexes in
intake/models.py does not list them yet, and declaring them only in migration state would
make the next `makemigrations` propose dropping them. When models.py is next changed, move
them into Meta.indexes and make this migration's operations plain AddIndex ones.
"""

from django.db import migrations, models
from django.db.models import Q

INDEXES = [
    models.Index(
        fields=["queue"],
        condition=Q(is_spam=False) & ~Q(status="closed"),
        name="inquiry_open_queue",
    ),
    models.Index(fields=["language", "queue"], name="inquiry_language_queue"),
    models.Index(fields=["assigned_to", "status", "is_spam", "id"], name="inquiry_assignee_load"),
]


class Migration(migrations.Migration):
    dependencies = [("intake", "0008_erased_at")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddIndex(model_name="inquiry", index=index) for index in INDEXES
            ],
            state_operations=[],
        )
    ]
