"""The women-trained report: training participants by sex, summed in SQL from the rollup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import invalid_query
from app.core.figures import share_pct
from app.core.rollup import matching
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.core.suppression import CountTable
from app.partners.models import Partner
from app.programs.models import Program
from app.reports.scope import echoed, scoped_query
from app.reports.small_numbers import suppress
from app.trainings.models import (
    ALL_TOPICS,
    Participant,
    Training,
    TrainingTopic,
    WomenTrainedRollup,
)

WOMEN_TRAINED_GROUPS = ("fiscal_year", "program", "partner", "region", "topic")

WOMEN_TRAINED_METHOD = (
    "Sum of training participants (women, men, unreported) by the requested groups, over "
    "trainings matching the filters. fiscal_year is the US fiscal year of a training's start "
    "date; partner is the participants' country (region its State regional bureau); program "
    "and kind are the training's. A training with several topics counts under each of its "
    "topics when grouped or filtered by topic, and once otherwise (so totals never double "
    "count). total = women + men + unreported; women_share_pct = women / total x 100, rounded "
    "half-up to one decimal (null when total is 0); cumulative_women is the running sum of "
    "women over fiscal years from the first year in range (per other group when grouped by "
    "two). Figures are summed in SQL from a rollup of the participant records that every "
    "training write keeps exactly in step, in the same transaction."
)
DISTINCT_METHOD = (
    " trainings and countries (distinct_counts=true) count, by the same rule, the distinct "
    "trainings with a participant row in the group and the distinct countries of those rows "
    "(COUNT DISTINCT over the participant records, not the rollup; in totals over the whole "
    "selection, so a training or a country in several groups counts once there); they are no "
    "counts of people and are never withheld."
)
BY_TOPIC_METHOD = (
    " By topic the totals are no sum of the rows (a training counts under each of its "
    "topics): the rows are protected alone, and the totals' counts other than zeros are "
    "withheld whenever a count of the rows or the totals is."
)


@dataclass(frozen=True, slots=True)
class WomenTrainedQuery:
    """The report's filters, as the client gave them (`group_by` comma-separated)."""

    program: str | None = None
    partner: str | None = None
    region: str | None = None
    topic: str | None = None
    kind: str | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    group_by: str = "fiscal_year"
    suppress_below: int | None = None
    distinct_counts: bool = False


class WomenTrainedFilters(FiltersOf, query=WomenTrainedQuery):
    group_by: list[str]
    # Echoed when asked for (the answer leaves unset fields out).
    suppress_below: int | None = None
    distinct_counts: bool = False


class WomenTrainedTotals(BaseModel):
    women: int | None
    men: int | None
    unreported: int | None
    total: int | None
    women_share_pct: float | None
    trainings: int | None = None
    countries: int | None = None
    suppressed: list[str] | None = None


class WomenTrainedReport(BaseModel):
    filters: WomenTrainedFilters
    method: str
    rows: list[dict[str, int | float | str | list[str] | None]]
    totals: WomenTrainedTotals

    def columns(self) -> list[str]:
        extra = ["cumulative_women"] if "fiscal_year" in self.filters.group_by else []
        return [
            *self.filters.group_by,
            "women",
            "men",
            "unreported",
            "total",
            "women_share_pct",
            *extra,
            *(["trainings", "countries"] if self.filters.distinct_counts else []),
        ]


# How the counts add up, for small-number suppression. cumulative_women is a running sum of
# women: once a year's women are withheld, so is every later running sum of the same group.
COUNTS = CountTable(
    parts=("women", "men", "unreported"),
    total="total",
    derived={"women_share_pct": ("women", "total")},
)


def _withhold_running_sums(report: WomenTrainedReport) -> WomenTrainedReport:
    """After the counts: a group's running sum of women from its first withheld year on."""
    if report.filters.suppress_below is None or "fiscal_year" not in report.filters.group_by:
        return report
    others = [g for g in report.filters.group_by if g != "fiscal_year"]
    hidden_from: set[tuple[Any, ...]] = set()
    for row in report.rows:  # in fiscal-year order within each group
        group = tuple(row[g] for g in others)
        suppressed = row["suppressed"]
        assert isinstance(suppressed, list)
        if "women" in suppressed:
            hidden_from.add(group)
        if group in hidden_from:
            row["cumulative_women"] = None
            suppressed.append("cumulative_women")
    return report


def women_trained_groups(value: str) -> list[str]:
    """`group_by=fiscal_year,partner`: one or two distinct known groups."""
    groups = [g.strip() for g in value.split(",") if g.strip()]
    bad = [g for g in groups if g not in WOMEN_TRAINED_GROUPS]
    if bad or not 1 <= len(groups) <= 2 or len(set(groups)) != len(groups):
        raise invalid_query(
            "group_by", f"one or two of {', '.join(WOMEN_TRAINED_GROUPS)}, comma separated"
        )
    return groups


async def women_trained(
    session: AsyncSession, actor: Principal, query: WomenTrainedQuery
) -> WomenTrainedReport:
    groups = women_trained_groups(query.group_by)
    query, scope = await scoped_query(session, actor, query)
    r = WomenTrainedRollup
    conditions = [
        *([Partner.region == query.region] if query.region else []),
        *matching(
            r,
            program_id=scope.program_id,
            partner_id=scope.partner_id,
            kind=query.kind or None,
            from_fy=query.from_fy,
            to_fy=query.to_fy,
        ),
    ]
    rows, totals = await _grouped(session, groups, conditions, query.topic)
    if totals is None:
        totals = await _totals(session, conditions, query.topic)
    women, men, unreported = totals
    counted: dict[str, Any] = {}
    if query.distinct_counts:
        records = [
            *([Partner.region == query.region] if query.region else []),
            *([Participant.partner_id == scope.partner_id] if scope.partner_id else []),
            *matching(
                Training,
                program_id=scope.program_id,
                kind=query.kind or None,
                from_fy=query.from_fy,
                to_fy=query.to_fy,
            ),
        ]
        counted = await _distinct_counts(session, groups, rows, records, query.topic)
    report = WomenTrainedReport(
        filters=echoed(WomenTrainedFilters, query, group_by=groups),
        method=WOMEN_TRAINED_METHOD + (DISTINCT_METHOD if query.distinct_counts else ""),
        rows=rows,
        totals=WomenTrainedTotals(
            women=women,
            men=men,
            unreported=unreported,
            total=women + men + unreported,
            women_share_pct=share_pct(women, women + men + unreported),
            **counted,
        ),
    )
    if "topic" in groups and query.suppress_below is not None:
        report = _suppress_by_topic(report, query.suppress_below)
    else:
        report = suppress(report, COUNTS, query.suppress_below, rows, report.totals)
    return _withhold_running_sums(_unasked_counts_unset(report))


def _suppress_by_topic(report: WomenTrainedReport, k: int) -> WomenTrainedReport:
    """By topic a training counts in the row of each of its topics and once in the totals (a
    training without topics only there), so the totals are no sum of the rows and no move of
    the count table is sure to keep them consistent. The rows are protected as a table without
    a totals line (read alone, each row is free of the others), and the totals are answered
    whole only when nothing needs withholding, rows or totals; otherwise every count of them
    but a zero is withheld."""
    rows = report.rows
    report = suppress(report, COUNTS, k, rows, None)
    totals = report.totals.model_dump(exclude_unset=True)
    _, alone = COUNTS.apply([], totals, k)
    assert alone is not None
    if not alone["suppressed"] and not any(row["suppressed"] for row in report.rows):
        totals["suppressed"] = []
    else:
        gone = [name for name in COUNTS.columns if totals[name] != 0]
        gone += [name for name, parts in COUNTS.derived.items() if set(parts) & set(gone)]
        totals.update({name: None for name in gone}, suppressed=gone)
    report.totals = WomenTrainedTotals.model_validate(totals)
    report.method += BY_TOPIC_METHOD
    return report


def _unasked_counts_unset(report: WomenTrainedReport) -> WomenTrainedReport:
    """Suppression rebuilds the totals, setting every field: the counts not asked for are left
    out of the answer again."""
    if report.filters.distinct_counts:
        return report
    shown = report.totals.model_dump(exclude={"trainings", "countries"}, exclude_unset=True)
    report.totals = WomenTrainedTotals.model_validate(shown)
    return report


_SUMS = (
    func.sum(WomenTrainedRollup.women),
    func.sum(WomenTrainedRollup.men),
    func.sum(WomenTrainedRollup.unreported),
)


def _over_rollup(*columns: Any) -> Select[Any]:
    """`columns` from the rollup joined to its program and partner (the filters' columns)."""
    r = WomenTrainedRollup
    return (
        select(*columns)
        .select_from(r)
        .join(Program, Program.id == r.program_id)
        .join(Partner, Partner.id == r.partner_id)
    )


async def _grouped(
    session: AsyncSession, groups: list[str], conditions: list[Any], topic: str | None
) -> tuple[list[dict[str, Any]], tuple[int, int, int] | None]:
    """The rows, and unless grouped by topic the totals, read in one pass over the same rows
    (None: grouped by topic, the totals need their own query)."""
    r = WomenTrainedRollup
    keys = {
        "fiscal_year": r.fiscal_year,
        "program": Program.code,
        "partner": Partner.code,
        "region": Partner.region,
        "topic": r.topic,
    }
    if "topic" in groups:
        by_topic = r.topic == topic if topic else r.topic != ALL_TOPICS
    else:
        by_topic = r.topic == (topic or ALL_TOPICS)
    columns = [keys[g] for g in groups]
    selected = [*columns, *_SUMS]
    if "fiscal_year" in groups:
        others = [keys[g] for g in groups if g != "fiscal_year"]
        selected.append(
            func.sum(func.sum(r.women)).over(partition_by=others or None, order_by=r.fiscal_year)
        )
    grand = [] if "topic" in groups else [func.sum(total).over() for total in _SUMS]
    stmt = (
        _over_rollup(*selected, *grand)
        .where(by_topic, *conditions)
        .group_by(*columns)
        .order_by(*columns)
    )
    rows: list[dict[str, Any]] = []
    totals: tuple[int, int, int] | None = (0, 0, 0) if grand else None
    for result in (await session.execute(stmt)).all():
        found = tuple(result)
        if grand:
            women, men, unreported = (int(v) for v in found[-3:])
            totals = (women, men, unreported)
            found = found[:-3]
        rows.append(_row(groups, found))
    return rows, totals


def _row(groups: list[str], found: tuple[Any, ...]) -> dict[str, Any]:
    """One result row: its group keys, the counts, their total and share, and (by fiscal year)
    the running sum of women, which the query selects last."""
    women, men, unreported = (int(v) for v in found[len(groups) : len(groups) + 3])
    row: dict[str, Any] = dict(zip(groups, found[: len(groups)], strict=True))
    total = women + men + unreported
    row.update(
        women=women,
        men=men,
        unreported=unreported,
        total=total,
        women_share_pct=share_pct(women, total),
    )
    if "fiscal_year" in groups:
        row["cumulative_women"] = int(found[-1])
    return row


def _over_records(*columns: Any, topic_join: bool) -> Select[Any]:
    """`columns` from the participant rows joined to their training, program and partner (and,
    when `topic_join`, once per topic of the training): the records the rollup sums."""
    stmt = (
        select(*columns)
        .select_from(Participant)
        .join(Training, Training.id == Participant.training_id)
        .join(Program, Program.id == Training.program_id)
        .join(Partner, Partner.id == Participant.partner_id)
    )
    if topic_join:
        stmt = stmt.join(TrainingTopic, TrainingTopic.training_id == Training.id)
    return stmt


async def _distinct_counts(
    session: AsyncSession,
    groups: list[str],
    rows: list[dict[str, Any]],
    conditions: list[Any],
    topic: str | None,
) -> dict[str, int]:
    """Set each row's `trainings` and `countries` (distinct trainings with a participant row in
    the group, and those rows' distinct countries), and answer both over the whole selection
    (each training and country once, under the one topic filtered on if any)."""
    keys = {
        "fiscal_year": Training.fiscal_year,
        "program": Program.code,
        "partner": Partner.code,
        "region": Partner.region,
        "topic": TrainingTopic.topic,
    }
    topic_only = [TrainingTopic.topic == topic] if topic else []
    counts = (
        func.count(Training.id.distinct()),
        func.count(Participant.partner_id.distinct()),
    )
    columns = [keys[g] for g in groups]
    stmt = (
        _over_records(*columns, *counts, topic_join="topic" in groups or topic is not None)
        .where(*conditions, *topic_only)
        .group_by(*columns)
    )
    found = {
        tuple(str(v) for v in r[: len(groups)]): (int(r[-2]), int(r[-1]))
        for r in (await session.execute(stmt)).all()
    }
    for row in rows:
        row["trainings"], row["countries"] = found.get(tuple(str(row[g]) for g in groups), (0, 0))
    totals = _over_records(*counts, topic_join=topic is not None).where(*conditions, *topic_only)
    trainings, countries = (await session.execute(totals)).one()
    return {"trainings": int(trainings or 0), "countries": int(countries or 0)}


async def _totals(
    session: AsyncSession, conditions: list[Any], topic: str | None
) -> tuple[int, int, int]:
    """Totals over the topic-free rows (or the one topic filtered on), so nothing counts
    twice."""
    stmt = _over_rollup(*_SUMS).where(
        *conditions, WomenTrainedRollup.topic == (topic or ALL_TOPICS)
    )
    women, men, unreported = (int(v or 0) for v in (await session.execute(stmt)).one())
    return women, men, unreported


def csv_table(report: WomenTrainedReport) -> tuple[list[str], list[list[Any]]]:
    """CSV columns and rows: the groups, the counts and (by fiscal year) cumulative women."""
    columns = report.columns()
    return columns, [[row.get(c) for c in columns] for row in report.rows]
