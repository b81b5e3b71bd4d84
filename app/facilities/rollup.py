"""The facility-upgrades rollup: completed upgrades, women's beds and cost per group, adjusted
in the writing transaction (app/core/rollup.py).

Each write reads what the upgrades it touches contribute before the change and after it
(`Change`), and applies the difference, so the report reads sums per
(program, partner, fiscal year, feature) instead of every upgrade and feature row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import rollup
from app.facilities.models import (
    ALL_FEATURES,
    UPGRADES_ROLLUP,
    FacilityUpgrade,
    TrainingCenter,
    UpgradeFeature,
)
from app.facilities.schemas import UpgradeStatus

# (program_id, partner_id, fiscal_year, feature) → [upgrades, women_beds_added, cost_usd]
Key = tuple[int, int, int, str]
Deltas = dict[Key, list[Any]]
SUMS = rollup.Sums(
    UPGRADES_ROLLUP,
    ("program_id", "partner_id", "fiscal_year", "feature"),
    ("upgrades", "women_beds_added", "cost_usd"),
    empty=lambda table: table.c.upgrades <= 0,
    check=lambda sums: sums[0] < 0,
    zero=lambda: [0, 0, Decimal(0)],
)


async def center_upgrade_ids(session: AsyncSession, center_id: int) -> list[int]:
    return list(
        (
            await session.scalars(
                select(FacilityUpgrade.id).where(FacilityUpgrade.training_center_id == center_id)
            )
        ).all()
    )


class Change(rollup.Change):
    """The rollup's side of a write to some upgrades (see app/core/rollup.py)."""

    record_id = cast(Table, FacilityUpgrade.__table__).c.id
    sums = SUMS

    async def contribute(self, ids: Sequence[int], sign: int) -> None:
        u, c = FacilityUpgrade, TrainingCenter
        rows = (
            await self.session.execute(
                select(
                    u.id, u.program_id, c.partner_id, u.fiscal_year, u.women_beds_added, u.cost_usd
                )
                .join(c, c.id == u.training_center_id)
                .where(u.id.in_(ids), u.status == UpgradeStatus.completed)
                # A center changing country meanwhile is waited for (see update_center).
                .with_for_update(read=True, of=c)
            )
        ).all()
        features: dict[int, list[str]] = defaultdict(list)
        for upgrade_id, found in await self.session.execute(
            select(UpgradeFeature.upgrade_id, UpgradeFeature.feature).where(
                UpgradeFeature.upgrade_id.in_([row[0] for row in rows])
            )
        ):
            features[upgrade_id].append(str(found))
        for upgrade_id, program_id, partner_id, year, beds, cost in rows:
            # A completed upgrade always has a fiscal year (completed_on is required).
            for feature in (ALL_FEATURES, *features[upgrade_id]):
                sums = self.deltas[(program_id, partner_id, int(year or 0), feature)]
                sums[0] += sign
                sums[1] += sign * beds
                sums[2] += sign * (cost or Decimal(0))


def from_records_query():  # type: ignore[no-untyped-def]
    """The rollup as a GROUP BY over the base tables: for checks and for rebuilding it."""
    u, c, f = FacilityUpgrade, TrainingCenter, UpgradeFeature
    keys = (u.program_id, c.partner_id, u.fiscal_year)
    sums = (
        func.count().label("upgrades"),
        func.coalesce(func.sum(u.women_beds_added), 0).label("women_beds_added"),
        func.coalesce(func.sum(func.coalesce(u.cost_usd, 0)), 0).label("cost_usd"),
    )
    completed = u.status == UpgradeStatus.completed
    every = (
        select(*keys, literal(ALL_FEATURES).label("feature"), *sums)
        .join(c, c.id == u.training_center_id)
        .where(completed)
        .group_by(*keys)
    )
    per_feature = (
        select(*keys, f.feature, *sums)
        .join(c, c.id == u.training_center_id)
        .join(f, f.upgrade_id == u.id)
        .where(completed)
        .group_by(*keys, f.feature)
    )
    return union_all(every, per_feature)


async def from_records(session: AsyncSession) -> dict[Key, tuple[int, int, Decimal]]:
    query = from_records_query().subquery()
    rows = (await session.execute(select(query))).all()
    # The cost column is typed as the Money sums are, so it reads back as exact dollars.
    return {_key(r): (int(r[4]), int(r[5]), r[6]) for r in rows}


async def stored(session: AsyncSession) -> dict[Key, tuple[int, int, Decimal]]:
    rows = await SUMS.rows(session)
    return {_key(row): (int(row[4]), int(row[5]), row[6]) for row in rows}


def _key(row: Any) -> Key:
    return (int(row[0]), int(row[1]), int(row[2]), str(row[3]))


async def rebuild(session: AsyncSession) -> None:
    """Recompute the whole rollup from the records (repair tool; normal writes never need it)."""
    await SUMS.rebuild(session, select(from_records_query().subquery()))
