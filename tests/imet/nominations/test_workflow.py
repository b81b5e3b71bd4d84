"""The status machine and its gates as pure functions, without HTTP or a database."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import Conflict, Forbidden
from app.core.security import Role
from app.imet.nominations.workflow import (
    TRANSITIONS,
    Facts,
    NominationStatus,
    VettingStatus,
    check_transition,
    fiscal_year_window,
    unmet_conditions,
    vetting_errors,
    vetting_expired,
)

TODAY = date(2026, 11, 27)
READY = Facts(
    vetting_status=VettingStatus.approved,
    vetting_expires_at=date(2027, 1, 15),
    ecl_score=85,
    ecl_exempt=False,
    min_ecl=80,
)


def conditions(exc: pytest.ExceptionInfo[Conflict]) -> list[str]:
    return [u["condition"] for u in exc.value.extra["unmet"]]


def test_fiscal_year_window_is_current_minus_one_to_plus_two() -> None:
    assert fiscal_year_window(date(2026, 11, 27)) == (2026, 2029)  # FY2027 started 1 Oct 2026
    assert fiscal_year_window(date(2026, 9, 30)) == (2025, 2028)


def test_main_path_is_the_only_way_forward() -> None:
    path = [
        NominationStatus.submitted,
        NominationStatus.under_review,
        NominationStatus.approved,
        NominationStatus.ito_issued,
        NominationStatus.in_training,
        NominationStatus.completed,
    ]
    for current, target in itertools.pairwise(path):
        check_transition(current, target, Role.admin, READY, TODAY)
    with pytest.raises(Conflict) as skipped:
        check_transition(
            NominationStatus.submitted, NominationStatus.approved, Role.admin, READY, TODAY
        )
    assert conditions(skipped) == ["transition_allowed"]
    for terminal in (
        NominationStatus.completed,
        NominationStatus.withdrawn,
        NominationStatus.rejected,
    ):
        assert terminal not in TRANSITIONS
        with pytest.raises(Conflict):
            check_transition(terminal, NominationStatus.under_review, Role.admin, READY, TODAY)


@pytest.mark.parametrize("current", ["submitted", "under_review", "approved"])
def test_embassy_withdraws_before_the_ito(current: str) -> None:
    check_transition(
        NominationStatus(current), NominationStatus.withdrawn, Role.embassy, READY, TODAY
    )


@pytest.mark.parametrize("current", ["ito_issued", "in_training", "completed"])
def test_withdrawal_after_the_ito_is_refused(current: str) -> None:
    with pytest.raises(Conflict) as refused:
        check_transition(
            NominationStatus(current), NominationStatus.withdrawn, Role.embassy, READY, TODAY
        )
    assert conditions(refused) == ["transition_allowed"]


@pytest.mark.parametrize("target", ["under_review", "approved", "ito_issued", "rejected"])
def test_embassies_and_other_roles_cannot_review(target: str) -> None:
    for role in (Role.embassy, Role.analyst, Role.integration):
        with pytest.raises(Forbidden):
            check_transition(
                NominationStatus.submitted, NominationStatus(target), role, READY, TODAY
            )


def test_approval_needs_approved_vetting() -> None:
    for status in (VettingStatus.pending, VettingStatus.suspended, VettingStatus.denied):
        facts = Facts(status, None, 85, False, 80)
        assert [u.condition for u in unmet_conditions(NominationStatus.approved, facts, TODAY)] == [
            "vetting_approved"
        ]


def test_vetting_lapses_on_its_expiry_date() -> None:
    assert not vetting_expired(date(2026, 11, 28), TODAY)
    assert vetting_expired(date(2026, 11, 27), TODAY)
    assert not vetting_expired(None, TODAY)
    expired = Facts(VettingStatus.approved, TODAY, 85, False, 80)
    with pytest.raises(Conflict) as refused:
        check_transition(
            NominationStatus.under_review, NominationStatus.approved, Role.admin, expired, TODAY
        )
    assert conditions(refused) == ["vetting_unexpired"]
    assert "expired on 2026-11-27" in refused.value.detail


def test_ito_rechecks_vetting() -> None:
    suspended = Facts(VettingStatus.suspended, date(2027, 1, 1), 85, False, 80)
    with pytest.raises(Conflict) as refused:
        check_transition(
            NominationStatus.approved, NominationStatus.ito_issued, Role.admin, suspended, TODAY
        )
    assert conditions(refused) == ["vetting_approved"]


def test_ecl_gate_at_or_above_minimum_or_exempt() -> None:
    at_minimum = replace(READY, ecl_score=80)
    below = replace(READY, ecl_score=79)
    missing = replace(READY, ecl_score=None)
    exempt = replace(READY, ecl_score=None, ecl_exempt=True)
    no_minimum = replace(READY, ecl_score=None, min_ecl=None)
    assert unmet_conditions(NominationStatus.approved, at_minimum, TODAY) == []
    assert unmet_conditions(NominationStatus.approved, exempt, TODAY) == []
    assert unmet_conditions(NominationStatus.approved, no_minimum, TODAY) == []
    (low,) = unmet_conditions(NominationStatus.approved, below, TODAY)
    assert (low.condition, low.detail) == (
        "ecl_meets_minimum",
        "ECL 79 is below the course minimum of 80",
    )
    (none,) = unmet_conditions(NominationStatus.approved, missing, TODAY)
    assert none.condition == "ecl_meets_minimum"
    assert "no ECL score" in none.detail


def test_every_unmet_condition_is_named() -> None:
    facts = Facts(VettingStatus.pending, None, 50, False, 80)
    with pytest.raises(Conflict) as refused:
        check_transition(
            NominationStatus.under_review, NominationStatus.approved, Role.admin, facts, TODAY
        )
    assert conditions(refused) == ["vetting_approved", "ecl_meets_minimum"]


def test_vetting_records_must_hang_together() -> None:
    approved = VettingStatus.approved
    assert vetting_errors(approved, date(2026, 1, 15), date(2027, 1, 15)) == []
    assert vetting_errors(VettingStatus.pending, None, None) == []
    assert [p for p, _ in vetting_errors(approved, None, None)] == ["/decided_at", "/expires_at"]
    assert [p for p, _ in vetting_errors(approved, date(2026, 1, 15), date(2026, 1, 15))] == [
        "/expires_at"
    ]
    assert [p for p, _ in vetting_errors(VettingStatus.pending, TODAY, None)] == ["/decided_at"]
    assert vetting_errors(VettingStatus.denied, TODAY, None) == []
