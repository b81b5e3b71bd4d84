"""The rule that keeps IMET completions counted once: a partner's fiscal year is covered by
its completed nominations or by an IMET history record, never both.

Both sides check here (a history write, a nomination's move to completed, an import), under
the partner's row lock, so two concurrent writes cannot each miss the other. The rule reads
both record types, which is why they live in one package (app/imet).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import Conflict
from app.imet.history.models import ImetHistory
from app.imet.nominations.models import Nomination
from app.imet.nominations.workflow import NominationStatus

# Nomination ids named in a conflict; the count is always given.
LISTED = 10


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


async def history_covering(session: AsyncSession, partner_id: int, fiscal_year: int) -> int | None:
    """The id of the IMET history record of the partner's year, if it has one."""
    return await session.scalar(
        select(ImetHistory.id).where(
            ImetHistory.partner_id == partner_id, ImetHistory.fiscal_year == fiscal_year
        )
    )


async def refuse_completion_over_history(
    session: AsyncSession, partner_id: int, partner: str, fiscal_year: int, current_status: str
) -> None:
    """409 (as a refused transition: `unmet`) when the partner's year has IMET history."""
    history_id = await history_covering(session, partner_id, fiscal_year)
    if history_id is not None:
        detail = history_message(partner, fiscal_year, history_id)
        raise Conflict(
            f"cannot move to completed: {detail}",
            unmet=[{"condition": "no_imet_history", "detail": detail}],
            current_status=current_status,
            conflicting_history=history_id,
        )
