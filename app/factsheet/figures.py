"""The fact sheet's figures, each computed by the report service that answers it (never its SQL
restated here): the fact sheet only chooses the filters, reads the report's figure and states
the call that reproduces it."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import AppError
from app.core.fiscal_year import fiscal_year as fiscal_year_of
from app.core.pagination import count_listed
from app.core.security import Principal
from app.factsheet.schemas import (
    FactSheet,
    FactSheetFilters,
    Figure,
    FigureInputs,
    FigureValue,
    IndicatorStatus,
    SnapshotInput,
)
from app.indicators.schemas import ProgressStatus
from app.partners.service import list_partners
from app.reports import (
    cwd_teams,
    facility_upgrades,
    funding,
    imet_completions,
    imet_parity,
    peacekeeping_share,
    policy_milestones,
    scorecard,
    women_trained,
)
from app.reports.scorecard import ScorecardIndicator

METHOD = (
    "Each headline figure of the PM Bureau's WPS fact sheet, computed by the report that answers "
    "it, as the records stood at as_known_on (now when not given), with that report's method, "
    "and the call (inputs.call) that answers the same figure from the report itself. Figures "
    "of a fiscal year are of filters.fiscal_year (default: the fiscal year of the as-known "
    "day), but IMET parity, whose nominations are for the current years, is of the as-of "
    "day's fiscal year; figures as of a day are of filters.as_of (the as-known day). A "
    "figure the records cannot support (no UN snapshot, a withheld count, a report this key "
    "may not read) is answered with value null and the reason. Indicators' target and status "
    "come from the scorecard of filters.fiscal_year."
)

# What a figure says when it has no value.
NO_FIGURE = "[no figure]"
ANCHOR = "{value}"
# The words of a template that agree in number with its figure: {singular|plural}.
AGREEING = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def agree(count: FigureValue, singular: str, plural: str) -> str:
    """The words for a count: singular for exactly one, plural otherwise (none, 0, many)."""
    return singular if isinstance(count, int) and count == 1 else plural


def agreed(template: str, value: FigureValue) -> str:
    """A template as answered: its agreeing words in the figure's number, {value} left to
    fill (so that the sentence is the template with the figure in it, character for
    character)."""
    return AGREEING.sub(lambda words: agree(value, words[1], words[2]), template)


def sentence(template: str, value: FigureValue, unit: str) -> str:
    """A template filled with its figure, its agreeing words in the figure's number."""
    return agreed(template, value).replace(ANCHOR, shown(value, unit))


@dataclass(frozen=True, slots=True)
class Edition:
    """What the figures are asked for: the fiscal year, the day, the small-number threshold,
    and the as-known instant as the caller wrote it (echoed in every call)."""

    fiscal_year: int
    day: date
    suppress_below: int | None
    as_known_on: str | None

    def call(self, path: str, suppressible: bool = True, known: bool = True, **query: Any) -> str:
        """The GET call answering a figure: `path` with its filters, `suppress_below` where the
        report takes it, and `as_known_on` where the route takes it."""
        params = {k: v for k, v in query.items() if v is not None}
        if suppressible and self.suppress_below is not None:
            params["suppress_below"] = self.suppress_below
        if known and self.as_known_on is not None:
            params["as_known_on"] = self.as_known_on
        return f"/api/v1/{path}" + (f"?{urlencode(params)}" if params else "")


@dataclass
class Source:
    """A report's answer for the figures read from it."""

    call: str
    method: str
    records: dict[str, int] = field(default_factory=dict)
    snapshots: list[SnapshotInput] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    suppressed_rows: int = 0
    stale: bool | None = None

    def inputs(self) -> FigureInputs:
        return FigureInputs(
            call=self.call,
            snapshots=self.snapshots,
            records=self.records,
            suppressed=self.suppressed,
            suppressed_rows=self.suppressed_rows,
        )


@dataclass(frozen=True, slots=True)
class Spec:
    """One figure: where it sits, what it says and which indicator (if any) tracks it."""

    id: str
    section: str
    unit: str
    template: str
    period: str
    indicator: str | None = None


def shown(value: FigureValue, unit: str) -> str:
    """A value as a sentence shows it: thousands separated, money with cents, percent one
    decimal."""
    if value is None:
        return NO_FIGURE
    if unit == "USD":
        return f"{Decimal(str(value)):,.2f}"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def withheld_rows(rows: list[Any]) -> int:
    """How many rows of a report name a withheld count."""
    return sum(1 for row in rows if _suppressed(row))


def _suppressed(row: Any) -> list[str]:
    found = row.get("suppressed") if isinstance(row, dict) else getattr(row, "suppressed", None)
    return list(found or [])


class Builder:
    """Collects the figures; looks up indicators on the scorecard of the edition's year."""

    def __init__(self, edition: Edition, card: dict[str, ScorecardIndicator]) -> None:
        self.edition = edition
        self.card = card
        self.figures: list[Figure] = []

    def add(
        self,
        spec: Spec,
        value: FigureValue,
        source: Source,
        reason: str | None = None,
    ) -> None:
        if value is None and reason is None:
            reason = (
                f"withheld: a count under suppress_below={self.edition.suppress_below}"
                if self.edition.suppress_below is not None
                else "the records hold no figure for it"
            )
        indicator = self._indicator(spec.indicator)
        self.figures.append(
            Figure(
                id=spec.id,
                section=spec.section,
                value=value,
                unit=spec.unit,
                template=agreed(spec.template, value),
                sentence=sentence(spec.template, value, spec.unit),
                period=spec.period,
                method=source.method,
                inputs=source.inputs(),
                indicator=indicator,
                target=indicator.target if indicator else None,
                status=indicator.status if indicator else None,
                stale=source.stale,
                reason=reason if value is None else None,
            )
        )

    def missing(self, specs: list[Spec], call: str, reason: str) -> None:
        """Figures a report could not answer: present, value null, the reason."""
        for spec in specs:
            self.add(spec, None, Source(call=call, method=""), reason=reason)

    def _indicator(self, code: str | None) -> IndicatorStatus | None:
        found = self.card.get(code) if code else None
        if found is None or code is None:
            return None
        return IndicatorStatus(
            code=code,
            fiscal_year=self.edition.fiscal_year,
            actual=found.actual,
            target=found.target,
            pct_of_target=found.pct_of_target,
            status=found.status,
        )


async def answered(
    builder: Builder,
    specs: list[Spec],
    call: str,
    figures: Callable[[], Awaitable[None]],
) -> None:
    """Run one report's figures; if the report refuses (no snapshot, a role that may not read
    it), its figures are present with value null and the report's own reason."""
    try:
        await figures()
    except AppError as refused:
        builder.missing(specs, call, refused.detail)


# --- The figures, one report each --------------------------------------------------------------


async def _gpoi_women(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    spec = Spec(
        "gpoi_women_trained",
        "GPOI",
        "women",
        "Since 2007, the GPOI program has trained {value} {woman peacekeeper|women peacekeepers}.",
        "FY2007 onward",
        "GPOI-WOMEN-TRAINED",
    )
    call = e.call("reports/women-trained", program="GPOI", from_fy=2007, distinct_counts="true")
    query = women_trained.WomenTrainedQuery(
        program="GPOI", from_fy=2007, suppress_below=e.suppress_below, distinct_counts=True
    )

    async def figures() -> None:
        report = await women_trained.women_trained(session, actor, query)
        source = Source(
            call,
            report.method,
            records={"trainings": report.totals.trainings or 0},
            suppressed=report.totals.suppressed or [],
            suppressed_rows=withheld_rows(report.rows),
        )
        b.add(spec, report.totals.women, source)

    await answered(b, [spec], call, figures)


async def _gpoi_partners(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    spec = Spec(
        "gpoi_partners",
        "GPOI",
        "countries",
        "GPOI partners with {value} {country|countries} that contribute personnel to UN and "
        "African Union peace operations.",
        f"as of {e.day}",
    )
    call = e.call(
        "partners",
        suppressible=False,
        known=False,
        program="GPOI",
        as_of=e.day.isoformat(),
        include_total="true",
    )
    count = await count_listed(session, list_partners(program="GPOI", as_of=e.day))
    method = (
        f"Partners with a GPOI membership valid on {e.day} (the list's total). The list answers "
        "as the records stand now; as known on a past day the fact sheet reads the "
        "memberships' history."
    )
    b.add(spec, count, Source(call, method, records={"memberships": count}))


async def _peacekeeping(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    women = Spec(
        "pk_partner_women_share",
        "GPOI",
        "percent",
        "GPOI partners provide {value}% of all deployed female military peacekeepers",
        f"as of {e.day}",
        "GPOI-PK-WOMEN-SHARE",
    )
    countries = Spec(
        "pk_partner_countries_share",
        "GPOI",
        "percent",
        "despite representing only {value}% of countries that deploy military peacekeepers.",
        f"as of {e.day}",
    )
    call = e.call("reports/peacekeeping-share", program="GPOI", as_of=e.day.isoformat())
    query = peacekeeping_share.ShareQuery("GPOI", e.day, suppress_below=e.suppress_below)
    if actor.is_embassy:
        reason = "an embassy key does not read UN peacekeeping figures"
        b.missing([women, countries], call, reason)
        return

    async def figures() -> None:
        report = await peacekeeping_share.peacekeeping_share(session, query)
        snapshot = SnapshotInput(
            id=report.snapshot.id,
            reporting_date=report.snapshot.reporting_date,
            sha256=report.snapshot.checksum,
        )
        counted = {
            "partner_women": report.partner_women,
            "all_women": report.all_women,
            "partner_countries": report.partner_countries,
            "all_countries": report.all_countries,
        }
        source = Source(
            call,
            report.method,
            records={k: v for k, v in counted.items() if v is not None},
            snapshots=[snapshot],
            suppressed=report.suppressed or [],
            stale=report.stale,
        )
        b.add(women, report.women_share_pct, source)
        b.add(countries, report.countries_share_pct, source)

    await answered(b, [women, countries], call, figures)


async def _nio(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    period = "all fiscal years"
    courses = Spec(
        "nio_courses",
        "GPOI",
        "trainings",
        "{value} regional NIO {course has|courses have} been conducted",
        period,
    )
    students = Spec(
        "nio_students",
        "GPOI",
        "students",
        "training {value} {student|students}",
        period,
        "GPOI-NIO-STUDENTS",
    )
    countries = Spec(
        "nio_countries", "GPOI", "countries", "from {value} {country|countries}.", period
    )
    call = e.call("reports/women-trained", program="GPOI", topic="nio", distinct_counts="true")
    query = women_trained.WomenTrainedQuery(
        program="GPOI", topic="nio", suppress_below=e.suppress_below, distinct_counts=True
    )

    async def figures() -> None:
        report = await women_trained.women_trained(session, actor, query)
        totals = report.totals
        source = Source(
            call,
            report.method,
            records={"trainings": totals.trainings or 0, "countries": totals.countries or 0},
            suppressed=totals.suppressed or [],
            suppressed_rows=withheld_rows(report.rows),
        )
        b.add(courses, totals.trainings, source)
        b.add(students, totals.total, source)
        b.add(countries, totals.countries, source)

    await answered(b, [courses, students, countries], call, figures)


async def _imet_completions(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    spec = Spec(
        "imet_women_trained_fy2015_2019",
        "IMET",
        "women",
        "These efforts resulted in training provided to approximately {value} {woman|women} "
        "between fiscal years 2015-2019.",
        "FY2015-FY2019",
    )
    call = e.call("reports/imet-completions", from_fy=2015, to_fy=2019)
    query = imet_completions.CompletionsQuery(
        from_fy=2015, to_fy=2019, suppress_below=e.suppress_below
    )

    async def figures() -> None:
        report = await imet_completions.imet_completions(session, actor, query)
        source = Source(
            call,
            report.method,
            records={"fiscal_years": len(report.rows)},
            suppressed=report.totals.suppressed or [],
            suppressed_rows=withheld_rows(report.rows),
        )
        b.add(spec, report.totals.women, source)

    await answered(b, [spec], call, figures)


async def _imet_obligated(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    fy = e.fiscal_year
    spec = Spec(
        "imet_women_obligated",
        "IMET",
        "USD",
        f"In FY {fy}, the Department obligated ${ANCHOR} specifically to train women personnel "
        "to attend IMET courses.",
        f"FY{fy}",
        "IMET-WOMEN-OBLIGATED",
    )
    query = funding.FundingQuery(program="IMET", fiscal_year=fy, purpose="women_training")
    call = e.call(
        "reports/funding",
        suppressible=False,
        program=query.program,
        fiscal_year=query.fiscal_year,
        purpose=query.purpose,
    )

    async def figures() -> None:
        report = await funding.funding_report(session, actor, ["fiscal_year"], query)
        source = Source(call, report.method, records={"obligations": report.totals.records})
        b.add(spec, str(report.totals.amount_usd), source)

    await answered(b, [spec], call, figures)


async def _imet_parity(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    fy = fiscal_year_of(e.day)  # nominations are for the current years: the day's
    share = Spec(
        "imet_nominations_women_share",
        "IMET",
        "percent",
        f"Women are {ANCHOR}% of the FY{fy} IMET nominations.",
        f"FY{fy}",
    )
    meeting = Spec(
        "imet_partners_meeting_benchmark",
        "IMET",
        "partners",
        f"{ANCHOR} {{partner|partners}} nominated women for FY{fy} at least in the same "
        "percentage as they are present in their host country's military.",
        f"FY{fy}",
    )
    call = e.call("reports/imet-parity", fiscal_year=fy)
    query = imet_parity.ParityQuery(fiscal_year=fy, suppress_below=e.suppress_below)

    async def figures() -> None:
        report = await imet_parity.imet_parity(session, actor, query)
        benchmarked = [r for r in report.rows if r.meets_benchmark is not None]
        source = Source(
            call,
            report.method,
            records={
                "nominations": report.totals.nominations or 0,
                "partners_with_benchmark": len(benchmarked),
            },
            suppressed=report.totals.suppressed or [],
            suppressed_rows=withheld_rows(report.rows),
        )
        b.add(share, report.totals.women_share_pct, source)
        met = sum(1 for r in benchmarked if r.meets_benchmark)
        if benchmarked:
            b.add(meeting, met, source)
        else:
            reason = f"no partner with FY{fy} nominations has a host-force benchmark for FY{fy}"
            b.add(meeting, None, source, reason=reason)

    await answered(b, [share, meeting], call, figures)


async def _cwd(session: AsyncSession, actor: Principal, b: Builder) -> None:
    e = b.edition
    kinds = (("all_women", "CWD-ALL-WOMEN-TEAMS"), ("mixed", "CWD-MIXED-TEAMS"))
    call = e.call(
        "reports/cwd-teams", program="CWD", group_by="composition", as_of=e.day.isoformat()
    )
    query = cwd_teams.CwdTeamsQuery(as_of=e.day, program="CWD", suppress_below=e.suppress_below)

    def spec(composition: str, indicator: str, countries: int | None) -> Spec:
        name = composition.replace("_", "-")
        place = agree(countries, "country", "countries")
        where = f" in {countries:,} {place}" if countries is not None else ""
        return Spec(
            f"cwd_{composition}_teams",
            "CWD",
            "teams",
            f"CWD programs currently support {ANCHOR} {name} {{team|teams}}{where}.",
            f"as of {e.day}",
            indicator,
        )

    async def figures() -> None:
        report = await cwd_teams.cwd_teams(session, actor, ["composition"], query)
        rows = {str(r.composition): r for r in report.rows}
        for composition, indicator in kinds:
            row = rows.get(composition)
            source = Source(
                call,
                report.method,
                records={"teams": row.teams, "countries": row.countries} if row else {},
                suppressed=list(row.suppressed or []) if row else [],
                suppressed_rows=withheld_rows(report.rows),
            )
            b.add(
                spec(composition, indicator, row.countries if row else 0),
                row.teams if row else 0,
                source,
            )

    await answered(b, [spec(c, i, None) for c, i in kinds], call, figures)


async def _program_totals(
    session: AsyncSession,
    actor: Principal,
    b: Builder,
    spec: Spec,
    path: str,
    read: Callable[[], Awaitable[tuple[str, dict[str, int]]]],
) -> None:
    """A figure that is a count in a report's totals for one program over all fiscal years:
    `read` answers the report's method and its totals (the figure first)."""
    program = spec.id.split("_", 1)[0].upper()
    call = b.edition.call(path, suppressible=False, program=program)

    async def figures() -> None:
        method, totals = await read()
        b.add(spec, next(iter(totals.values())), Source(call, method, records=totals))

    await answered(b, [spec], call, figures)


async def _upgrades(session: AsyncSession, actor: Principal, b: Builder) -> None:
    spec = Spec(
        "gpoi_facility_upgrades",
        "GPOI",
        "upgrades",
        "Through GPOI, PM completed {value} gender-inclusive facility {upgrade|upgrades}, "
        "including accommodations, bathrooms, and showers at partners' peace operations "
        "training centers.",
        "all fiscal years",
        "GPOI-FACILITY-UPGRADES",
    )

    async def read() -> tuple[str, dict[str, int]]:
        query = facility_upgrades.UpgradesQuery(program="GPOI")
        report = await facility_upgrades.facility_upgrades(session, actor, ["fiscal_year"], query)
        totals = report.totals
        return report.method, {
            "completed": totals.completed,
            "women_beds_added": totals.women_beds_added,
        }

    await _program_totals(session, actor, b, spec, "reports/facility-upgrades", read)


async def _milestones(session: AsyncSession, actor: Principal, b: Builder) -> None:
    spec = Spec(
        "gdrp_policy_milestones",
        "GDRP",
        "milestones",
        "With GDRP's advisory support, partner governments adopted {value} {policy, plan or "
        "other milestone|policies, plans and other milestones} for women's participation in "
        "the security sector.",
        "all fiscal years",
        "GDRP-POLICY-MILESTONES",
    )

    async def read() -> tuple[str, dict[str, int]]:
        query = policy_milestones.MilestonesQuery(program="GDRP")
        report = await policy_milestones.policy_milestones(session, actor, ["fiscal_year"], query)
        return report.method, {"milestones": report.totals.milestones}

    await _program_totals(session, actor, b, spec, "reports/policy-milestones", read)


async def _outcomes(card: scorecard.Scorecard | None, call: str, b: Builder) -> None:
    """Per outcome: its indicators on track, of those with a target; behind when any is."""
    fy = b.edition.fiscal_year
    for number in range(1, 5):
        outcome = next((o for o in card.outcomes if o.number == number), None) if card else None
        targeted = _targeted(outcome)
        spec = Spec(
            f"outcome_{number}_status",
            "Outcomes",
            "indicators on track",
            f"Outcome {number}: {ANCHOR} of {targeted} "
            f"{agree(targeted, 'indicator', 'indicators')} with a FY{fy} target on track.",
            f"FY{fy}",
        )
        if card is None or outcome is None:
            b.missing([spec], call, "the scorecard has no such outcome")
            continue
        statuses = [str(i.status) for i in outcome.indicators]
        source = Source(
            f"{call}&outcome={number}" if "?" in call else f"{call}?outcome={number}",
            card.method,
            records={"indicators": len(statuses), "with_target": targeted},
            suppressed_rows=sum(1 for i in outcome.indicators if i.suppressed),
        )
        b.add(spec, statuses.count("on_track"), source)
        b.figures[-1].status = ProgressStatus(
            "behind"
            if "behind" in statuses
            else "on_track"
            if "on_track" in statuses
            else "no_target"
        )


def _targeted(outcome: scorecard.ScorecardOutcome | None) -> int:
    if outcome is None:
        return 0
    return sum(1 for i in outcome.indicators if i.status != "no_target")


async def fact_sheet(session: AsyncSession, actor: Principal, edition: Edition) -> FactSheet:
    """Every headline figure of the fact sheet, in the fact sheet's order."""
    call = edition.call("reports/scorecard", fiscal_year=edition.fiscal_year)
    card: scorecard.Scorecard | None = None
    try:
        card = await scorecard.scorecard(
            session,
            actor,
            scorecard.ScorecardQuery(
                fiscal_year=edition.fiscal_year, suppress_below=edition.suppress_below
            ),
        )
    except AppError:
        card = None
    indicators = {i.code: i for o in (card.outcomes if card else []) for i in o.indicators}
    b = Builder(edition, indicators)
    for section in (
        _gpoi_partners,
        _gpoi_women,
        _peacekeeping,
        _upgrades,
        _nio,
        _imet_completions,
        _imet_obligated,
        _imet_parity,
        _cwd,
        _milestones,
    ):
        await section(session, actor, b)
    await _outcomes(card, call, b)
    return FactSheet(
        filters=FactSheetFilters(
            fiscal_year=edition.fiscal_year,
            as_of=edition.day,
            **(
                {"suppress_below": edition.suppress_below}
                if edition.suppress_below is not None
                else {}
            ),
        ),
        method=METHOD,
        figures=b.figures,
    )
