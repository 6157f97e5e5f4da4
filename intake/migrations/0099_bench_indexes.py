"""Indexes the worklist and routing need at 100,000 inquiries (measured by `make bench`).

Found with EXPLAIN ANALYZE on PostgreSQL against the bench's 100,000 generated inquiries:

* ``inquiry_open_queue`` — the changelist counts its default view (not closed, not
  quarantined) for the paginator on every page: a sequential scan of the whole table
  (~75-140 ms) becomes an index-only scan of the open rows' queue ids (~10 ms).
* ``inquiry_language_queue`` — the "language" list filter asks for the distinct languages of
  every inquiry the user may see: a sequential scan (~120-165 ms) becomes an index-only scan
  (~17 ms).
* ``inquiry_assignee_load`` — routing counts each candidate coordinator's open inquiries
  (``services._candidates``, a correlated subquery on this index).

Declared in ``Inquiry.Meta.indexes``.
"""

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [("intake", "0008_erased_at")]

    operations = [
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(
                fields=["queue"],
                condition=Q(is_spam=False) & ~Q(status="closed"),
                name="inquiry_open_queue",
            ),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(fields=["language", "queue"], name="inquiry_language_queue"),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(
                fields=["assigned_to", "status", "is_spam", "id"], name="inquiry_assignee_load"
            ),
        ),
    ]
