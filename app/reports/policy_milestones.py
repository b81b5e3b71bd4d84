"""The policy-milestones report: policies, plans and capacity partner governments adopted
(WPS outcome 4), counted in SQL by fiscal year, partner or kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.history import known_at
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.gdrp.models import PolicyMilestone, PolicyMilestonesRollup
from app.gdrp.service import milestone_conditions
from app.partners.models import Partner
from app.reports.scope import GroupRow, echoed, scoped_query

GROUPS = ("fiscal_year", "partner", "kind")


@dataclass(frozen=True, slots=True)
class MilestonesQuery:
    program: str | None = None
    partner: str | None = None
    kind: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None


class MilestonesFilters(FiltersOf, query=MilestonesQuery):
    pass


class MilestonesRow(GroupRow, groups=GROUPS):
    """One group: only the keys grouped by are present."""

    milestones: int


class MilestonesTotals(BaseModel):
    milestones: int


class MilestonesReport(BaseModel):
    filters: MilestonesFilters
    group_by: list[str]
    method: str
    rows: list[MilestonesRow]
    totals: MilestonesTotals


def _method(groups: list[str]) -> str:
    return (
        "Policy milestones (a national action plan, gender policy, recruitment target, "
        "anti-harassment policy, gender advisor position or other policy a partner government "
        "adopted) that match the filters, counted in the database and grouped by "
        f"{' and '.join(groups)}. A milestone's fiscal year is the US federal fiscal year of "
        "its adopted_on (October to September); each milestone counts once. The counts are "
        "read from a rollup of the milestones that every milestone write keeps exactly in "
        "step, in the same transaction (as known on a past instant: counted from the records "
        "then)."
    )


async def policy_milestones(
    session: AsyncSession, actor: Principal, groups: list[str], query: MilestonesQuery
) -> MilestonesReport:
    query, scope = await scoped_query(session, actor, query)
    # From the rollup; as known at a past instant (the rollup is not versioned), the records
    # then, read through the same columns.
    table: Any = PolicyMilestonesRollup if known_at() is None else PolicyMilestone
    conditions = milestone_conditions(actor, **scope.conditions(query), table=table)
    keys: dict[str, Any] = {
        "fiscal_year": table.fiscal_year,
        "partner": Partner.code,
        "kind": table.kind,
    }
    count = (
        func.coalesce(func.sum(table.milestones), 0)
        if table is PolicyMilestonesRollup
        else func.count(table.id)
    )
    stmt = (
        select(*(keys[g].label(g) for g in groups), count.label("milestones"))
        .select_from(table)
        .where(*conditions)
    )
    if "partner" in groups:
        stmt = stmt.join(Partner, Partner.id == table.partner_id)
    stmt = stmt.group_by(*(keys[g] for g in groups)).order_by(*(keys[g] for g in groups))
    rows = [
        MilestonesRow(**{**row._mapping, "milestones": int(row.milestones)})
        for row in (await session.execute(stmt)).all()
    ]
    total = await session.scalar(select(count).select_from(table).where(*conditions))
    return MilestonesReport(
        filters=echoed(MilestonesFilters, query),
        group_by=groups,
        method=_method(groups),
        rows=rows,
        totals=MilestonesTotals(milestones=int(total or 0)),
    )


def csv_table(report: MilestonesReport) -> tuple[list[str], list[list[Any]]]:
    """The report's rows as CSV: the group keys, then milestones."""
    columns = [*report.group_by, "milestones"]
    return columns, [
        [*(getattr(row, g) for g in report.group_by), row.milestones] for row in report.rows
    ]
