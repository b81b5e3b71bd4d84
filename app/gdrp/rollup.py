"""The policy-milestones rollup: milestones counted per (program, partner, fiscal year, kind),
adjusted in the writing transaction (app/core/rollup.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import rollup
from app.gdrp.models import MILESTONES_ROLLUP, PolicyMilestone

# (program_id, partner_id, fiscal_year, kind) → [milestones]
Key = tuple[int, int, int, str]
SUMS = rollup.Sums(
    MILESTONES_ROLLUP,
    ("program_id", "partner_id", "fiscal_year", "kind"),
    ("milestones",),
    empty=lambda table: table.c.milestones <= 0,
    check=lambda sums: sums[0] < 0,
)


def _keys() -> tuple[Any, ...]:
    m = PolicyMilestone
    return (m.program_id, m.partner_id, m.fiscal_year, m.kind)


def _key(row: Any) -> Key:
    return (int(row[0]), int(row[1]), int(row[2]), str(row[3]))


class Change(rollup.Change):
    """The rollup's side of a write to some milestones (see app/core/rollup.py)."""

    record_id = cast(Table, PolicyMilestone.__table__).c.id
    sums = SUMS

    async def contribute(self, ids: Sequence[int], sign: int) -> None:
        rows = await self.session.execute(
            select(*_keys(), func.count()).where(PolicyMilestone.id.in_(ids)).group_by(*_keys())
        )
        for row in rows:
            self.deltas[_key(row)][0] += sign * int(row[4])


def from_records_query():  # type: ignore[no-untyped-def]
    """The rollup as a GROUP BY over the milestones: for checks and for rebuilding it."""
    return select(*_keys(), func.count().label("milestones")).group_by(*_keys())


async def from_records(session: AsyncSession) -> dict[Key, int]:
    rows = await session.execute(from_records_query())
    return {_key(row): int(row[4]) for row in rows}


async def stored(session: AsyncSession) -> dict[Key, int]:
    return {_key(row): int(row[4]) for row in await SUMS.rows(session)}


async def rebuild(session: AsyncSession) -> None:
    """Recompute the whole rollup from the records (repair tool; normal writes never need it)."""
    await SUMS.rebuild(session, from_records_query())
