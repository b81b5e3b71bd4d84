"""The IATI 2.03 activity file: one `iati-activity` per project, written as a stream.

An activity carries the project's identifier (the reporting organisation's reference, a dash
and the project code), the State Department as reporting organisation and funder, the
implementer, status and dates from the project's dates, the recipient country (or region 998,
"developing countries, unspecified", for a multi-country award), the DAC sector of its
program, one budget per fiscal year (the sum of its obligations), one transaction per
obligation (commitment, type 2) and disbursement (type 3) that names the project, and one result
per indicator of the project's program: its baseline and, per fiscal year of the project, the
target and the actual as indicator progress computes them for the project's country (overall
for a multi-country award; derived indicators from their metric), the actual also by sex where
the records have it. Under a small-number threshold (`suppress_below`) the counts of people in
results are withheld as indicator progress withholds the same figure, and the sexes as a report
withholds a row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.csvout import keyset_batches
from app.core.fiscal_year import fiscal_year, fiscal_year_bounds, today
from app.core.pagination import SortKey
from app.core.schemas import usd_string
from app.core.security import Principal
from app.core.suppression import CountTable
from app.funding import service as funding
from app.funding.models import Obligation
from app.funding.schemas import FundingType
from app.indicators.metrics import Memo
from app.indicators.models import Indicator, Measure, format_quantity
from app.indicators.progress import Actual, Years, indicator_progress, withhold_small_numbers
from app.indicators.schemas import ProgressRow
from app.partners.models import Partner
from app.projects import service as projects
from app.projects.models import Project
from app.projects.schemas import ImplementerKind

VERSION = "2.03"
REPORTING_ORG_NAME = "U.S. Department of State"
GOVERNMENT = "10"  # OrganisationType
# IATI OrganisationType of each kind of implementer.
ORGANISATION_TYPE = {
    ImplementerKind.ngo: "21",  # International NGO
    ImplementerKind.contractor: "70",  # Private Sector
    ImplementerKind.international_org: "40",  # Multilateral
    ImplementerKind.government: "10",  # Government
    ImplementerKind.university: "80",  # Academic, Training and Research
}
# OECD DAC 5-digit purpose codes (Sector vocabulary 1) by program.
SECTORS = {
    "GPOI": "15230",  # Participation in international peacekeeping operations
    "CWD": "15250",  # Removal of land mines and explosive remnants of war
    "IMET": "15210",  # Security system management and reform
    "GDRP": "15210",  # Security system management and reform
}
TRANSACTION_TYPE = {FundingType.obligation: "2", FundingType.disbursement: "3"}  # commitment
BUDGET_ORIGINAL = "1"  # BudgetType
BUDGET_COMMITTED = "2"  # BudgetStatus: binding (obligated funds)
# IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative.
MEASURE = {"count": "1", "currency": "1", "percent": "2", "qualitative": "5"}
UNSPECIFIED_REGION = "998"  # Developing countries, unspecified (Region vocabulary 1)
BATCH = 100

# Characters XML 1.0 cannot hold at all (stored text refuses them already; never trust that).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: object) -> str:
    """Character data, escaped."""
    cleaned = _NOT_XML.sub("", str(value))
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: object) -> str:
    """An attribute value, quoted and escaped (line breaks kept as character references)."""
    escaped = text(value).replace('"', "&quot;")
    for char, ref in (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):
        escaped = escaped.replace(char, ref)
    return f'"{escaped}"'


def element(name: str, attrs: Mapping[str, object] | None = None, body: str | None = None) -> str:
    """One element; attributes whose value is None are left out."""
    shown = "".join(f" {key}={attr(v)}" for key, v in (attrs or {}).items() if v is not None)
    if body is None:
        return f"<{name}{shown}/>"
    return f"<{name}{shown}>{body}</{name}>"


def narrative(value: str) -> str:
    return element("narrative", body=text(value))


@dataclass(frozen=True, slots=True)
class Export:
    """What the export covers: the caller's projects under the filters, and a fiscal year
    range for transactions and result periods (None: all)."""

    principal: Principal
    filters: projects.ProjectFilters
    from_fy: int | None = None
    to_fy: int | None = None
    reporting_org_ref: str = "US-GOV-11"
    suppress_below: int | None = None

    def years(self, project: Project) -> range:
        first = fiscal_year(project.start_date)
        last = fiscal_year(project.end_date)
        if self.from_fy is not None:
            first = max(first, self.from_fy)
        if self.to_fy is not None:
            last = min(last, self.to_fy)
        return range(first, last + 1)


async def project_statement(session: AsyncSession, export: Export) -> Any:
    """The projects to export, filters checked now (a bad one is a 422, not a broken 200)."""
    stmt = await projects.select_projects(session, export.principal, export.filters)
    if export.from_fy is not None:
        stmt = stmt.where(Project.end_date >= fiscal_year_bounds(export.from_fy)[0])
    if export.to_fy is not None:
        stmt = stmt.where(Project.start_date <= fiscal_year_bounds(export.to_fy)[1])
    return stmt


@dataclass(slots=True)
class Figures:
    """What a batch of activities shows besides the projects themselves."""

    transactions: dict[int, list[tuple[FundingType, int, Decimal, str | None]]]
    indicators: dict[int, list[Indicator]]  # by program id
    # Indicator progress for one partner (None: overall) over a span of fiscal years, as
    # (indicator id, partner id) -> (the span's first year, its years).
    progress: dict[tuple[int, int | None], tuple[int, Years]]

    def years(self, indicator: Indicator, project: Project, years: range) -> Years:
        """The indicator's progress rows for the project's country over `years`."""
        first, found = self.progress[indicator.id, project.partner_id]
        part = slice(years.start - first, years.stop - first)
        return Years(found.rows[part], found.actuals[part], found.inputs)


async def _transactions(
    session: AsyncSession, export: Export, ids: list[int]
) -> dict[int, list[Any]]:
    stmt = (
        select(Obligation.project_id, Obligation.type, Obligation.fiscal_year)
        .add_columns(Obligation.amount_usd, Obligation.source_ref)
        .where(Obligation.project_id.in_(ids), funding.visible_to(export.principal))
        .order_by(Obligation.project_id, Obligation.fiscal_year, Obligation.id)
    )
    if export.from_fy is not None:
        stmt = stmt.where(Obligation.fiscal_year >= export.from_fy)
    if export.to_fy is not None:
        stmt = stmt.where(Obligation.fiscal_year <= export.to_fy)
    transactions: dict[int, list[Any]] = defaultdict(list)
    for project_id, kind, year, amount, ref in (await session.execute(stmt)).all():
        transactions[project_id].append((kind, year, amount, ref))
    return transactions


async def _figures(session: AsyncSession, export: Export, batch: Sequence[Project]) -> Figures:
    """The batch's transactions, and its indicators' progress computed as indicator progress
    computes it, once per indicator and country over the fiscal years of the batch's projects
    there; a query that derived figures share (of one metric source, partner and years) once
    for the batch."""
    programs = {p.program_id for p in batch}
    found = (
        await session.scalars(
            select(Indicator).where(Indicator.program_id.in_(programs)).order_by(Indicator.code)
        )
    ).all()
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in found:
        assert indicator.program_id is not None
        indicators[indicator.program_id].append(indicator)
    spans: dict[tuple[int, int | None], tuple[Partner | None, int, int]] = {}
    for project in batch:
        years = export.years(project)
        key = (project.program_id, project.partner_id)
        _, first, last = spans.get(key, (None, years.start, years.stop - 1))
        spans[key] = (project.partner, min(first, years.start), max(last, years.stop - 1))
    computed: dict[tuple[int, int | None], tuple[int, Years]] = {}
    memo = Memo()
    for (program_id, partner_id), (partner, first, last) in spans.items():
        for indicator in indicators[program_id]:
            progress = await indicator_progress(
                session, export.principal, indicator, first, last, partner, memo=memo
            )
            computed[indicator.id, partner_id] = (first, progress)
    transactions = await _transactions(session, export, [p.id for p in batch])
    return Figures(transactions, indicators, computed)


def _status(project: Project, on: date) -> str:
    """ActivityStatus: 1 pipeline, 2 implementation, 4 closed."""
    if on < project.start_date:
        return "1"
    return "2" if on <= project.end_date else "4"


def _dates(project: Project, on: date) -> Iterable[str]:
    """ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end."""
    yield element("activity-date", {"type": "1", "iso-date": project.start_date})
    if project.start_date <= on:
        yield element("activity-date", {"type": "2", "iso-date": project.start_date})
    yield element("activity-date", {"type": "3", "iso-date": project.end_date})
    if project.end_date < on:
        yield element("activity-date", {"type": "4", "iso-date": project.end_date})


# A result's people by sex add up to a count indicator's value (unreported: the rest, implied).
BY_SEX = CountTable(
    parts=("women", "men", "unreported"), total="value", hidden=frozenset({"unreported"})
)


@dataclass(frozen=True, slots=True)
class Published:
    """What a period writes of its actual: the value (None: none, or withheld) and people
    by sex (None: not known, or withheld)."""

    value: str | None
    women: int | None = None
    men: int | None = None


def _by_sex(
    indicator: Indicator, row: ProgressRow, actual: Actual, k: int | None
) -> tuple[Published, bool]:
    """A shown actual with its people by sex, and whether the sexes can only be protected by
    withholding the value: a count of women alone is its value; women and men are withheld as
    one row of a report (a small one, and another so that none is the value minus the rest)."""
    if actual.men is None:
        women = actual.women if indicator.measure == Measure.count else None
        return Published(row.actual, women), False
    if k is None:
        return Published(row.actual, actual.women, actual.men), False
    count = indicator.measure == Measure.count and actual.value is not None
    total = int(actual.value) if count and actual.value is not None else None
    rest = None if total is None else total - (actual.women or 0) - actual.men
    line = {"women": actual.women, "men": actual.men, "unreported": rest, "value": total}
    (shown,), _ = BY_SEX.apply([line], None, k)
    return Published(row.actual, shown["women"], shown["men"]), "value" in shown["suppressed"]


def _shown(
    indicator: Indicator, rows: Sequence[ProgressRow], years: Years, k: int | None
) -> list[tuple[Published, bool]]:
    return [
        (Published(None), False)
        if actual is None or row.actual is None
        else _by_sex(indicator, row, actual, k)
        for row, actual in zip(rows, years.actuals, strict=True)
    ]


def published(indicator: Indicator, years: Years, k: int | None) -> list[Published]:
    """Each year's actual as written under threshold `k`: the value withheld as indicator
    progress withholds it, the sexes with it and otherwise as a report withholds them. When
    the sexes can only be protected by withholding the value, the year is withheld whole, and
    a running total's later years that equal it with it."""
    if k is None:
        return [shown for shown, _ in _shown(indicator, years.rows, years, k)]
    shown = _shown(indicator, withhold_small_numbers(indicator, years.rows, k), years, k)
    whole = {i for i, (_, value_gone) in enumerate(shown) if value_gone}
    if whole:
        rows = withhold_small_numbers(indicator, years.rows, k, also=whole)
        shown = _shown(indicator, rows, years, k)
    return [published for published, _ in shown]


def _period(year: int, target: str | None, shown: Published) -> str:
    start, end = fiscal_year_bounds(year)
    period = [
        element("period-start", {"iso-date": start}),
        element("period-end", {"iso-date": end}),
    ]
    if target is not None:
        period.append(element("target", {"value": target}))
    if shown.value is not None:
        period.append(element("actual", {"value": shown.value}))
    for sex, count in (("female", shown.women), ("male", shown.men)):
        if count is not None:
            dimension = element("dimension", {"name": "sex", "value": sex})
            period.append(element("actual", {"value": count}, dimension))
    return element("period", body="".join(period))


def _result(export: Export, project: Project, indicator: Indicator, figures: Figures) -> str:
    measure = str(indicator.measure)
    parts = [element("title", body=narrative(indicator.name))]
    if indicator.description:
        parts.append(element("description", body=narrative(indicator.description)))
    years = export.years(project)
    if indicator.baseline is not None:
        baseline = format_quantity(measure, indicator.baseline)
        parts.append(
            element("baseline", {"year": fiscal_year(project.start_date), "value": baseline})
        )
    progress = figures.years(indicator, project, years)
    shown = published(indicator, progress, export.suppress_below)
    for year, row, actual in zip(years, progress.rows, shown, strict=True):
        parts.append(_period(year, row.target, actual))
    indicator_attrs = {
        "measure": MEASURE.get(measure, "1"),
        "ascending": "1" if str(indicator.direction) == "increase" else "0",
    }
    return element(
        "result",
        {"type": "2"},  # ResultType 2: outcome (indicators measure the WPS outcomes)
        parts[0] + element("indicator", indicator_attrs, "".join(parts)),
    )


def _budgets(project: Project, figures: Figures) -> Iterable[str]:
    """One budget per fiscal year: the sum of the obligations naming the project that year."""
    obligated: dict[int, Decimal] = defaultdict(Decimal)
    for kind, year, amount, _ in figures.transactions.get(project.id, []):
        if kind == FundingType.obligation:
            obligated[year] += amount
    for year, amount in sorted(obligated.items()):
        start, end = fiscal_year_bounds(year)
        yield element(
            "budget",
            {"type": BUDGET_ORIGINAL, "status": BUDGET_COMMITTED},
            element("period-start", {"iso-date": start})
            + element("period-end", {"iso-date": end})
            + element("value", {"currency": "USD", "value-date": start}, usd_string(amount)),
        )


def activity(export: Export, project: Project, figures: Figures, on: date) -> str:
    """One `iati-activity`, its elements in the order the schema requires."""
    ref = export.reporting_org_ref
    state = element("narrative", body=text(REPORTING_ORG_NAME))
    parts = [
        element("iati-identifier", body=text(f"{ref}-{project.code}")),
        element("reporting-org", {"ref": ref, "type": GOVERNMENT}, state),
        element("title", body=narrative(project.title)),
        element("description", {"type": "1"}, narrative(project.description or project.title)),
        element("participating-org", {"ref": ref, "type": GOVERNMENT, "role": "1"}, state),
        element(
            "participating-org",
            {"type": ORGANISATION_TYPE[project.implementer.kind], "role": "4"},
            narrative(project.implementer.name),
        ),
    ]
    if project.award_ref:
        parts.append(
            element(
                "other-identifier",
                {"ref": project.award_ref, "type": "B1"},  # previous/internal reference
            )
        )
    parts.append(element("activity-status", {"code": _status(project, on)}))
    parts.extend(_dates(project, on))
    if project.partner is not None:
        parts.append(element("recipient-country", {"code": project.partner.alpha2}))
    else:
        parts.append(element("recipient-region", {"code": UNSPECIFIED_REGION, "vocabulary": "1"}))
    sector = SECTORS.get(project.program.code)
    if sector is not None:
        parts.append(element("sector", {"vocabulary": "1", "code": sector}))
    parts.extend(_budgets(project, figures))
    for kind, year, amount, source_ref in figures.transactions.get(project.id, []):
        day = fiscal_year_bounds(year)[0]
        parts.append(
            element(
                "transaction",
                {"ref": source_ref},
                element("transaction-type", {"code": TRANSACTION_TYPE[kind]})
                + element("transaction-date", {"iso-date": day})
                + element("value", {"currency": "USD", "value-date": day}, usd_string(amount)),
            )
        )
    for indicator in figures.indicators.get(project.program_id, []):
        parts.append(_result(export, project, indicator, figures))
    stamp = project.updated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return element(
        "iati-activity",
        {
            "last-updated-datetime": stamp,
            "xml:lang": "en",
            "default-currency": "USD",
            "hierarchy": "1",
        },
        "".join(parts),
    )


async def document(
    sessionmaker: async_sessionmaker[AsyncSession], export: Export, stmt: Any
) -> AsyncIterator[bytes]:
    """The `iati-activities` document, one batch of activities per chunk."""
    generated = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<iati-activities version="{VERSION}" generated-datetime="{generated}">\n'
    ).encode()
    on = today()
    async for batch in keyset_batches(
        sessionmaker, stmt, [SortKey(Project.code)], batch_size=BATCH
    ):
        async with sessionmaker() as session:
            figures = await _figures(session, export, batch)
        yield "".join(activity(export, p, figures, on) + "\n" for p in batch).encode()
    yield b"</iati-activities>\n"
