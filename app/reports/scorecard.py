"""The WPS scorecard: per outcome, each indicator's target, actual, percent of target and
status for one fiscal year, with the records each figure came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.figures import report_pct
from app.core.fiscal_year import current_fiscal_year
from app.core.records import flatten
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.core.suppression import suppression_method
from app.indicators import progress
from app.indicators.schemas import Include, ProgressStatus
from app.partners.service import figures_partner
from app.reports.scope import echoed


@dataclass(frozen=True, slots=True)
class ScorecardQuery:
    """The scorecard's filters, as the client gave them (default fiscal year: the current)."""

    fiscal_year: int | None = None
    outcome: int | None = None
    program: str | None = None
    partner: str | None = None
    include: Include | None = None
    suppress_below: int | None = None


class ScorecardIndicator(BaseModel):
    code: str
    name: str
    program: str | None
    measure: str
    direction: str
    aggregation: str
    source: str
    baseline: str | None
    target: str | None
    actual: str | None
    numerator: str | None
    denominator: str | None
    pct_of_target: float | None
    status: ProgressStatus | None  # null only when withheld with the actual
    locked: bool
    records: dict[str, Any]
    result_status: str | None = None
    suppressed: list[str] | None = None


class ScorecardOutcome(BaseModel):
    number: int
    title: str
    text: str
    indicators: list[ScorecardIndicator]


class ScorecardFilters(FiltersOf, query=ScorecardQuery):
    fiscal_year: int
    # Echoed when asked for (the answer leaves unset fields out).
    include: Include | None = None
    suppress_below: int | None = None


class Scorecard(BaseModel):
    filters: ScorecardFilters
    method: str
    outcomes: list[ScorecardOutcome]


METHOD = (
    "Every indicator of each WPS outcome for the fiscal year, each computed as its progress "
    "row (GET /api/v1/indicators/{code}/progress) for that year: "
    + progress.method("rounded half-up to one decimal, as every report rounds percentages")
    + " records names what each figure came from: for derived indicators the metric, its "
    "filters and the partner scope (plus the UN snapshot for peacekeeping shares); for manual "
    "ones the ids of the results summed, approved ones only unless include=unapproved "
    "(result_status then says the approval status of the results counted)."
)


# The figures of an indicator's line: its progress row's for the fiscal year.
ROW_FIGURES = (
    "target",
    "actual",
    "numerator",
    "denominator",
    "pct_of_target",
    "status",
    "locked",
    "result_status",
)


async def scorecard(session: AsyncSession, actor: Principal, query: ScorecardQuery) -> Scorecard:
    year = query.fiscal_year if query.fiscal_year is not None else current_fiscal_year()
    scope = await figures_partner(session, actor, query.partner)
    indicators = await progress.indicators_for_scorecard(session, query.outcome, query.program)
    by_outcome: dict[int, list[ScorecardIndicator]] = {}
    for indicator in indicators:
        # A running total's small increase shows against the year before: read that one too.
        running = query.suppress_below is not None and indicator.aggregation == "cumulative"
        years = await progress.indicator_progress(
            session,
            actor,
            indicator,
            year - 1 if running else year,
            year,
            scope,
            shown_pct=report_pct,
            unapproved=query.include == "unapproved",
        )
        rows, inputs = years.rows, years.inputs
        if query.suppress_below is not None:
            rows = progress.withhold_small_numbers(indicator, rows, query.suppress_below)
        row = rows[-1]
        records = dict(row.records)
        if indicator.source == "derived":
            keep = ("filters", "partner", "from_fy", "to_fy", "note")
            records.update({name: inputs[name] for name in keep if name in inputs})
        by_outcome.setdefault(indicator.outcome, []).append(
            ScorecardIndicator(
                code=indicator.code,
                name=indicator.name,
                program=indicator.program_code,
                **progress.described(indicator),
                **{name: getattr(row, name) for name in ROW_FIGURES},
                records=records,
                **({"suppressed": row.suppressed} if query.suppress_below is not None else {}),
            )
        )
    outcomes = [
        ScorecardOutcome(
            number=o.number, title=o.title, text=o.text, indicators=by_outcome.get(o.number, [])
        )
        for o in await progress.outcome_titles(session)
        if query.outcome is None or o.number == query.outcome
    ]
    return Scorecard(
        filters=echoed(
            ScorecardFilters,
            query,
            fiscal_year=year,
            program=query.program.upper() if query.program else None,
            partner=scope.code if scope else None,
            suppress_below=query.suppress_below,  # no suppression step echoes it here
        ),
        method=METHOD + (suppression_method(query.suppress_below) if query.suppress_below else ""),
        outcomes=outcomes,
    )


# A line: the year and outcome, its indicator's own columns, then its progress row's figures.
INDICATOR_COLUMNS = ("code", "name", "program", "measure", "source")
CSV_COLUMNS = ["fiscal_year", "outcome", *INDICATOR_COLUMNS, *ROW_FIGURES]


def csv_table(report: Scorecard) -> tuple[list[str], list[list[Any]]]:
    """One line per indicator; its `records` flattened into named columns (`records.metric`,
    `records.filters.program`, ...), the union over the indicators, in name order."""
    lines = [
        (
            [
                report.filters.fiscal_year,
                outcome.number,
                *(getattr(item, name) for name in (*INDICATOR_COLUMNS, *ROW_FIGURES)),
            ],
            flatten(item.records, "records"),
        )
        for outcome in report.outcomes
        for item in outcome.indicators
    ]
    extra = sorted({name for _, records in lines for name in records})
    rows = [own + [records.get(name) for name in extra] for own, records in lines]
    return CSV_COLUMNS + extra, rows
