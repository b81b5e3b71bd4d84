"""Progress of an indicator per fiscal year: target, actual, percent of target, status.

Manual indicators read their results (summed in SQL); derived ones compute their named
metric (app/indicators/metrics.py). The scorecard report is built from the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core.errors import invalid_query
from app.core.figures import part_text, pct_text, progress_pct
from app.core.fiscal_year import current_fiscal_year
from app.core.params import check_fiscal_years
from app.core.security import Principal
from app.core.suppression import small_share, suppression_method, withheld_in_series
from app.indicators import approval, rules
from app.indicators.metrics import Figure, Memo, compute
from app.indicators.models import (
    Indicator,
    IndicatorLock,
    IndicatorResult,
    Target,
    format_quantity,
)
from app.indicators.schemas import Include, Measure, Progress, ProgressFilters, ProgressRow
from app.indicators.service import get_indicator
from app.outcomes.models import Outcome
from app.partners.models import Partner
from app.partners.service import figures_partner
from app.programs.service import find_program

MAX_PROGRESS_YEARS = 50
# How a row shows its exact percent of target (core/figures names the rules).
ShownPct = Callable[[Fraction | None], float | None]


@dataclass
class Actual:
    """A fiscal year's figure: value (count, currency) or the parts (percent), and sources."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    records: dict[str, Any] | None = None
    # Manual results: the approval status of those counted (`mixed` when they differ).
    result_status: str | None = None
    # The people counted by sex where the records say (a count of women only: `women` alone).
    women: int | None = None
    men: int | None = None

    def exact(self, measure: str) -> Fraction | None:
        if measure == "percent":
            if self.numerator is None or not self.denominator:
                return None
            return Fraction(self.numerator) * 100 / Fraction(self.denominator)
        return rules.as_fraction(self.value)


async def _manual_actuals(
    session: AsyncSession,
    indicator: Indicator,
    from_fy: int,
    to_fy: int,
    scope: Partner | None,
    unapproved: bool,
) -> dict[int, Actual]:
    """Per fiscal year, summed in SQL: the overall result when there is one, else the sum of
    the partners' results (percent: sums of numerators and denominators, never an average).
    Approved results only, unless `unapproved` asks for every result."""
    r = IndicatorResult
    overall = r.partner_id.is_(None)
    counted = [r.indicator_id == indicator.id, r.fiscal_year.between(from_fy, to_fy)]
    if not unapproved:
        counted.append(r.status == approval.COUNTED)
    if scope is not None:
        counted.append(r.partner_id == scope.id)

    def part(column: Any, where: Any) -> Any:
        return func.sum(case((where, column), else_=None))

    sexed = r.women.is_not(None) & r.men.is_not(None)
    columns = [
        column.label(f"{prefix}_{name}")
        for prefix, where in (("overall", overall), ("partner", ~overall))
        for name, column in (
            ("n", func.count(case((where, 1), else_=None))),
            ("value", part(r.value, where)),
            ("num", part(r.numerator, where)),
            ("den", part(r.denominator, where)),
            ("women", part(r.women, where)),
            ("men", part(r.men, where)),
            ("sexed", func.count(case((where & sexed, 1), else_=None))),
        )
    ]
    stmt = select(r.fiscal_year, *columns).where(*counted).group_by(r.fiscal_year)
    ids_stmt = select(r.fiscal_year, r.id, r.partner_id, r.status).where(*counted)
    ids: dict[tuple[int, bool], list[int]] = {}
    statuses: dict[tuple[int, bool], set[str]] = {}
    for year, result_id, partner_id, status in (
        await session.execute(ids_stmt.order_by(r.id))
    ).all():
        ids.setdefault((year, partner_id is None), []).append(result_id)
        statuses.setdefault((year, partner_id is None), set()).add(str(status))
    actuals = {}
    for row in (await session.execute(stmt)).all():
        use_overall = row.overall_n > 0
        prefix = "overall" if use_overall else "partner"
        values = [getattr(row, f"{prefix}_{name}") for name in ("value", "num", "den")]
        # SUM keeps the Quantity column type, so these come back as exact Decimals.
        value, numerator, denominator = values
        used = ids.get((row.fiscal_year, use_overall), [])
        found = statuses.get((row.fiscal_year, use_overall), set())
        # By sex only when every result counted has its breakdown.
        by_sex = getattr(row, f"{prefix}_sexed") == getattr(row, f"{prefix}_n")
        actuals[row.fiscal_year] = Actual(
            value=value if indicator.measure != "percent" else None,
            numerator=numerator,
            denominator=denominator,
            records={"results": len(used), "result_ids": used},
            result_status=found.pop() if len(found) == 1 else "mixed",
            women=int(getattr(row, f"{prefix}_women")) if by_sex else None,
            men=int(getattr(row, f"{prefix}_men")) if by_sex else None,
        )
    return actuals


class Running:
    """A cumulative indicator's running total, and its people by sex when the metric counts
    them (a metric's years all carry a breakdown or none do)."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        known = list(figures)
        self.value = Decimal(0)
        self.women = 0 if any(f.women is not None for f in known) else None
        self.men = 0 if any(f.men is not None for f in known) else None

    def add(self, figure: Figure | None) -> None:
        if figure is None:
            return
        self.value += figure.value or 0
        if self.women is not None:
            self.women += figure.women or 0
        if self.men is not None:
            self.men += figure.men or 0

    def actual(self, records: dict[str, Any]) -> Actual:
        return Actual(value=self.value, records=records, women=self.women, men=self.men)


CUMULATIVE_FROM = "cumulative_from_fy"


async def _derived_actuals(
    session: AsyncSession,
    actor: Principal,
    indicator: Indicator,
    from_fy: int,
    to_fy: int,
    partner: str | None,
    memo: Memo,
) -> tuple[dict[int, Actual], dict[str, Any]]:
    """Per fiscal year, a derived indicator's actual: its metric computed for `partner` (a code;
    None: every partner), with the inputs it was computed from."""
    cumulative = indicator.aggregation == "cumulative"
    assert indicator.metric is not None
    figures = await compute(
        session,
        actor,
        indicator.metric,
        indicator.metric_filters,
        from_fy=None if cumulative else from_fy,
        to_fy=to_fy,
        partner=partner,
        memo=memo,
    )
    inputs = dict(figures.inputs)
    if figures.note:
        inputs["note"] = figures.note
    actuals: dict[int, Actual] = {}
    running = Running(figures.by_year.values())
    first_year = min(figures.by_year, default=from_fy)
    if cumulative:
        # Where the running totals start: the first fiscal year on record (none: no record).
        inputs[CUMULATIVE_FROM] = min(figures.by_year, default=None)
    zero = indicator.measure != "percent" and figures.note is None
    for year in range(min(first_year, from_fy), to_fy + 1):
        figure = figures.by_year.get(year)
        if cumulative:
            running.add(figure)
        if year < from_fy:
            continue
        records = {"metric": indicator.metric, **(figure.records if figure else {})}
        if cumulative:
            actuals[year] = running.actual(records) if zero else Actual(records=records)
        elif figure is not None:
            actuals[year] = Actual(
                figure.value,
                figure.numerator,
                figure.denominator,
                records,
                women=figure.women,
                men=figure.men,
            )
        else:
            # No record in the year: a count or an amount is 0; a share has no figure.
            actuals[year] = Actual(value=Decimal(0) if zero else None, records=records)
    return actuals, inputs


def method(rounding: str) -> str:
    """How progress rows are computed; `rounding` says how pct_of_target is rounded."""
    return (
        "Per fiscal year: target = the indicator's target for the year (the partner's own target "
        "when limited to a partner); actual = for manual indicators the year's approved result "
        "(every result, whatever its approval, with include=unapproved; the overall "
        "result when entered, else the sum over partners; percents from summed numerators and "
        "denominators, never averaged; a cumulative indicator's results are running totals as "
        "entered); for derived indicators the named metric, summed in SQL per year as the report "
        "it comes from sums it, or for a cumulative indicator the running total over every year "
        "on record up to the year. pct_of_target = actual / target x 100 (increase) or "
        f"(baseline - actual) / (baseline - target) x 100 (decrease), {rounding}; status on_track "
        "when that is 100 or more (the exact figure decides), behind otherwise or when there is "
        "no actual, no_target when the year has no target."
    )


METHOD = method("truncated to one decimal")


async def _all_targets(session: AsyncSession, indicator: Indicator) -> dict[Any, Decimal]:
    """The indicator's targets by (partner id, None: overall; fiscal year)."""
    stmt = select(Target.partner_id, Target.fiscal_year, Target.value).where(
        Target.indicator_id == indicator.id
    )
    return {(partner, year): value for partner, year, value in (await session.execute(stmt)).all()}


async def _locked(session: AsyncSession, indicator: Indicator) -> set[int]:
    stmt = select(IndicatorLock.fiscal_year).where(IndicatorLock.indicator_id == indicator.id)
    return set((await session.scalars(stmt)).all())


async def _targets(
    session: AsyncSession, indicator: Indicator, scope: Partner | None, memo: Memo
) -> dict[int, Decimal]:
    """The indicator's targets for `scope` (None: overall) by fiscal year, its targets for
    every scope read once per memo."""
    found = await memo.get(("targets", indicator.id), partial(_all_targets, session, indicator))
    partner_id = scope.id if scope else None
    return {year: value for (partner, year), value in found.items() if partner == partner_id}


def _row(
    indicator: Indicator,
    year: int,
    target: Decimal | None,
    actual: Actual | None,
    locked: bool,
    shown_pct: ShownPct,
) -> ProgressRow:
    measure = indicator.measure
    exact_actual = actual.exact(measure) if actual else None
    exact_target = rules.as_fraction(target)
    pct = rules.pct_of_target(
        indicator.direction, exact_actual, exact_target, rules.as_fraction(indicator.baseline)
    )
    shown_actual = numerator = denominator = None
    if actual is not None and measure == Measure.percent:
        numerator, denominator = part_text(actual.numerator), part_text(actual.denominator)
        shown_actual = pct_text(exact_actual)  # exactly from the parts, rounded once
    elif actual is not None:
        shown_actual = format_quantity(measure, actual.value)
    return ProgressRow(
        fiscal_year=year,
        target=format_quantity(measure, target),
        actual=shown_actual,
        numerator=numerator,
        denominator=denominator,
        pct_of_target=shown_pct(pct),
        status=rules.status_of(indicator.direction, exact_actual, exact_target, pct),
        locked=locked,
        records=(actual.records if actual and actual.records else {}),
        result_status=actual.result_status if actual else None,
    )


def _whole(text: str | None) -> int | None:
    return None if text is None else int(Decimal(text))


def withhold_small_numbers(
    indicator: Indicator, rows: Sequence[ProgressRow], k: int, also: Iterable[int] = ()
) -> list[ProgressRow]:
    """The rows with counts of people from 1 to k-1 withheld (named in `suppressed`): a count
    indicator's actual (for a running total, also a small increase over the year before), a
    percent's parts when either part or their difference is small; pct_of_target and status
    with them (a target met or missed bounds the actual); and the years `also` withheld for
    another reason (a running total's later years that equal them with them)."""
    fields: tuple[str, ...] = ()
    gone: set[int] = set(also)
    if indicator.measure == Measure.count:
        fields = ("actual", "pct_of_target", "status")
        values = [_whole(row.actual) for row in rows]
        running = indicator.aggregation == "cumulative"
        gone = withheld_in_series(values, k, running=running, also=also)
    elif indicator.measure == Measure.percent:
        fields = ("actual", "numerator", "denominator", "pct_of_target", "status")
        for i, row in enumerate(rows):
            if small_share(_whole(row.numerator), _whole(row.denominator), k):
                gone.add(i)
    return [
        row.model_copy(
            update={
                **({name: None for name in fields} if i in gone else {}),
                "suppressed": list(fields) if i in gone else [],
            }
        )
        for i, row in enumerate(rows)
    ]


def described(indicator: Indicator) -> dict[str, Any]:
    """How an indicator counts, as its progress and its scorecard line both state it."""
    return {
        "measure": indicator.measure,
        "direction": indicator.direction,
        "aggregation": indicator.aggregation,
        "source": indicator.source,
        "baseline": indicator.baseline_text,
    }


@dataclass
class Years:
    """An indicator's progress rows over a range of fiscal years, the actual each row shows
    (None: none), and the inputs they were computed from."""

    rows: list[ProgressRow]
    actuals: list[Actual | None]
    inputs: dict[str, Any]


async def indicator_progress(
    session: AsyncSession,
    actor: Principal,
    indicator: Indicator,
    from_fy: int,
    to_fy: int,
    scope: Partner | None,
    shown_pct: ShownPct = progress_pct,
    unapproved: bool = False,
    memo: Memo | None = None,
) -> Years:
    """Progress rows for from_fy..to_fy, the actual behind each (with its people by sex) and
    the inputs they were computed from; `shown_pct` rounds percent of target (a progress row's
    rule unless a report asks for its own); `unapproved` counts manual results whatever their
    approval status; `memo` shares queries (of targets, locks, derived figures) with the
    caller's other indicators and scopes."""
    memo = memo or Memo()
    inputs: dict[str, Any] = {"source": indicator.source}
    if indicator.measure == "qualitative":
        actuals: dict[int, Actual] = {}
    elif indicator.source == "derived":
        actuals, inputs = await _derived_actuals(
            session, actor, indicator, from_fy, to_fy, scope.code if scope else None, memo
        )
    else:
        actuals = await _manual_actuals(session, indicator, from_fy, to_fy, scope, unapproved)
    targets = await _targets(session, indicator, scope, memo)
    locked = await memo.get(("locks", indicator.id), partial(_locked, session, indicator))
    shown = [actuals.get(year) for year in range(from_fy, to_fy + 1)]
    rows = [
        _row(indicator, year, targets.get(year), actual, year in locked, shown_pct)
        for year, actual in zip(range(from_fy, to_fy + 1), shown, strict=True)
    ]
    return Years(rows, shown, inputs)


async def progress(
    session: AsyncSession,
    actor: Principal,
    code: str,
    from_fy: int | None,
    to_fy: int | None,
    partner: str | None,
    include: Include | None = None,
    suppress_below: int | None = None,
) -> Progress:
    indicator = await get_indicator(session, code)
    last = to_fy if to_fy is not None else current_fiscal_year()
    first = from_fy if from_fy is not None else last - 4
    check_fiscal_years(first, last)
    if last - first >= MAX_PROGRESS_YEARS:
        raise invalid_query("from_fy", f"at most {MAX_PROGRESS_YEARS} fiscal years at once")
    scope = await figures_partner(session, actor, partner)
    years = await indicator_progress(
        session, actor, indicator, first, last, scope, unapproved=include == "unapproved"
    )
    rows, inputs = years.rows, years.inputs
    filters = ProgressFilters(
        from_fy=first, to_fy=last, partner=scope.code if scope else None, include=include
    )
    method = METHOD
    if suppress_below is not None:
        rows = withhold_small_numbers(indicator, rows, suppress_below)
        filters.suppress_below = suppress_below
        method += suppression_method(suppress_below)
    return Progress(
        indicator=indicator.code,
        **described(indicator),
        cumulative_from_fy=inputs.get(CUMULATIVE_FROM),
        filters=filters,
        method=method,
        inputs=inputs,
        rows=rows,
    )


async def outcome_titles(session: AsyncSession) -> list[Outcome]:
    return list((await session.scalars(select(Outcome).order_by(Outcome.number))).all())


async def indicators_for_scorecard(
    session: AsyncSession, outcome: int | None, program: str | None
) -> list[Indicator]:
    stmt = (
        select(Indicator)
        .options(selectinload(Indicator.program), selectinload(Indicator.locks))
        .order_by(Indicator.outcome, Indicator.code)
    )
    if outcome is not None:
        stmt = stmt.where(Indicator.outcome == outcome)
    if program is not None:
        found = await find_program(session, program)
        if found is None:
            raise invalid_query("program", f"unknown program {program!r}")
        stmt = stmt.where(Indicator.program_id == found.id)
    return list((await session.scalars(stmt)).all())
