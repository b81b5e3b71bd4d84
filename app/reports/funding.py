"""The funding report: obligated (or disbursed) USD summed in SQL with exact decimals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import invalid_query
from app.core.schemas import FiltersOf, MoneyOutput, usd_string
from app.core.security import Principal
from app.funding.models import Obligation, ObligationPurpose
from app.funding.service import obligation_filters
from app.partners.models import Partner
from app.programs.models import Program
from app.reports.scope import GroupRow, echoed, scoped_query

GROUPS = ("program", "fiscal_year", "partner", "purpose")


@dataclass(frozen=True, slots=True)
class FundingQuery:
    """The report's filters, as the client gave them (codes normalized)."""

    program: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    partner: str | None = None
    type: str = "obligation"
    purpose: str | None = None


class FundingFilters(FiltersOf, query=FundingQuery):
    pass


class FundingRow(GroupRow, groups=GROUPS):
    """One group: only the keys grouped by are present (`partner`/`purpose` null = none)."""

    amount_usd: MoneyOutput
    records: int


class FundingTotals(BaseModel):
    amount_usd: MoneyOutput
    records: int


class FundingReport(BaseModel):
    filters: FundingFilters
    group_by: list[str]
    method: str
    rows: list[FundingRow]
    totals: FundingTotals


def _method(query: FundingQuery, groups: list[str]) -> str:
    text = (
        f"Sum of amount_usd over {query.type} records matching the filters, grouped by "
        f"{' and '.join(groups)}, in exact decimal arithmetic in the database."
    )
    if "purpose" in groups:
        text += (
            " A record tagged with several purposes counts in each purpose's row and once in"
            " the totals; records without a purpose are grouped under purpose null."
        )
    if "partner" in groups:
        text += " Records not tied to a partner are grouped under partner null."
    return text


async def funding_report(
    session: AsyncSession, principal: Principal, groups: list[str], query: FundingQuery
) -> FundingReport:
    if query.from_fy is not None and query.to_fy is not None and query.from_fy > query.to_fy:
        raise invalid_query("from_fy", "must not be after to_fy")
    query, scope = await scoped_query(session, principal, query)
    conditions = obligation_filters(principal, **scope.conditions(query))

    amount = func.coalesce(func.sum(Obligation.amount_usd), 0)
    keys = {
        "program": Program.code,
        "fiscal_year": Obligation.fiscal_year,
        "partner": Partner.code,
        "purpose": ObligationPurpose.purpose,
    }
    columns = [keys[g].label(g) for g in groups]
    stmt = select(*columns, amount.label("amount_usd"), func.count().label("records")).where(
        *conditions
    )
    stmt = stmt.select_from(Obligation)
    if "program" in groups:
        stmt = stmt.join(Program, Program.id == Obligation.program_id)
    if "partner" in groups:
        stmt = stmt.outerjoin(Partner, Partner.id == Obligation.partner_id)
    if "purpose" in groups:
        on = ObligationPurpose.obligation_id == Obligation.id
        if query.purpose is not None:
            on = on & (ObligationPurpose.purpose == query.purpose)
        stmt = stmt.outerjoin(ObligationPurpose, on)
    stmt = stmt.group_by(*(keys[g] for g in groups)).order_by(
        *(keys[g].asc().nulls_last() for g in groups)
    )
    rows = [
        FundingRow(
            **{g: row._mapping[g] for g in groups}, amount_usd=row.amount_usd, records=row.records
        )
        for row in (await session.execute(stmt)).all()
    ]
    total_amount, total_records = (
        await session.execute(
            select(amount, func.count()).select_from(Obligation).where(*conditions)
        )
    ).one()
    return FundingReport(
        filters=echoed(FundingFilters, query),
        group_by=groups,
        method=_method(query, groups),
        rows=rows,
        totals=FundingTotals(amount_usd=total_amount, records=total_records),
    )


def csv_table(report: FundingReport) -> tuple[list[str], list[list[Any]]]:
    """The report's rows as CSV: the group keys, then amount_usd and records."""
    columns = [*report.group_by, "amount_usd", "records"]
    rows = [
        [*(getattr(row, g) for g in report.group_by), usd_string(row.amount_usd), row.records]
        for row in report.rows
    ]
    return columns, rows
