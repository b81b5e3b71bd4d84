"""The rule that keeps IMET completions counted once: a partner's fiscal year is covered by
its completed nominations or by an IMET history record, never both.

Both sides check here (a history write, a nomination's move to completed, an import), under
the partner's row lock, so two concurrent writes cannot each miss the other. IMET history
depends on nominations, not the other way: it registers how to find the record covering a
partner's year (`register_history`) beside its model.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import Conflict
from app.nominations.models import Nomination
from app.nominations.workflow import NominationStatus

# Nomination ids named in a conflict; the count is always given.
LISTED = 10

# (session, partner id, fiscal year) -> the id of the IMET history record covering that year.
HistoryCovering = Callable[[AsyncSession, int, int], Awaitable[int | None]]
_history_covering: list[HistoryCovering] = []


def register_history(covering: HistoryCovering) -> None:
    """Set how a completion finds the IMET history record covering its partner's year
    (app/imet_history/models.py does, once, when the model loads)."""
    _history_covering[:] = [covering]


def nominations_message(partner: str, fiscal_year: int, completed: int) -> str:
    return (
        f"{partner} FY{fiscal_year} has {completed} completed IMET nomination(s): its "
        "completions come from the nominations, so it cannot also have IMET history"
    )


def history_message(partner: str, fiscal_year: int, history_id: int) -> str:
    return (
        f"{partner} FY{fiscal_year} is covered by IMET history record {history_id}: a "
        "nomination of that partner and year cannot be completed while that record exists"
    )


async def covered_by_nominations(session: AsyncSession) -> dict[tuple[int, int], int]:
    """Completed nominations counted per (partner id, fiscal year) that has any."""
    stmt = (
        select(Nomination.partner_id, Nomination.fiscal_year, func.count())
        .where(Nomination.status == NominationStatus.completed)
        .group_by(Nomination.partner_id, Nomination.fiscal_year)
    )
    return {(partner, year): count for partner, year, count in await session.execute(stmt)}


async def refuse_history_over_nominations(
    session: AsyncSession, partner_id: int, partner: str, fiscal_year: int
) -> None:
    """409 when the partner's year already has completed nominations."""
    ids = list(
        await session.scalars(
            select(Nomination.id)
            .where(
                Nomination.partner_id == partner_id,
                Nomination.fiscal_year == fiscal_year,
                Nomination.status == NominationStatus.completed,
            )
            .order_by(Nomination.id)
        )
    )
    if ids:
        raise Conflict(
            nominations_message(partner, fiscal_year, len(ids)),
            completed_nominations=len(ids),
            conflicting_nominations=ids[:LISTED],
        )


async def refuse_completion_over_history(
    session: AsyncSession, partner_id: int, partner: str, fiscal_year: int, current_status: str
) -> None:
    """409 (as a refused transition: `unmet`) when the partner's year has IMET history."""
    if not _history_covering:
        # Never skip the rule: without the lookup, a year could be counted twice.
        raise RuntimeError("IMET history coverage is not registered (import app.models)")
    history_id = await _history_covering[0](session, partner_id, fiscal_year)
    if history_id is not None:
        detail = history_message(partner, fiscal_year, history_id)
        raise Conflict(
            f"cannot move to completed: {detail}",
            unmet=[{"condition": "no_imet_history", "detail": detail}],
            current_status=current_status,
            conflicting_history=history_id,
        )
