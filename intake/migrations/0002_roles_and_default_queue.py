"""Create the four roles with their permissions, and the default queue routing falls back to."""

from django.db import migrations

from intake.roles import ROLE_PERMISSIONS, sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))

    CoordinatorQueue = apps.get_model("intake", "CoordinatorQueue")
    if not CoordinatorQueue.objects.filter(is_default=True).exists():
        CoordinatorQueue.objects.create(name="General intake", slug="general", is_default=True)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
