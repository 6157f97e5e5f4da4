"""Retention of messages on no inquiry: a reply nobody could match, or one a coordinator
discarded, keeps its words no longer than a finished inquiry or quarantined spam would."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from intake import crypto, services
from intake.models import InboundMessage
from tests.factories import submission

pytestmark = pytest.mark.django_db


def message(state: str, days_ago: int, *, n: int, inquiry=None) -> InboundMessage:
    sender = f"someone{n}@example.org"
    return InboundMessage.objects.create(
        inquiry=inquiry,
        state=state,
        channel=InboundMessage.Channel.EMAIL,
        source=InboundMessage.Source.FOLDER,
        external_id=f"<m{n}@example.org>",
        sender=sender,
        sender_hash=crypto.contact_hash(sender),
        subject="about coming back",
        body="I relapsed in May and I am scared to come back.",
        quoted="> earlier",
        original="From: ...",
        received_at=timezone.now() - timedelta(days=days_ago),
    )


def words_of(inbound: InboundMessage) -> tuple[str, ...]:
    inbound.refresh_from_db()
    return (
        inbound.sender,
        inbound.sender_hash,
        inbound.subject,
        inbound.body,
        inbound.quoted,
        inbound.original,
    )


def test_messages_on_no_inquiry_lose_their_words_after_their_period(settings) -> None:
    settings.RETENTION_SPAM_DAYS = 30
    settings.RETENTION_CLOSED_DAYS = 365
    old_unmatched = message(InboundMessage.State.UNMATCHED, 400, n=1)
    new_unmatched = message(InboundMessage.State.UNMATCHED, 200, n=2)
    old_discarded = message(InboundMessage.State.DISCARDED, 40, n=3)
    new_discarded = message(InboundMessage.State.DISCARDED, 10, n=4)
    open_inquiry = services.inquiry_submit(submission=submission(email="open@example.com"))
    attached = message(InboundMessage.State.ATTACHED, 900, n=5, inquiry=open_inquiry)

    assert services.purge_expired(dry_run=True).erased_unmatched == 2
    assert words_of(old_unmatched)[3]  # a dry run changes nothing

    assert services.purge_expired().erased_unmatched == 2
    for erased in (old_unmatched, old_discarded):
        assert words_of(erased) == ("", "", "", "", "", "")
        # The row and its Message-ID stay: a mailbox read again never brings it back as new.
        assert erased.external_id and erased.state == InboundMessage.State.DISCARDED
        assert erased.handled_at is not None
    for kept in (new_unmatched, new_discarded, attached):
        assert words_of(kept)[3] == "I relapsed in May and I am scared to come back."
    assert new_unmatched.state == InboundMessage.State.UNMATCHED
    # Done once: a second pass has nothing left to erase.
    assert services.purge_expired().erased_unmatched == 0


def test_the_command_says_how_many_it_erased(settings) -> None:
    settings.RETENTION_CLOSED_DAYS = 365
    message(InboundMessage.State.UNMATCHED, 400, n=1)
    out = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    assert "would erase 1 messages that are on no inquiry" in out.getvalue()
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "did erase 1 messages that are on no inquiry" in out.getvalue()
    assert InboundMessage.objects.get().body == ""
