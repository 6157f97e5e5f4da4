from django.conf import settings
from django.http import HttpRequest


def organisation(request: HttpRequest) -> dict:
    return {
        "org_name": settings.ORG_NAME,
        "crisis_phone": settings.CRISIS_PHONE,
        "emergency_phone": settings.EMERGENCY_PHONE,
    }
