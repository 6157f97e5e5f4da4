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

# (name, slug, name on the Spanish form, name on the Portuguese form, address for visits): a
# program admin keeps each site's names in admin; an empty one shows the English name (here, a
# place's own name). The addresses are fictional; the virtual program has none.
SITES = [
    ("Downtown", "downtown", "Centro", "Centro", "200 Example Street, 2nd floor"),
    ("Eastside", "eastside", "", "", "45 Sample Avenue, side entrance"),
    ("Virtual program", "virtual", "Programa virtual", "Programa on-line", ""),
]
# Where people join a virtual reassessment with the demo queues (a fictional address).
VIDEO_VISIT_URL = "https://video.example.org/reengage"
# (language, title, body, not_for_urgent). The warm "whenever you're ready" replies are not
# offered when the person may be in danger; each language has one written for that moment.
REPLY_TEMPLATES = [
    (
        "en",
        "We're glad you reached out",
        "Hi {name},\n\nWe're really glad you reached out. Whenever you're ready, we'd love to "
        "talk about what would help now. You don't have to explain anything. We'll start from "
        "where you are today.\n\nWould a short call this week work for you? Just reply with a "
        "time that suits you.",
        True,
    ),
    (
        "en",
        "No pressure — whenever you're ready",
        "Hi {name},\n\nThank you for your message. There's no pressure and no deadline. When it "
        "feels right, reply here or tell us a good time to call, and we'll take it from there.",
        True,
    ),
    (
        "es",
        "Nos alegra que nos escribieras",
        "Hola {name}:\n\nNos alegra mucho que nos escribieras. Cuando quieras, podemos hablar de "
        "lo que te ayudaría ahora. No hace falta explicar nada. Empezamos desde donde estás hoy."
        "\n\n¿Te vendría bien una llamada corta esta semana? "
        "Responde con el horario que prefieras.",
        True,
    ),
    (
        "pt-br",
        "Que bom que você escreveu",
        "Oi, {name}!\n\nQue bom que você entrou em contato. Quando quiser, podemos conversar sobre "
        "o que ajudaria agora. Não precisa explicar nada. Começamos de onde você está hoje.\n\n"
        "Uma ligação rápida nesta semana seria boa para você? Responda com o melhor horário.",
        True,
    ),
    (
        "en",
        "We'd like to talk with you now",
        "Hi {name},\n\nThank you for telling us. We read your message, and we'd like to talk "
        "with you as soon as we can. Please reply with a number where we can call you now.\n\n"
        "If you're in danger right now, call or text 988, day or night, or call 911 in an "
        "emergency. You don't have to wait for us.",
        False,
    ),
    (
        "es",
        "Queremos hablar contigo ahora",
        "Hola {name}:\n\nGracias por contarnos. Leímos tu mensaje y queremos hablar contigo lo "
        "antes posible. Responde con un número donde podamos llamarte ahora.\n\n"
        "Si estás en peligro ahora mismo, llama o envía un mensaje de texto al 988, de día o de "
        "noche, o llama al 911 en una emergencia. No tienes que esperarnos.",
        False,
    ),
    (
        "pt-br",
        "Queremos falar com você agora",
        "Oi, {name}!\n\nObrigado por nos contar. Lemos sua mensagem e queremos falar com você o "
        "quanto antes. Responda com um número em que possamos ligar para você agora.\n\n"
        "Se você estiver em perigo agora, ligue ou mande mensagem para o 988, de dia ou de "
        "noite, ou ligue para o 911 em uma emergência. Você não precisa esperar por nós.",
        False,
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
        for order, (name, slug, name_es, name_pt_br, address) in enumerate(SITES):
            sites[slug], _ = Site.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_es": name_es,
                    "name_pt_br": name_pt_br,
                    "order": order,
                    "address": address,
                },
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
            "video_visit_url": VIDEO_VISIT_URL,
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

        for language, title, body, not_for_urgent in REPLY_TEMPLATES:
            ReplyTemplate.objects.update_or_create(
                language=language,
                title=title,
                queue=None,
                defaults={"body": body, "active": True, "not_for_urgent": not_for_urgent},
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
