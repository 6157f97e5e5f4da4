"""``intake.services`` is a package of topic modules; callers see the names the module had."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from intake import services as package

# The public names of intake/services.py before it became a package, sorted, and those
# added since (staff two-step sign-in: RECOVERY_CODE_COUNT, Enrolment, IssuedLink,
# authenticator_enrol, authenticator_sign_in, authenticator_start, enrolment_link_issue,
# recovery_code_sign_in; the reassessment note's ready step: SCHEDULING_FIELDS,
# note_mark_ready; replies coming back: inbound_attach, inbound_discard,
# inbound_poll, PollResult, message_receive).
PUBLIC = [
    "Enrolment",
    "IssuedLink",
    "NOTE_FIELDS",
    "ON_CALL_CODE_MINUTES",
    "ON_CALL_CODE_TRIES",
    "PollResult",
    "PurgeResult",
    "RECOVERY_CODE_COUNT",
    "RoutingSetup",
    "SCHEDULING_FIELDS",
    "START_WORDS",
    "STOP_WORDS",
    "Submission",
    "SweepResult",
    "acknowledgement_channel",
    "audit_context",
    "audit_record",
    "authenticator_enrol",
    "authenticator_sign_in",
    "authenticator_start",
    "check_in_due",
    "contact_attempt_record",
    "enrolment_link_issue",
    "first_contact_due",
    "inbound_attach",
    "inbound_discard",
    "inbound_poll",
    "inquiries_route",
    "inquiry_assign",
    "inquiry_mark_spam",
    "inquiry_release_hold",
    "inquiry_route",
    "inquiry_set_priority",
    "inquiry_set_status",
    "inquiry_snooze",
    "inquiry_submit",
    "internal_note_add",
    "message_claim",
    "message_deliver",
    "message_receive",
    "message_retry_now",
    "note_add",
    "note_mark_ready",
    "note_sign",
    "note_update",
    "note_version",
    "on_call_code_send",
    "on_call_phone_confirm",
    "on_call_phone_set",
    "overdue_flag",
    "pending_sweep",
    "promise",
    "purge_expired",
    "queue_clock",
    "queue_for",
    "reassessment_schedule",
    "recovery_code_sign_in",
    "reply_send",
    "routing_setup",
    "routing_setup_clear",
    "sms_inbound",
    "tasks_enqueue",
    "urgent_alert_acknowledge",
    "urgent_escalate",
]

INTAKE = Path(package.__file__).resolve().parent.parent


def test_the_package_exports_exactly_the_public_names_of_the_module() -> None:
    assert sorted(package.__all__) == PUBLIC
    assert len(set(package.__all__)) == len(package.__all__)


def test_every_exported_name_resolves() -> None:
    namespace: dict = {}
    exec("from intake.services import *", namespace)
    for name in PUBLIC:
        assert hasattr(package, name), name
        assert namespace[name] is getattr(package, name), name


def test_the_callers_signatures_are_unchanged() -> None:
    def keywords(function) -> list[tuple[str, bool]]:
        return [
            (p.name, p.default is not inspect.Parameter.empty)
            for p in inspect.signature(function).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]

    assert keywords(package.inquiry_submit) == [
        ("submission", False),
        ("submission_token", True),
        ("honeypot_filled", True),
        ("too_fast", True),
        ("over_rate_limit", True),
    ]
    assert keywords(package.note_add) == [
        ("actor", False),
        ("inquiry_id", False),
        ("fields", False),
        ("amends_id", True),
    ]
    assert keywords(package.note_sign) == [("actor", False), ("note_id", False), ("version", True)]
    assert keywords(package.note_mark_ready) == [
        ("actor", False),
        ("note_id", False),
        ("version", True),
    ]


def test_reads_and_the_middleware_never_import_the_write_side() -> None:
    reads = ("selectors.py", "worklist.py", "routing_cache.py", "health.py")
    for name in (*reads, "middleware.py", "audit.py"):
        tree = ast.parse((INTAKE / name).read_text(encoding="utf-8"))
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                imported.add(module)
                imported.update(f"{module}.{a.name}".strip(".") for a in node.names)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
        writes = {
            m for m in imported if m.split(".")[-1] in ("services", "tasks") or "services." in m
        }
        assert not writes, (name, writes)
