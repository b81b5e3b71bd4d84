"""The rules of a manual result's approval as pure functions: statuses, who moves them, and
the four-eyes rule. Nothing here touches the database or HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.core.errors import Conflict, Forbidden, Unprocessable, field_error
from app.core.security import Principal, Role


class ResultStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    approved = "approved"
    returned = "returned"


# Who may move a result to each status. Entering, editing and submitting are for whoever
# supplies figures (an integration script or an admin); deciding on a submitted figure is an
# admin's.
SUBMITTERS = frozenset({Role.admin, Role.integration})
ENTERERS = SUBMITTERS
REVIEWERS = frozenset({Role.admin})
MOVED_BY: dict[ResultStatus, frozenset[Role]] = {
    ResultStatus.submitted: SUBMITTERS,
    ResultStatus.approved: REVIEWERS,
    ResultStatus.returned: REVIEWERS,
    ResultStatus.draft: frozenset(),  # reached only by editing a result
}
# Every role that makes some move: the transitions route admits these (the matrix test reads it).
MOVERS = frozenset().union(*MOVED_BY.values())

TRANSITIONS: dict[ResultStatus, frozenset[ResultStatus]] = {
    ResultStatus.draft: frozenset({ResultStatus.submitted}),
    ResultStatus.returned: frozenset({ResultStatus.submitted}),
    ResultStatus.submitted: frozenset({ResultStatus.approved, ResultStatus.returned}),
    ResultStatus.approved: frozenset(),
}
# A return says why, so whoever fixes the figure knows what to fix.
NEEDS_REASON = frozenset({ResultStatus.returned})
# Only approved results count in progress and the scorecard (unless unapproved are asked for).
COUNTED = ResultStatus.approved

FOUR_EYES = "four_eyes"


@dataclass(frozen=True)
class Hands:
    """Whose hands a result passed through, by key owner (and the submitting key)."""

    entered_by: str | None
    edited_by: str | None
    submitted_by: str | None
    submitted_by_key_id: int | None


def same_hands(approver: Principal, hands: Hands) -> list[str]:
    """What the approver already did to the result: four eyes are two people, not two keys."""
    done = []
    if approver.owner is not None:
        for did, owner in (
            ("entered", hands.entered_by),
            ("last edited", hands.edited_by),
            ("submitted", hands.submitted_by),
        ):
            if owner == approver.owner:
                done.append(did)
    if approver.key_id == hands.submitted_by_key_id and "submitted" not in done:
        done.append("submitted")
    return done


def _unmet(
    current: ResultStatus, target: ResultStatus, actor: Principal, hands: Hands
) -> dict[str, str] | None:
    """The condition a move fails now, if any: the status allows it, and four eyes."""
    if target not in TRANSITIONS[current]:
        detail = f"a {current} result cannot move to {target}"
        if current is ResultStatus.approved:
            detail += " (edit it to reopen it as a draft)"
        return {"condition": "transition_allowed", "detail": detail}
    if target is ResultStatus.approved and (done := same_hands(actor, hands)):
        who = f"owner {actor.owner!r}" if actor.owner else "this key"
        return {
            "condition": FOUR_EYES,
            "detail": f"four-eyes rule: {who} {' and '.join(done)} this result and may not "
            "approve it; an admin key of another owner must",
        }
    return None


def check_transition(
    current: ResultStatus,
    target: ResultStatus,
    actor: Principal,
    hands: Hands,
    reason: str | None,
) -> None:
    """Raise Forbidden when the actor's role may never make this move, Conflict when it cannot
    be made now (wrong status, or an approver whose owner entered, last edited or submitted the
    figure: problem code four_eyes), Unprocessable when a return comes without its reason."""
    if actor.role not in MOVED_BY[target]:
        raise Forbidden(f"the {actor.role} role may not move a result to {target}")
    unmet = _unmet(current, target, actor, hands)
    if unmet is not None:
        extra: dict[str, Any] = {"unmet": [unmet], "current_status": str(current)}
        if unmet["condition"] == FOUR_EYES:
            extra["code"] = FOUR_EYES  # a client tells this refusal apart without parsing text
        raise Conflict(unmet["detail"], **extra)
    if target in NEEDS_REASON and not reason:
        detail = f"required when a result is {target}: say what to fix"
        raise Unprocessable(f"/reason: {detail}", errors=[field_error("/reason", detail)])
