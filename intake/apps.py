from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = _("Intake")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import (
            checks,  # noqa: F401  (registers system checks)
            signals,
        )
        from .security import mark_sign_in

        user_logged_in.connect(mark_sign_in, dispatch_uid="intake-session-started")
        signals.connect()  # cache invalidation: routing configuration, the public form
