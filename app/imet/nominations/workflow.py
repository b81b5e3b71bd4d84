"""The rules of a nomination's life as pure functions: statuses, who moves them, and the gates.

Nothing here touches the database or HTTP, so every rule is unit-testable on plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.core.errors import Conflict, Forbidden
from app.core.fiscal_year import fiscal_year
from app.core.security import Role


class NominationStatus(StrEnum):
    submitted = "submitted"
    under_review = "under_review"
    approved = "approved"
    ito_issued = "ito_issued"
    in_training = "in_training"
    completed = "completed"
    withdrawn = "withdrawn"
    rejected = "rejected"


class Sex(StrEnum):
    female = "female"
    male = "male"


class Service(StrEnum):
    army = "army"
    navy = "navy"
    air_force = "air_force"
    marines = "marines"
    coast_guard = "coast_guard"
    gendarmerie = "gendarmerie"
    police = "police"
    civilian = "civilian"
    other = "other"


class VettingStatus(StrEnum):
    pending = "pending"
    approved = "approved"
    suspended = "suspended"
    denied = "denied"


# Withdrawn and rejected nominations do not count toward parity: the candidate is not going.
NOT_COUNTED = frozenset({NominationStatus.withdrawn, NominationStatus.rejected})
TERMINAL = frozenset(
    {NominationStatus.completed, NominationStatus.withdrawn, NominationStatus.rejected}
)

REVIEWER = frozenset({Role.admin})
EMBASSY_OR_REVIEWER = frozenset({Role.admin, Role.embassy})

# The moves out of each status. Withdrawal is the embassy's (an admin may act for it), and
# only before the ITO is issued; every other move is a reviewer's.
TRANSITIONS: dict[NominationStatus, frozenset[NominationStatus]] = {
    NominationStatus.submitted: frozenset(
        {NominationStatus.under_review, NominationStatus.withdrawn, NominationStatus.rejected}
    ),
    NominationStatus.under_review: frozenset(
        {NominationStatus.approved, NominationStatus.withdrawn, NominationStatus.rejected}
    ),
    NominationStatus.approved: frozenset(
        {NominationStatus.ito_issued, NominationStatus.withdrawn, NominationStatus.rejected}
    ),
    NominationStatus.ito_issued: frozenset({NominationStatus.in_training}),
    NominationStatus.in_training: frozenset({NominationStatus.completed}),
}
MOVED_BY: dict[NominationStatus, frozenset[Role]] = {
    status: EMBASSY_OR_REVIEWER if status is NominationStatus.withdrawn else REVIEWER
    for status in NominationStatus
}
# Statuses that can only be reached with current Leahy vetting. The ITO is re-checked because
# vetting may be suspended or lapse between approval and issue.
NEEDS_VETTING = frozenset({NominationStatus.approved, NominationStatus.ito_issued})
NEEDS_ECL = frozenset({NominationStatus.approved})

# How a refusal names a nomination by its status, in plain words.
DESCRIBED: dict[NominationStatus, str] = {
    NominationStatus.submitted: "a submitted nomination",
    NominationStatus.under_review: "a nomination under review",
    NominationStatus.approved: "an approved nomination",
    NominationStatus.ito_issued: "a nomination whose ITO is issued",
    NominationStatus.in_training: "a nomination in training",
    NominationStatus.completed: "a completed nomination",
    NominationStatus.withdrawn: "a withdrawn nomination",
    NominationStatus.rejected: "a rejected nomination",
}

# Editing nominee, course and ECL is for the embassy's draft, before anyone reviews it.
EDITABLE = frozenset({NominationStatus.submitted})


@dataclass(frozen=True, slots=True)
class Facts:
    """What the gates look at, copied off a nomination."""

    vetting_status: VettingStatus
    vetting_expires_at: date | None
    ecl_score: int | None
    ecl_exempt: bool
    min_ecl: int | None


@dataclass(frozen=True, slots=True)
class Unmet:
    """One gate a transition did not pass: a stable `condition` name and a sentence."""

    condition: str
    detail: str


def fiscal_year_window(today: date) -> tuple[int, int]:
    """Nominations are for the current fiscal year, the one before, or the next two."""
    current = fiscal_year(today)
    return current - 1, current + 2


def vetting_expired(expires_at: date | None, today: date) -> bool:
    """Vetting is valid up to the day before `expires_at`; on that day it has lapsed."""
    return expires_at is not None and expires_at <= today


def unmet_conditions(target: NominationStatus, facts: Facts, today: date) -> list[Unmet]:
    """The gates of `target` that `facts` fail, in a stable order (empty when all pass)."""
    unmet: list[Unmet] = []
    if target in NEEDS_VETTING:
        if facts.vetting_status is not VettingStatus.approved:
            unmet.append(
                Unmet(
                    "vetting_approved",
                    f"Leahy vetting is {facts.vetting_status}, not approved",
                )
            )
        elif vetting_expired(facts.vetting_expires_at, today):
            unmet.append(
                Unmet("vetting_unexpired", f"Leahy vetting expired on {facts.vetting_expires_at}")
            )
    if target in NEEDS_ECL and not facts.ecl_exempt and facts.min_ecl is not None:
        if facts.ecl_score is None:
            unmet.append(
                Unmet(
                    "ecl_meets_minimum",
                    f"no ECL score and no exemption; the course requires ECL {facts.min_ecl}",
                )
            )
        elif facts.ecl_score < facts.min_ecl:
            unmet.append(
                Unmet(
                    "ecl_meets_minimum",
                    f"ECL {facts.ecl_score} is below the course minimum of {facts.min_ecl}",
                )
            )
    return unmet


def check_transition(
    current: NominationStatus, target: NominationStatus, role: Role, facts: Facts, today: date
) -> None:
    """Raise Forbidden when `role` may never make this move, Conflict when it cannot be made now."""
    if role not in MOVED_BY[target]:
        raise Forbidden(f"the {role} role may not move a nomination to {target}")
    if target not in TRANSITIONS.get(current, frozenset()):
        if target is NominationStatus.withdrawn and current in (
            NominationStatus.ito_issued,
            NominationStatus.in_training,
        ):
            detail = "a nomination can be withdrawn only before its ITO is issued"
        else:
            detail = f"{DESCRIBED[current]} cannot move to {target}"
        raise Conflict(
            detail,
            unmet=[{"condition": "transition_allowed", "detail": detail}],
            current_status=str(current),
        )
    unmet = unmet_conditions(target, facts, today)
    if unmet:
        raise Conflict(
            f"cannot move to {target}: " + "; ".join(u.detail for u in unmet),
            unmet=[{"condition": u.condition, "detail": u.detail} for u in unmet],
            current_status=str(current),
        )


def vetting_errors(
    status: VettingStatus, decided_at: date | None, expires_at: date | None
) -> list[tuple[str, str]]:
    """(pointer, detail) for a vetting record that does not hang together."""
    errors: list[tuple[str, str]] = []
    if status is VettingStatus.pending:
        if decided_at is not None:
            errors.append(("/decided_at", "a pending vetting has no decision date"))
        if expires_at is not None:
            errors.append(("/expires_at", "a pending vetting has no expiry date"))
        return errors
    if decided_at is None:
        errors.append(("/decided_at", f"required when the status is {status}"))
    if status is VettingStatus.approved and expires_at is None:
        errors.append(("/expires_at", "required when the status is approved"))
    if decided_at is not None and expires_at is not None and expires_at <= decided_at:
        errors.append(("/expires_at", "must be after decided_at"))
    return errors
