# The worklist's search by name (a keyed blind index) and the audit log's "searched".

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0104_staff_enrolment"),
    ]

    operations = [
        migrations.AddField(
            model_name="inquiry",
            name="name_index",
            field=models.CharField(blank=True, default="", editable=False, max_length=137),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("view", "Viewed"),
                    ("change", "Changed"),
                    ("create", "Created"),
                    ("sign", "Signed"),
                    ("export", "Exported"),
                    ("denied", "Access denied"),
                    ("search", "Searched"),
                ],
                max_length=8,
            ),
        ),
    ]
