"""The CWD teams report: teams active on a date, by partner, activity, composition or program,
with the women, men and women in leadership of each team's latest roster, summed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.params import choice_text
from app.core.schemas import FiltersOf
from app.core.security import Principal
from app.core.suppression import CountTable
from app.cwd.schemas import Activity, Composition
from app.cwd.service import GROUPS as GROUPS  # the report groups by the team figures' groups
from app.cwd.service import TeamFigureFilters, teams_by
from app.reports.scope import echoed, scoped_query
from app.reports.small_numbers import suppress


@dataclass(frozen=True, slots=True)
class CwdTeamsQuery:
    """The report's filters, as the client gave them (codes normalized)."""

    as_of: date
    program: str | None = None
    partner: str | None = None
    activity: Activity | None = None
    suppress_below: int | None = None


class CwdTeamsFilters(FiltersOf, query=CwdTeamsQuery):
    suppress_below: int | None = None


class CwdTeamsFigures(BaseModel):
    teams: int
    countries: int
    # People on the teams' latest rosters; null where withheld (suppress_below, `suppressed`).
    women: int | None
    men: int | None
    unreported: int | None
    people: int | None
    women_in_leadership: int | None
    suppressed: list[str] | None = None


class CwdTeamsRow(CwdTeamsFigures):
    """One group: only the keys grouped by are present."""

    partner: str | None = None
    activity: Activity | None = None
    composition: Composition | None = None
    program: str | None = None


class CwdTeamsReport(BaseModel):
    filters: CwdTeamsFilters
    group_by: list[str]
    method: str
    rows: list[CwdTeamsRow]
    totals: CwdTeamsFigures


METHOD = (
    "Teams active on as_of (formed_on on or before it, disbanded_on null or on or after it) "
    "matching the filters, counted in SQL grouped by {groups}. Each team's figures "
    "come from its latest roster on or before as_of (a team without one counts as a team of "
    "composition unknown with no people): composition all_women when the roster has women and "
    "no men or people of unreported sex, all_men when it has men only, mixed when it has "
    "people otherwise, unknown when it has no roster or nobody on it; women_in_leadership = "
    "women whose role is senior_manager or team_leader. countries = distinct partners of the "
    "teams counted; people = women + men + unreported. The sums are read from a rollup that "
    "every team, roster and import write keeps exactly in step, in the same transaction: per "
    "partner, program, activity and composition, the teams and people that start or stop "
    "counting on each day, summed up to as_of (as known on a past instant: from the records "
    "then)."
)

# How the people counts add up, for small-number suppression: women in leadership are some of
# the women, a count of people under the rule themselves (and withheld with the women). Teams
# and countries count no person and stay visible.
COUNTS = CountTable(
    parts=("women", "men", "unreported"),
    total="people",
    subsets={"women_in_leadership": "women"},
)


async def cwd_teams(
    session: AsyncSession, actor: Principal, groups: list[str], query: CwdTeamsQuery
) -> CwdTeamsReport:
    query, scope = await scoped_query(session, actor, query)
    filters = TeamFigureFilters(
        program_id=scope.program_id,
        partner_id=scope.partner_id,
        activity=choice_text(query.activity),
    )
    rows = [
        _with_people(row) for row in await teams_by(session, actor, query.as_of, groups, filters)
    ]
    (totals,) = [
        _with_people(row) for row in await teams_by(session, actor, query.as_of, [], filters)
    ]
    report = CwdTeamsReport(
        filters=echoed(CwdTeamsFilters, query),
        group_by=groups,
        method=METHOD.format(groups=" and ".join(groups)),
        rows=[CwdTeamsRow(**row) for row in rows],
        totals=CwdTeamsFigures(**totals),
    )
    return suppress(report, COUNTS, query.suppress_below, report.rows, report.totals)


def _with_people(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "people": row["women"] + row["men"] + row["unreported"]}


FIGURES = ("teams", "countries", "women", "men", "unreported", "people", "women_in_leadership")


def csv_table(report: CwdTeamsReport) -> tuple[list[str], list[list[Any]]]:
    """The report's rows as CSV: the group keys, then the figures."""
    columns = [*report.group_by, *FIGURES]
    return columns, [[getattr(row, c) for c in columns] for row in report.rows]
