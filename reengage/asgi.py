"""ASGI entry point. Refuses to start on a dangerous configuration."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reengage.settings.base")

application = get_asgi_application()

from intake.checks import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start()
