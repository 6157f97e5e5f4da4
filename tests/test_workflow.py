"""The status rules name Inquiry.Status and nothing else."""

from __future__ import annotations

import pytest

from intake import workflow
from intake.exceptions import Refusal
from intake.models import Inquiry

Status = Inquiry.Status


def test_every_status_has_a_row_in_the_transition_table() -> None:
    assert set(workflow.ALLOWED) == set(Status.values)


def test_every_move_and_every_reason_rule_names_a_status() -> None:
    targets = set().union(*workflow.ALLOWED.values())
    assert targets <= set(Status.values)
    assert set(workflow.NEEDS_REASON) <= set(Status.values)


@pytest.mark.parametrize(
    ("current", "new", "reason", "refusal"),
    [
        (Status.NEW, Status.CONTACTED, "", None),
        (Status.NEW, Status.NEW, "", Refusal.SAME_STATUS),
        (Status.NEW, Status.RETURNED, "", Refusal.NOT_ALLOWED),
        (Status.CONTACTED, Status.CLOSED, "", Refusal.REASON_REQUIRED),
        (Status.CONTACTED, Status.CLOSED, Inquiry.CloseReason.DECLINED, None),
        (Status.CLOSED, Status.CONTACTED, "", None),
    ],
)
def test_check_transition(current: str, new: str, reason: str, refusal: Refusal | None) -> None:
    assert workflow.check_transition(current, new, reason=reason) == refusal
