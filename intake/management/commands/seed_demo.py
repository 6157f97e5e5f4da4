"""Create demo sites, queues, routing rules and one user per role. Safe to run again."""

from __future__ import annotations

from datetime import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from intake import roles
from intake.models import CoordinatorProfile, CoordinatorQueue, ReplyTemplate, RoutingRule, Site

# A demo password for a local, throwaway database; printed by make run.
DEFAULT_PASSWORD = "reengage-demo-2026"  # noqa: S105

SITES = [("Downtown", "downtown"), ("Eastside", "eastside"), ("Virtual program", "virtual")]
REPLY_TEMPLATES = [
    (
        "en",
        "We're glad you reached out",
        "Hi {name},\n\nWe're really glad you reached out. Whenever you're ready, we'd love to "
        "talk about what would help now. You don't have to explain anything. We'll start from "
        "where you are today.\n\nWould a short call this week work for you? Just reply with a "
        "time that suits you.",
    ),
    (
        "en",
        "No pressure — whenever you're ready",
        "Hi {name},\n\nThank you for your message. There's no pressure and no deadline. When it "
        "feels right, reply here or tell us a good time to call, and we'll take it from there.",
    ),
    (
        "es",
        "Nos alegra que nos escribieras",
        "Hola {name}:\n\nNos alegra mucho que nos escribieras. Cuando quieras, podemos hablar de "
        "lo que te ayudaría ahora. No hace falta explicar nada. Empezamos desde donde estás hoy."
        "\n\n¿Te vendría bien una llamada corta esta semana? "
        "Responde con el horario que prefieras.",
    ),
    (
        "pt-br",
        "Que bom que você escreveu",
        "Oi, {name}!\n\nQue bom que você entrou em contato. Quando quiser, podemos conversar sobre "
        "o que ajudaria agora. Não precisa explicar nada. Começamos de onde você está hoje.\n\n"
        "Uma ligação rápida nesta semana seria boa para você? Responda com o melhor horário.",
    ),
]

USERS = [
    ("coordinator", roles.COORDINATOR, ["en", "es"]),
    ("clinician", roles.CLINICIAN, []),
    ("reviewer", roles.REVIEWER, []),
    ("programadmin", roles.PROGRAM_ADMIN, []),
]


class Command(BaseCommand):
    help = (
        "Create demo sites, queues, routing rules and the users coordinator, clinician, "
        "reviewer and programadmin."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="Password for every demo user."
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        password = options["password"]
        roles.sync_roles(Group, Permission)
        sites = {}
        for order, (name, slug) in enumerate(SITES):
            sites[slug], _ = Site.objects.update_or_create(
                slug=slug, defaults={"name": name, "order": order}
            )

        general = CoordinatorQueue.objects.filter(is_default=True).first()
        if general is None:
            general = CoordinatorQueue.objects.create(
                name="General intake", slug="general", is_default=True
            )
        defaults = {
            "time_zone": "America/New_York",
            "work_days": "12345",
            "work_start": time(9, 0),
            "work_end": time(17, 30),
            "first_contact_promise_hours": 8,
        }
        CoordinatorQueue.objects.filter(pk=general.pk).update(
            languages=["en"],
            alert_email="on-duty@reengage.invalid",
            escalation_email="clinical-lead@reengage.invalid",
            reply_to_email="intake@reengage.invalid",
            **defaults,
        )
        spanish, _ = CoordinatorQueue.objects.update_or_create(
            slug="spanish",
            defaults={
                "name": "Spanish-language intake",
                "languages": ["es"],
                "alert_email": "on-duty@reengage.invalid",
                "escalation_email": "clinical-lead@reengage.invalid",
                "reply_to_email": "intake@reengage.invalid",
                **defaults,
            },
        )
        RoutingRule.objects.update_or_create(order=10, queue=spanish, defaults={"language": "es"})

        for language, title, body in REPLY_TEMPLATES:
            ReplyTemplate.objects.update_or_create(
                language=language, title=title, queue=None, defaults={"body": body, "active": True}
            )

        User = get_user_model()
        for username, role, languages in USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            if role == roles.COORDINATOR:
                CoordinatorProfile.objects.update_or_create(
                    user=user, defaults={"languages": languages, "active": True}
                )
                general.members.add(user)
                spanish.members.add(user)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            "Staff sign-in at /admin/ — users: coordinator, clinician, reviewer, programadmin; "
            f"password: {password}"
        )
