"""Named metrics: the figures a derived indicator reads from the service's own records.

Each metric calls the report that already aggregates those records in SQL (women trained,
IMET completions and parity, funding, peacekeeping share), so an indicator and the report
it comes from can never disagree. Figures are per fiscal year; the caller's scope (an
embassy's own country) is applied by those reports exactly as on their own routes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFound
from app.core.fiscal_year import fiscal_year_bounds
from app.core.security import Principal
from app.reports.funding import FundingQuery, funding_report
from app.reports.peacekeeping import peacekeeping_share
from app.reports.service import imet_completions, imet_parity, women_trained


@dataclass(frozen=True)
class MetricSpec:
    measure: str
    filters: frozenset[str]
    required: frozenset[str] = frozenset()
    description: str = ""


METRICS: dict[str, MetricSpec] = {
    "women_trained": MetricSpec(
        "count",
        frozenset({"program", "topic", "kind", "partner"}),
        description="women among training participants (reports/women-trained, women)",
    ),
    "participants_trained": MetricSpec(
        "count",
        frozenset({"program", "topic", "kind", "partner"}),
        description="all training participants (reports/women-trained, total)",
    ),
    "imet_women_completed": MetricSpec(
        "count",
        frozenset({"partner"}),
        description="women whose IMET nomination reached completed (reports/imet-completions)",
    ),
    "imet_women_share": MetricSpec(
        "percent",
        frozenset({"partner"}),
        description="women / counted IMET nominations of the year (reports/imet-parity totals)",
    ),
    "obligations": MetricSpec(
        "currency",
        frozenset({"program", "purpose", "type", "partner"}),
        description="USD obligated (or disbursed, by type) (reports/funding)",
    ),
    "peacekeeping_partner_women_share": MetricSpec(
        "percent",
        frozenset({"program"}),
        frozenset({"program"}),
        description=(
            "program partners' military women / all deployed military women, from the latest "
            "UN snapshot reported within the fiscal year (reports/peacekeeping-share)"
        ),
    ),
}


@dataclass
class Figure:
    """One fiscal year of a metric: a value (count, currency) or the parts of a percent."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    records: dict[str, Any] = field(default_factory=dict)


@dataclass
class MetricFigures:
    by_year: dict[int, Figure]
    inputs: dict[str, Any]
    note: str | None = None


@dataclass(frozen=True)
class MetricQuery:
    metric: str
    filters: dict[str, str]
    from_fy: int | None  # None: from the first year on record (for running totals)
    to_fy: int
    partner: str | None  # the scope: one partner's figures (an embassy's own, or asked for)


Compute = Callable[[AsyncSession, Principal, MetricQuery], Awaitable[dict[int, Figure]]]


async def _trained(
    session: AsyncSession, actor: Principal, query: MetricQuery, column: str
) -> dict[int, Figure]:
    f = query.filters
    report = await women_trained(
        session,
        actor,
        program=f.get("program"),
        partner=query.partner,
        topic=f.get("topic"),
        kind=f.get("kind"),
        from_fy=query.from_fy,
        to_fy=query.to_fy,
        group_by="fiscal_year",
    )
    return {int(str(row["fiscal_year"])): Figure(Decimal(str(row[column]))) for row in report.rows}


async def _women_trained(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    return await _trained(session, actor, query, "women")


async def _participants_trained(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    return await _trained(session, actor, query, "total")


async def _imet_women_completed(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    report = await imet_completions(
        session,
        actor,
        from_fy=query.from_fy,
        to_fy=query.to_fy,
        partner=query.partner,
        group_by="fiscal_year",
    )
    return {
        row.fiscal_year: Figure(Decimal(row.women))
        for row in report.rows
        if hasattr(row, "fiscal_year")
    }


def _years(query: MetricQuery) -> range:
    return range(query.from_fy if query.from_fy is not None else query.to_fy, query.to_fy + 1)


async def _imet_women_share(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    figures = {}
    for year in _years(query):
        report = await imet_parity(session, actor, fiscal_year=year, partner=query.partner)
        if report.totals.nominations:
            figures[year] = Figure(
                numerator=Decimal(report.totals.women),
                denominator=Decimal(report.totals.nominations),
            )
    return figures


async def _obligations(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    f = query.filters
    report = await funding_report(
        session,
        actor,
        ["fiscal_year"],
        FundingQuery(
            program=f.get("program"),
            from_fy=query.from_fy,
            to_fy=query.to_fy,
            partner=query.partner,
            type=f.get("type", "obligation"),
            purpose=f.get("purpose"),
        ),
    )
    return {
        int(row.fiscal_year): Figure(row.amount_usd, records={"obligations": row.records})
        for row in report.rows
        if row.fiscal_year is not None
    }


async def _peacekeeping_share(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    figures = {}
    for year in _years(query):
        first_day, last_day = fiscal_year_bounds(year)
        try:
            report = await peacekeeping_share(session, query.filters["program"], last_day, False)
        except NotFound:
            continue
        if report.snapshot.reporting_date < first_day or not report.all_women:
            continue  # no snapshot reported within the year (or no women in it)
        figures[year] = Figure(
            numerator=Decimal(report.partner_women),
            denominator=Decimal(report.all_women),
            records={"snapshot": report.snapshot.model_dump(mode="json")},
        )
    return figures


COMPUTE: dict[str, Compute] = {
    "women_trained": _women_trained,
    "participants_trained": _participants_trained,
    "imet_women_completed": _imet_women_completed,
    "imet_women_share": _imet_women_share,
    "obligations": _obligations,
    "peacekeeping_partner_women_share": _peacekeeping_share,
}


async def compute(
    session: AsyncSession,
    actor: Principal,
    metric: str,
    filters: dict[str, str],
    *,
    from_fy: int | None,
    to_fy: int,
    partner: str | None,
) -> MetricFigures:
    """The metric per fiscal year within from_fy..to_fy, limited to `partner` when given."""
    inputs: dict[str, Any] = {
        "metric": metric,
        "filters": dict(filters),
        "partner": partner,
        "from_fy": from_fy,
        "to_fy": to_fy,
        "definition": METRICS[metric].description,
    }
    wanted = filters.get("partner")
    if partner is not None and wanted is not None and wanted != partner:
        return MetricFigures({}, inputs, note=f"the metric is limited to partner {wanted}")
    if metric == "peacekeeping_partner_women_share" and (actor.is_embassy or partner):
        # A share of all deployed women is not one country's figure.
        return MetricFigures({}, inputs, note="not available for one partner")
    query = MetricQuery(metric, filters, from_fy, to_fy, partner or wanted)
    return MetricFigures(await COMPUTE[metric](session, actor, query), inputs)
