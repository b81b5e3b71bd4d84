"""The IMET completions report: women and men who completed IMET training, from completed
nominations and from IMET history (the years before the service)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.figures import share_pct
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.core.suppression import CountTable
from app.imet.history.service import CompletionsGroup, completions_by
from app.reports.scope import echoed, scoped_query
from app.reports.small_numbers import suppress


@dataclass(frozen=True, slots=True)
class CompletionsQuery:
    """The report's filters, as the client gave them."""

    from_fy: int | None = None
    to_fy: int | None = None
    partner: str | None = None
    group_by: CompletionsGroup = "fiscal_year"
    suppress_below: int | None = None


class CompletionsFilters(FiltersOf, query=CompletionsQuery):
    group_by: CompletionsGroup  # read by the CSV table
    suppress_below: int | None = None


class CompletionsByYear(BaseModel):
    fiscal_year: int
    women: int | None
    men: int | None
    total: int | None
    suppressed: list[str] | None = None


class CompletionsByPartner(BaseModel):
    partner: str
    women: int | None
    men: int | None
    total: int | None
    suppressed: list[str] | None = None


class CompletionsTotals(BaseModel):
    women: int | None
    men: int | None
    total: int | None
    women_share_pct: float | None
    suppressed: list[str] | None = None


class CompletionsReport(BaseModel):
    filters: CompletionsFilters
    method: str
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    totals: CompletionsTotals


COMPLETIONS_METHOD = (
    "IMET completions from two sources added up in one SQL query (UNION ALL, then grouped): "
    "nominees whose nomination reached the status completed, counted by nominee sex (women, "
    "men), and IMET history records (a partner's women and men who completed IMET in a fiscal "
    "year before the service, with their source; GET /api/v1/imet-history). A partner's fiscal "
    "year is covered by one source only, never both, so nobody is counted twice. Grouped by "
    "fiscal year or by partner, within from_fy..to_fy inclusive (open ends when omitted). "
    "totals.women_share_pct = women / total x 100, rounded half-up to one decimal; null when "
    "there are no completions."
)


# How the counts add up, for small-number suppression.
COUNTS = CountTable(
    parts=("women", "men"), total="total", derived={"women_share_pct": ("women", "total")}
)


async def imet_completions(
    session: AsyncSession, actor: Principal, query: CompletionsQuery
) -> CompletionsReport:
    query, scope = await scoped_query(session, actor, query)
    result = await completions_by(
        session,
        actor,
        query.group_by,
        partner_id=scope.partner_id,
        from_fy=query.from_fy,
        to_fy=query.to_fy,
    )
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    if query.group_by == "fiscal_year":
        rows = [CompletionsByYear(fiscal_year=k, women=w, men=m, total=w + m) for k, w, m in result]
    else:
        rows = [CompletionsByPartner(partner=k, women=w, men=m, total=w + m) for k, w, m in result]
    women = sum(w for _, w, _ in result)
    men = sum(m for _, _, m in result)
    report = CompletionsReport(
        filters=echoed(CompletionsFilters, query),
        method=COMPLETIONS_METHOD,
        rows=rows,
        totals=CompletionsTotals(
            women=women,
            men=men,
            total=women + men,
            women_share_pct=share_pct(women, women + men),
        ),
    )
    return suppress(report, COUNTS, query.suppress_below, rows, report.totals)


def csv_table(report: CompletionsReport) -> tuple[list[str], list[list[Any]]]:
    """CSV columns and rows: the group key, women, men, total."""
    columns = [report.filters.group_by, "women", "men", "total"]
    return columns, [[getattr(row, c) for c in columns] for row in report.rows]
