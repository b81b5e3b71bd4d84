"""The IMET parity report: women's share of counted nominations against host-force benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.figures import exact_pct, report_pct, share_pct
from app.core.fiscal_year import current_fiscal_year
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.core.suppression import CountTable
from app.imet.nominations.models import Nomination
from app.imet.nominations.service import COUNTED, FEMALE, visible_to
from app.partners.models import Benchmark, Partner
from app.reports.scope import echoed, scoped_query
from app.reports.small_numbers import suppress


@dataclass(frozen=True, slots=True)
class ParityQuery:
    """The report's filters, as the client gave them (default fiscal year: the current)."""

    fiscal_year: int | None = None
    partner: str | None = None
    suppress_below: int | None = None


class ParityFilters(FiltersOf, query=ParityQuery):
    fiscal_year: int
    suppress_below: int | None = None


class ParityRow(BaseModel):
    partner: str
    nominations: int | None
    women: int | None
    women_share_pct: float | None
    benchmark_pct: float | None
    gap_points: float | None
    meets_benchmark: bool | None
    suppressed: list[str] | None = None


class ParityTotals(BaseModel):
    nominations: int | None
    women: int | None
    women_share_pct: float | None
    suppressed: list[str] | None = None


# How the counts add up, for small-number suppression: men are not answered but are
# nominations - women, so a small number of men is withheld like any other count; the share,
# the gap and the comparison with the benchmark all come from the counts.
FROM_COUNTS = ("women", "nominations")
COUNTS = CountTable(
    parts=("women", "men"),
    total="nominations",
    hidden=frozenset({"men"}),
    derived={name: FROM_COUNTS for name in ("women_share_pct", "gap_points", "meets_benchmark")},
)


class ParityReport(BaseModel):
    filters: ParityFilters
    method: str
    rows: list[ParityRow]
    totals: ParityTotals


PARITY_METHOD = (
    "Per partner, the IMET nominations of the fiscal year, excluding withdrawn and rejected "
    "ones. women = those nominations whose nominee is female; women_share_pct = women / "
    "nominations x 100; benchmark_pct = the partner's host-force benchmark (women's share of "
    "its military) for the same fiscal year; gap_points = women_share_pct - benchmark_pct; "
    "meets_benchmark = women_share_pct >= benchmark_pct. Shares and gaps are computed exactly "
    "from the counts and rounded half-up to one decimal at the end. A partner is listed when it "
    "has a nomination or a benchmark for the year. With no counted nominations the share, gap "
    "and meets_benchmark are null (no figure, not 0 %); without a benchmark, benchmark_pct, "
    "gap_points and meets_benchmark are null. totals.women_share_pct = sum of women / sum of "
    "nominations over the rows, never an average of percentages."
)


async def imet_parity(session: AsyncSession, actor: Principal, query: ParityQuery) -> ParityReport:
    year = query.fiscal_year if query.fiscal_year is not None else current_fiscal_year()
    query, scope = await scoped_query(session, actor, query)
    nominations = (
        select(
            Nomination.partner_id.label("partner_id"),
            func.sum(case((COUNTED, 1), else_=0)).label("nominations"),
            func.sum(case((and_(COUNTED, FEMALE), 1), else_=0)).label("women"),
        )
        .where(Nomination.fiscal_year == year, visible_to(actor))
        .group_by(Nomination.partner_id)
        .subquery("counts")
    )
    benchmarks = (
        select(
            Benchmark.partner_id.label("partner_id"),
            Benchmark.military_women_share_pct.label("benchmark"),
        )
        .where(Benchmark.fiscal_year == year)
        .subquery("benchmarks")
    )
    stmt = (
        select(Partner.code, nominations.c.nominations, nominations.c.women, benchmarks.c.benchmark)
        .select_from(Partner)
        .outerjoin(nominations, nominations.c.partner_id == Partner.id)
        .outerjoin(benchmarks, benchmarks.c.partner_id == Partner.id)
        .where(or_(nominations.c.partner_id.is_not(None), benchmarks.c.partner_id.is_not(None)))
        .order_by(Partner.code)
    )
    if scope.partner_id is not None:
        stmt = stmt.where(Partner.id == scope.partner_id)
    rows = []
    for code, counted_n, women_n, benchmark in (await session.execute(stmt)).all():
        count, women = int(counted_n or 0), int(women_n or 0)
        share = exact_pct(women, count)
        target = None if benchmark is None else Fraction(Decimal(benchmark))
        compared = share is not None and target is not None
        rows.append(
            ParityRow(
                partner=code,
                nominations=count,
                women=women,
                women_share_pct=report_pct(share),
                benchmark_pct=None if benchmark is None else float(benchmark),
                gap_points=report_pct(share - target) if compared else None,  # type: ignore[operator]
                meets_benchmark=bool(share >= target) if compared else None,  # type: ignore[operator]
            )
        )
    total = sum(r.nominations or 0 for r in rows)
    total_women = sum(r.women or 0 for r in rows)
    report = ParityReport(
        filters=echoed(ParityFilters, query, fiscal_year=year),
        method=PARITY_METHOD,
        rows=rows,
        totals=ParityTotals(
            nominations=total,
            women=total_women,
            women_share_pct=share_pct(total_women, total),
        ),
    )
    return suppress(report, COUNTS, query.suppress_below, rows, report.totals)


def csv_table(report: ParityReport) -> tuple[list[str], list[list[Any]]]:
    """CSV columns and rows (the rows only; filters and method are in the JSON form); a
    withheld count is an empty cell."""
    columns = [name for name in ParityRow.model_fields if name != "suppressed"]
    return columns, [[getattr(row, c) for c in columns] for row in report.rows]
