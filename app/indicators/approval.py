"""The rules of a manual result's approval as pure functions: statuses, who moves them, and
the four-eyes rule. Nothing here touches the database or HTTP."""

from __future__ import annotations

from enum import StrEnum

from app.core.errors import Conflict, Forbidden, Unprocessable, field_error
from app.core.security import Role


class ResultStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    approved = "approved"
    returned = "returned"


# Who may move a result to each status. Submitting is for whoever supplies figures (an
# integration script or an admin); deciding on a submitted figure is an admin's.
SUBMITTERS = frozenset({Role.admin, Role.integration})
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


def check_transition(
    current: ResultStatus,
    target: ResultStatus,
    role: Role,
    actor_key_id: int | None,
    submitted_by_key_id: int | None,
    reason: str | None,
) -> None:
    """Raise Forbidden when `role` may never make this move, Conflict when it cannot be made
    now (wrong status, or the key that submitted approving its own figure), Unprocessable when
    a return comes without its reason."""
    if role not in MOVED_BY[target]:
        raise Forbidden(f"the {role} role may not move a result to {target}")
    unmet: list[dict[str, str]] = []
    if target not in TRANSITIONS[current]:
        detail = f"a {current} result cannot move to {target}"
        if current is ResultStatus.approved:
            detail += " (edit it to reopen it as a draft)"
        unmet.append({"condition": "transition_allowed", "detail": detail})
    elif target is ResultStatus.approved and actor_key_id == submitted_by_key_id:
        unmet.append(
            {
                "condition": FOUR_EYES,
                "detail": "four-eyes rule: the key that submitted a result may not approve it; "
                "another admin key must",
            }
        )
    if unmet:
        raise Conflict(
            "; ".join(u["detail"] for u in unmet), unmet=unmet, current_status=str(current)
        )
    if target in NEEDS_REASON and not reason:
        detail = f"required when a result is {target}: say what to fix"
        raise Unprocessable(f"/reason: {detail}", errors=[field_error("/reason", detail)])
