"""Give the roles their reassessment-note, reply-template and audit permissions."""

from django.db import migrations

from intake.roles import sync_roles


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("intake", "0006_notes_and_audit")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
