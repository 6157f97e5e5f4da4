"""Every write that matters. One function per use case, atomic, with an event on the timeline.

Side effects leave only through rows in ``OutboundMessage`` and tasks enqueued on commit;
a task that is lost is re-enqueued by ``pending_sweep`` so nothing is ever dropped.

Callers use the names below (``from intake import services``); the modules are one per topic:
``submit`` (a person's message arrives), ``route``, ``deliver`` and ``send`` (the outbox's
delivery), ``alerts`` (urgent alerts, overdue notices, check-ins), ``oncall``, ``optout``,
``triage`` (what coordinators do), ``inbound`` (the person writes back), ``notes``
(reassessment), ``retention``, ``sweep``; below
them ``outbox`` (messages and events owed, tasks enqueued on commit), ``audit`` and
``common``; ``twostep`` is staff two-step sign-in (set-up links, authenticators, recovery
codes). The routing configuration lives in ``intake.routing_cache`` and the audit log in
``intake.audit``, which reads and the middleware import without the write side.
"""

from __future__ import annotations

from ..audit import audit_context, audit_record
from ..exceptions import ActionRefused as ActionRefused  # callers catch services.ActionRefused
from ..routing_cache import (
    RoutingSetup,
    first_contact_due,
    promise,
    queue_clock,
    queue_for,
    routing_setup,
    routing_setup_clear,
)
from .alerts import check_in_due, overdue_flag, urgent_alert_acknowledge, urgent_escalate
from .deliver import message_claim, message_deliver, message_retry_now
from .inbound import PollResult, inbound_attach, inbound_discard, inbound_poll, message_receive
from .notes import (
    NOTE_FIELDS,
    SCHEDULING_FIELDS,
    note_add,
    note_mark_ready,
    note_sign,
    note_update,
    note_version,
    reassessment_schedule,
)
from .oncall import (
    ON_CALL_CODE_MINUTES,
    ON_CALL_CODE_TRIES,
    on_call_code_send,
    on_call_phone_confirm,
    on_call_phone_set,
)
from .optout import START_WORDS, STOP_WORDS, sms_inbound
from .outbox import acknowledgement_channel, tasks_enqueue
from .retention import PurgeResult, purge_expired
from .route import inquiries_route, inquiry_route
from .submit import Submission, inquiry_submit
from .sweep import SweepResult, pending_sweep
from .triage import (
    contact_attempt_record,
    inquiry_assign,
    inquiry_mark_spam,
    inquiry_release_hold,
    inquiry_set_priority,
    inquiry_set_status,
    inquiry_snooze,
    internal_note_add,
    reply_send,
)
from .twostep import (
    RECOVERY_CODE_COUNT,
    Enrolment,
    IssuedLink,
    authenticator_enrol,
    authenticator_sign_in,
    authenticator_start,
    enrolment_link_issue,
    recovery_code_sign_in,
)

__all__ = [
    "NOTE_FIELDS",
    "ON_CALL_CODE_MINUTES",
    "ON_CALL_CODE_TRIES",
    "RECOVERY_CODE_COUNT",
    "SCHEDULING_FIELDS",
    "START_WORDS",
    "STOP_WORDS",
    "Enrolment",
    "IssuedLink",
    "PollResult",
    "PurgeResult",
    "RoutingSetup",
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
