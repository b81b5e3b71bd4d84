"""The facility upgrade status machine and its date rule, pure so they are tested alone.

planned → in_progress → completed; planned or in_progress → cancelled (an upgrade dropped
before work starts is the commonest cancellation). completed and cancelled are final. A
completed upgrade has the date it was completed on (its fiscal year comes from it); no
other status has one.
"""

from __future__ import annotations

from datetime import date

from app.facilities.schemas import UpgradeStatus

S = UpgradeStatus
MOVES: dict[UpgradeStatus, frozenset[UpgradeStatus]] = {
    S.planned: frozenset({S.in_progress, S.cancelled}),
    S.in_progress: frozenset({S.completed, S.cancelled}),
    S.completed: frozenset(),
    S.cancelled: frozenset(),
}
RULE = "planned → in_progress → completed; planned or in_progress → cancelled"


def refused_move(current: UpgradeStatus, wanted: UpgradeStatus) -> str | None:
    """Why `current` → `wanted` is refused (None when allowed; staying put is allowed)."""
    if current == wanted or wanted in MOVES[current]:
        return None
    final = " (a final status)" if not MOVES[current] else ""
    return f"an upgrade cannot move from {current} to {wanted}{final}: {RULE}"


def completion_problem(status: UpgradeStatus, completed_on: date | None) -> str | None:
    """Why the pair is inconsistent (None when it is fine): completed needs its date, and only
    completed has one."""
    if status == S.completed and completed_on is None:
        return "required when status is completed"
    if status != S.completed and completed_on is not None:
        return f"only a completed upgrade has a completion date (status is {status})"
    return None
