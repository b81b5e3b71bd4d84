"""The facility-upgrades report: GPOI's gender-inclusive upgrades completed at partners'
training centers, counted with the women's beds they added and what they cost, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.history import known_at
from app.core.rollup import matching
from app.core.schemas import FiltersOf, MoneyOutput, usd_string
from app.core.scope import own_country_rows
from app.core.security import Principal
from app.facilities.models import (
    ALL_FEATURES,
    FacilityUpgrade,
    FacilityUpgradesRollup,
    TrainingCenter,
    UpgradeFeature,
)
from app.facilities.service import BEDS, COMPLETED, COST, completed_conditions
from app.partners.models import Partner
from app.reports.scope import GroupRow, echoed, scoped_query

GROUPS = ("fiscal_year", "partner", "feature")


@dataclass(frozen=True, slots=True)
class UpgradesQuery:
    """The report's filters, as the client gave them (codes normalized)."""

    program: str | None = None
    partner: str | None = None
    feature: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None


class UpgradesFilters(FiltersOf, query=UpgradesQuery):
    pass


class UpgradesRow(GroupRow, groups=GROUPS):
    """One group: only the keys grouped by are present."""

    completed: int
    women_beds_added: int
    cost_usd: MoneyOutput


class UpgradesTotals(BaseModel):
    completed: int
    women_beds_added: int
    cost_usd: MoneyOutput


class UpgradesReport(BaseModel):
    filters: UpgradesFilters
    group_by: list[str]
    method: str
    rows: list[UpgradesRow]
    totals: UpgradesTotals


def _method(groups: list[str]) -> str:
    text = (
        "Facility upgrades with status completed that match the filters, grouped by "
        f"{' and '.join(groups)} and summed in the database: completed = upgrades counted, "
        "women_beds_added = their women's beds added, cost_usd = their costs in exact decimal "
        "arithmetic (an upgrade without a recorded cost adds 0). An upgrade's fiscal year is "
        "the US federal fiscal year of its completed_on (October to September); its partner is "
        "its training center's country. Planned, in-progress and cancelled upgrades are not "
        "counted. The sums are read from a rollup of the completed upgrades that every upgrade "
        "write keeps exactly in step, in the same transaction (as known on a past instant: "
        "summed from the records then)."
    )
    if "feature" in groups:
        text += (
            " An upgrade with several features counts in each feature's row and once in the totals."
        )
    return text


async def facility_upgrades(
    session: AsyncSession, actor: Principal, groups: list[str], query: UpgradesQuery
) -> UpgradesReport:
    query, scope = await scoped_query(session, actor, query)
    # The rollup is not versioned: as known then, the records then are summed.
    summed = _from_rollup if known_at() is None else _from_records
    # Either takes the scoped query's filters as conditions take them (program, partner by id).
    rows, totals = await summed(session, actor, groups, scope.conditions(query))
    return UpgradesReport(
        filters=echoed(UpgradesFilters, query),
        group_by=groups,
        method=_method(groups),
        rows=rows,
        totals=totals,
    )


async def _from_rollup(
    session: AsyncSession, actor: Principal, groups: list[str], filters: dict[str, Any]
) -> tuple[list[UpgradesRow], UpgradesTotals]:
    """The report summed from the rollup: each upgrade once from the ALL_FEATURES rows, or
    under each of its features (or the one filtered on) from the feature rows."""
    r = FacilityUpgradesRollup
    # The feature asked for, if any, is chosen by `once` and `by_feature` below, not here.
    feature = filters["feature"]
    conditions = matching(r, **{k: v for k, v in filters.items() if k != "feature"})
    conditions.append(own_country_rows(actor, r.partner_id))
    once = r.feature == (feature or ALL_FEATURES)
    keys: dict[str, Any] = {
        "fiscal_year": r.fiscal_year,
        "partner": Partner.code,
        "feature": r.feature,
    }
    sums = (
        func.sum(r.upgrades).label("completed"),
        func.sum(r.women_beds_added).label("women_beds_added"),
        func.sum(r.cost_usd).label("cost_usd"),
    )
    by_feature: ColumnElement[bool] = once if feature is not None else r.feature != ALL_FEATURES
    stmt = (
        select(*(keys[g].label(g) for g in groups), *sums)
        .where(*conditions, by_feature if "feature" in groups else once)
        .group_by(*(keys[g] for g in groups))
        .order_by(*(keys[g] for g in groups))
    )
    if "partner" in groups:
        stmt = stmt.join(Partner, Partner.id == r.partner_id)
    rows = [
        UpgradesRow(
            **{g: found._mapping[g] for g in groups},
            completed=int(found.completed),
            women_beds_added=int(found.women_beds_added),
            cost_usd=found.cost_usd,
        )
        for found in (await session.execute(stmt)).all()
    ]
    completed, beds, cost = (await session.execute(select(*sums).where(*conditions, once))).one()
    totals = UpgradesTotals(
        completed=int(completed or 0),
        women_beds_added=int(beds or 0),
        cost_usd=cost if cost is not None else Decimal("0.00"),
    )
    return rows, totals


async def _from_records(
    session: AsyncSession, actor: Principal, groups: list[str], filters: dict[str, Any]
) -> tuple[list[UpgradesRow], UpgradesTotals]:
    """The report as a GROUP BY over the upgrade and feature records."""
    conditions = completed_conditions(actor, **filters)
    keys: dict[str, Any] = {
        "fiscal_year": FacilityUpgrade.fiscal_year,
        "partner": Partner.code,
        "feature": UpgradeFeature.feature,
    }
    stmt = (
        select(
            *(keys[g].label(g) for g in groups),
            COMPLETED.label("completed"),
            BEDS.label("women_beds_added"),
            COST.label("cost_usd"),
        )
        .select_from(FacilityUpgrade)
        .where(*conditions)
    )
    if "partner" in groups:
        stmt = stmt.join(
            TrainingCenter, TrainingCenter.id == FacilityUpgrade.training_center_id
        ).join(Partner, Partner.id == TrainingCenter.partner_id)
    if "feature" in groups:
        on = UpgradeFeature.upgrade_id == FacilityUpgrade.id
        if filters["feature"] is not None:
            on = on & (UpgradeFeature.feature == filters["feature"])
        stmt = stmt.join(UpgradeFeature, on)
    stmt = stmt.group_by(*(keys[g] for g in groups)).order_by(*(keys[g] for g in groups))
    rows = [UpgradesRow(**row._mapping) for row in (await session.execute(stmt)).all()]
    completed, beds, cost = (
        await session.execute(
            select(COMPLETED, BEDS, COST).select_from(FacilityUpgrade).where(*conditions)
        )
    ).one()
    return rows, UpgradesTotals(completed=completed, women_beds_added=beds, cost_usd=cost)


def csv_table(report: UpgradesReport) -> tuple[list[str], list[list[Any]]]:
    """The report's rows as CSV: the group keys, then completed, women_beds_added, cost_usd."""
    columns = [*report.group_by, "completed", "women_beds_added", "cost_usd"]
    rows = [
        [
            *(getattr(row, g) for g in report.group_by),
            row.completed,
            row.women_beds_added,
            usd_string(row.cost_usd),
        ]
        for row in report.rows
    ]
    return columns, rows
