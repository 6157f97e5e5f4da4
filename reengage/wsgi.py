"""WSGI entry point (gunicorn reengage.wsgi). Refuses to start on a dangerous configuration."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reengage.settings.base")

application = get_wsgi_application()

from intake.checks import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start()
