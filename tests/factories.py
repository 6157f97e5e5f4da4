"""Factories for test data. Inquiries are made through the service, as the form makes them."""

from __future__ import annotations

from datetime import time

import factory
from django.contrib.auth import get_user_model

from intake import services
from intake.models import CoordinatorProfile, CoordinatorQueue, Site


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Site {n}")
    slug = factory.Sequence(lambda n: f"site-{n}")


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinatorQueue

    name = factory.Sequence(lambda n: f"Queue {n}")
    slug = factory.Sequence(lambda n: f"queue-{n}")
    time_zone = "America/New_York"
    work_days = "12345"
    work_start = time(9, 0)
    work_end = time(17, 30)
    first_contact_promise_hours = 8
    alert_email = "on-duty@clinic.test"
    escalation_email = "lead@clinic.test"
    reply_to_email = "intake@clinic.test"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def default_queue(**overrides) -> CoordinatorQueue:
    """The default queue (created by migration), with test-friendly settings applied."""
    queue = CoordinatorQueue.objects.filter(is_default=True).first()
    if queue is None:
        queue = QueueFactory(is_default=True, name="General intake", slug="general")
    fields = {
        "alert_email": "on-duty@clinic.test",
        "escalation_email": "lead@clinic.test",
        "reply_to_email": "intake@clinic.test",
        "work_end": time(17, 30),
        **overrides,
    }
    for name, value in fields.items():
        setattr(queue, name, value)
    queue.save()
    return queue


def coordinator(queue: CoordinatorQueue, username: str, languages=("en",), active=True):
    user = UserFactory(username=username)
    CoordinatorProfile.objects.update_or_create(
        user=user, defaults={"languages": list(languages), "active": active}
    )
    queue.members.add(user)
    return user


def submission(**overrides) -> services.Submission:
    data = {
        "message": "I'm thinking about coming back. Is that okay?",
        "contact_method": "email",
        "email": "sam@example.com",
        "consent": True,
        "preferred_name": "Sam",
    }
    data.update(overrides)
    return services.Submission(**data)
