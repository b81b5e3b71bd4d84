"""Named metrics: the figures a derived indicator reads from the service's own records.

Each metric sums those records in SQL through the query its domain owns (the trainings
rollup, IMET nominations and history, funding, UN snapshots, facility upgrades, GDRP
engagements and policy milestones), counting as the matching report
does.
Figures are per fiscal year; the caller's scope (an embassy's own country) is the partner
the metric is limited to, and each domain applies its own visibility rule as well.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar, cast

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFound
from app.core.fiscal_year import fiscal_year_bounds
from app.core.rollup import Keys, matching
from app.core.scope import own_partner_id
from app.core.security import Principal
from app.cwd.schemas import Composition
from app.cwd.service import TeamFigureFilters, teams_by
from app.facilities.service import completed_by_fiscal_year, completed_conditions
from app.funding.service import amounts_by_fiscal_year, obligation_filters
from app.gdrp.service import (
    milestone_conditions,
    milestones_by_fiscal_year,
    women_counterparts_by_fiscal_year,
)
from app.imet.history.service import completions_by
from app.imet.nominations.service import ImetYear, imet_by_fiscal_year
from app.partners.service import find_partner
from app.peacekeeping.service import latest_snapshot, military_shares
from app.programs.service import find_program
from app.trainings.models import WomenTrainedRollup
from app.trainings.rollup import trained_by_fiscal_year


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
        description="women who completed IMET training: completed nominations plus IMET "
        "history (reports/imet-completions)",
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
    "facility_upgrades_completed": MetricSpec(
        "count",
        frozenset({"program", "feature", "partner"}),
        description="facility upgrades completed, by completed_on's fiscal year "
        "(reports/facility-upgrades, completed)",
    ),
    "women_beds_added": MetricSpec(
        "count",
        frozenset({"program", "feature", "partner"}),
        description="women's beds added by completed facility upgrades "
        "(reports/facility-upgrades, women_beds_added)",
    ),
    "policy_milestones": MetricSpec(
        "count",
        frozenset({"program", "partner"}),
        description="policies, plans and positions partner governments adopted, by "
        "adopted_on's fiscal year (reports/policy-milestones, milestones)",
    ),
    "gdrp_women_counterparts": MetricSpec(
        "count",
        frozenset({"program", "focus", "partner"}),
        description="women among the counterparts of advisory engagements, by start_date's "
        "fiscal year (GET /api/v1/advisory-engagements, counterparts.women)",
    ),
    **{
        name: MetricSpec(
            "count",
            frozenset({"program", "partner", "activity"}),
            description=f"{what}, as of the last day of the fiscal year (reports/cwd-teams as_of "
            f"that day, {column})",
        )
        for name, what, column in (
            (
                "cwd_all_women_teams",
                "CWD teams active whose latest roster is all women",
                "teams of composition all_women",
            ),
            (
                "cwd_mixed_teams",
                "CWD teams active whose latest roster has women and men",
                "teams of composition mixed",
            ),
            ("cwd_women_personnel", "women on CWD teams' latest rosters", "women"),
            (
                "cwd_women_in_leadership",
                "women senior managers and team leaders on CWD teams' latest rosters",
                "women_in_leadership",
            ),
        )
    },
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
    """One fiscal year of a metric: a value (count, currency) or the parts of a percent, and
    the people counted by sex where the records say (a count of women only: `women` alone)."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    records: dict[str, Any] = field(default_factory=dict)
    women: int | None = None
    men: int | None = None


def of_women(count: int, records: dict[str, Any] | None = None) -> Figure:
    """A year of a metric that counts women: the value is its women."""
    return Figure(Decimal(count), records=records or {}, women=count)


@dataclass
class MetricFigures:
    by_year: dict[int, Figure]
    inputs: dict[str, Any]
    note: str | None = None


T = TypeVar("T")


class Memo:
    """The answers of the queries metrics read, kept by their inputs for one caller and one
    transaction: the metrics and the projects of an export that ask the same query (the four
    CWD metrics read one team query per fiscal year) run it once."""

    def __init__(self) -> None:
        self._answers: dict[Hashable, Any] = {}

    async def get(self, key: Hashable, ask: Callable[[], Awaitable[T]]) -> T:
        if key not in self._answers:
            self._answers[key] = await ask()
        return cast(T, self._answers[key])


@dataclass(frozen=True)
class MetricQuery:
    metric: str
    filters: dict[str, str]
    from_fy: int | None  # None: from the first year on record (for running totals)
    to_fy: int
    partner: str | None  # the scope: one partner's figures (an embassy's own, or asked for)
    memo: Memo = field(default_factory=Memo, compare=False)


Compute = Callable[[AsyncSession, Principal, MetricQuery], Awaitable[dict[int, Figure]]]


async def _asked(session: AsyncSession, actor: Principal, query: MetricQuery) -> Keys:
    """What every domain's figures query takes from a metric query (-1: an unknown code): the
    query's program and partner found (an embassy's figures are always its own
    country's), with its fiscal years."""
    program_id: int | None = None
    partner_id = own_partner_id(actor)
    if code := query.filters.get("program"):
        program = await query.memo.get(("program", code), partial(find_program, session, code))
        program_id = program.id if program is not None else -1
    if partner_id is None and (code := query.partner) is not None:
        partner = await query.memo.get(("partner", code), partial(find_partner, session, code))
        partner_id = partner.id if partner is not None else -1
    return Keys(
        program_id=program_id, partner_id=partner_id, from_fy=query.from_fy, to_fy=query.to_fy
    )


async def _trained(
    session: AsyncSession, actor: Principal, query: MetricQuery, women_only: bool
) -> dict[int, Figure]:
    asked = await _asked(session, actor, query)
    filters = matching(WomenTrainedRollup, **asked, kind=query.filters.get("kind") or None)
    topic = query.filters.get("topic")
    key = ("trained", *asked.values(), query.filters.get("kind"), topic)
    counts = await query.memo.get(key, partial(trained_by_fiscal_year, session, filters, topic))
    if women_only:
        return {year: of_women(women) for year, (women, _, _) in counts.items()}
    return {
        year: Figure(Decimal(total), women=women, men=men)
        for year, (women, men, total) in counts.items()
    }


def _years(query: MetricQuery) -> range:
    return range(query.from_fy if query.from_fy is not None else query.to_fy, query.to_fy + 1)


async def _imet(session: AsyncSession, actor: Principal, query: MetricQuery) -> dict[int, ImetYear]:
    partner_id = (await _asked(session, actor, query))["partner_id"]
    years = _years(query)
    return await imet_by_fiscal_year(
        session, actor, partner_id=partner_id, from_fy=years.start, to_fy=years.stop - 1
    )


async def _imet_women_completed(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    asked = await _asked(session, actor, query)
    rows = await completions_by(
        session,
        actor,
        "fiscal_year",
        partner_id=asked["partner_id"],
        from_fy=asked["from_fy"],
        to_fy=asked["to_fy"],
    )
    return {year: of_women(women) for year, women, _ in rows}


async def _imet_women_share(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    return {
        year: Figure(numerator=Decimal(counts.counted_women), denominator=Decimal(counts.counted))
        for year, counts in (await _imet(session, actor, query)).items()
        if counts.counted
    }


async def _obligations(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    filters = obligation_filters(
        actor,
        type=query.filters.get("type", "obligation"),
        purpose=query.filters.get("purpose"),
        **await _asked(session, actor, query),
    )
    amounts = await amounts_by_fiscal_year(session, filters)
    return {
        year: Figure(amount, records={"obligations": records})
        for year, (amount, records) in amounts.items()
    }


async def _peacekeeping_share(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    program = await find_program(session, query.filters["program"])
    if program is None:
        return {}
    figures = {}
    for year in _years(query):
        first_day, last_day = fiscal_year_bounds(year)
        try:
            snapshot = await latest_snapshot(session, last_day)
        except NotFound:
            continue
        if snapshot.reporting_date < first_day:
            continue  # no snapshot reported within the year
        shares = await military_shares(session, snapshot, program.id)
        if not shares.all_women:
            continue  # a share of no women is no figure
        figures[year] = Figure(
            numerator=Decimal(int(shares.partner_women)),
            denominator=Decimal(int(shares.all_women)),
            records={
                "snapshot": {
                    "id": snapshot.id,
                    "reporting_date": snapshot.reporting_date.isoformat(),
                    "checksum": snapshot.checksum,
                }
            },
        )
    return figures


async def _upgrades(
    session: AsyncSession, actor: Principal, query: MetricQuery, beds: bool
) -> dict[int, Figure]:
    asked = await _asked(session, actor, query)
    conditions = completed_conditions(actor, **asked, feature=query.filters.get("feature"))
    key = ("upgrades", *asked.values(), query.filters.get("feature"))
    counts = await query.memo.get(key, partial(completed_by_fiscal_year, session, conditions))
    return {
        year: Figure(Decimal(women_beds if beds else completed), records={"upgrades": completed})
        for year, (completed, women_beds) in counts.items()
    }


async def _policy_milestones(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    conditions = milestone_conditions(actor, **await _asked(session, actor, query))
    counts = await milestones_by_fiscal_year(session, conditions)
    return {year: Figure(Decimal(n)) for year, n in counts.items()}


async def _gdrp_women_counterparts(
    session: AsyncSession, actor: Principal, query: MetricQuery
) -> dict[int, Figure]:
    asked = await _asked(session, actor, query)
    women = await women_counterparts_by_fiscal_year(
        session, actor, **asked, focus=query.filters.get("focus")
    )
    return {year: of_women(n) for year, n in women.items()}


# What each CWD metric reads from the report's rows grouped by composition.
CWD_FIGURES: dict[str, Callable[[list[dict[str, Any]]], int]] = {
    "cwd_all_women_teams": lambda rows: sum(
        r["teams"] for r in rows if r["composition"] == Composition.all_women
    ),
    "cwd_mixed_teams": lambda rows: sum(
        r["teams"] for r in rows if r["composition"] == Composition.mixed
    ),
    "cwd_women_personnel": lambda rows: sum(r["women"] for r in rows),
    "cwd_women_in_leadership": lambda rows: sum(r["women_in_leadership"] for r in rows),
}
CWD_WOMEN = frozenset({"cwd_women_personnel", "cwd_women_in_leadership"})  # the rest: teams


async def _cwd(session: AsyncSession, actor: Principal, query: MetricQuery) -> dict[int, Figure]:
    """Teams as of the last day of each fiscal year, grouped by composition in SQL."""
    asked = await _asked(session, actor, query)
    filters = TeamFigureFilters(
        program_id=asked["program_id"],
        partner_id=asked["partner_id"],
        activity=query.filters.get("activity"),
    )
    figure = CWD_FIGURES[query.metric]
    found = {}
    for year in _years(query):
        last_day = fiscal_year_bounds(year)[1]
        ask = partial(teams_by, session, actor, last_day, ["composition"], filters)
        rows = await query.memo.get(("cwd_teams", last_day, filters), ask)
        records = {"as_of": last_day.isoformat(), "teams": sum(r["teams"] for r in rows)}
        count = figure(rows)
        women = query.metric in CWD_WOMEN
        found[year] = of_women(count, records) if women else Figure(Decimal(count), records=records)
    return found


COMPUTE: dict[str, Compute] = {
    **dict.fromkeys(CWD_FIGURES, _cwd),
    "women_trained": partial(_trained, women_only=True),
    "participants_trained": partial(_trained, women_only=False),
    "imet_women_completed": _imet_women_completed,
    "imet_women_share": _imet_women_share,
    "obligations": _obligations,
    "facility_upgrades_completed": partial(_upgrades, beds=False),
    "women_beds_added": partial(_upgrades, beds=True),
    "policy_milestones": _policy_milestones,
    "gdrp_women_counterparts": _gdrp_women_counterparts,
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
    memo: Memo | None = None,
) -> MetricFigures:
    """The metric per fiscal year within from_fy..to_fy, limited to `partner` when given;
    queries asked before through `memo` (the same caller's) are answered from it."""
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
    query = MetricQuery(metric, filters, from_fy, to_fy, partner or wanted, memo or Memo())
    return MetricFigures(await COMPUTE[metric](session, actor, query), inputs)
