"""The CWD teams rollup: signed changes per group and day, adjusted in the writing transaction
(app/core/rollup.py), so that teams as of a date are a sum over the groups' changes up to it.

A team is counted on each day D from formed_on to disbanded_on (inclusive), with the figures
of its latest roster on or before D (none: composition unknown, nobody). Between two change
points (formed_on, each later roster's as_of, the day after disbanded_on) those figures hold;
the team adds them to its group on the first day and takes them away on the next change point.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import rollup
from app.cwd.models import TEAMS_ROLLUP, CwdRoster, CwdTeam
from app.cwd.schemas import Composition

# (partner_id, program_id, activity, composition, day) → [teams, women, men, unreported, wil]
Key = tuple[int, int, str, str, date]
Deltas = dict[Key, list[int]]
# A day's row that nets to nothing is deleted.
SUMS = rollup.Sums(
    TEAMS_ROLLUP,
    ("partner_id", "program_id", "activity", "composition", "day"),
    ("teams", "women", "men", "unreported", "women_in_leadership"),
    empty=lambda table: (
        (table.c.teams == 0)
        & (table.c.women == 0)
        & (table.c.men == 0)
        & (table.c.unreported == 0)
        & (table.c.women_in_leadership == 0)
    ),
)
# IN lists stay well under both drivers' bound-parameter limits.
CHUNK = 5_000


class TeamRow(NamedTuple):
    id: int
    partner_id: int
    program_id: int
    activity: str
    formed_on: date
    disbanded_on: date | None


class RosterRow(NamedTuple):
    as_of: date
    women: int
    men: int
    unreported: int
    women_in_leadership: int


def composition(roster: RosterRow | None) -> str:
    """As app/cwd/service.as_of decides it in SQL."""
    if roster is None:
        return Composition.unknown.value
    women, men, unreported = roster.women, roster.men, roster.unreported
    if women > 0 and men == 0 and unreported == 0:
        return Composition.all_women.value
    if men > 0 and women == 0 and unreported == 0:
        return Composition.all_men.value
    if women + men + unreported > 0:
        return Composition.mixed.value
    return Composition.unknown.value


def add_team(deltas: Deltas, team: TeamRow, rosters: Iterable[RosterRow], sign: int = 1) -> None:
    """Add (sign=1) or take away (sign=-1) what one team contributes over its life."""
    end = team.disbanded_on + timedelta(days=1) if team.disbanded_on is not None else None
    ordered = sorted(rosters)
    earlier = [r for r in ordered if r.as_of <= team.formed_on]
    points: list[tuple[date, RosterRow | None]] = [
        (team.formed_on, earlier[-1] if earlier else None)
    ]
    points += [
        (r.as_of, r) for r in ordered if r.as_of > team.formed_on and (end is None or r.as_of < end)
    ]
    for n, (start, roster) in enumerate(points):
        stop = points[n + 1][0] if n + 1 < len(points) else end
        figures = (1, *roster[1:]) if roster is not None else (1, 0, 0, 0, 0)
        group = (team.partner_id, team.program_id, str(team.activity), composition(roster))
        for day, factor in ((start, sign), (stop, -sign)):
            if day is None:
                continue
            sums = deltas[(*group, day)]
            for k, value in enumerate(figures):
                sums[k] += factor * value


def _team_columns() -> tuple[Any, ...]:
    t = CwdTeam
    return (t.id, t.partner_id, t.program_id, t.activity, t.formed_on, t.disbanded_on)


def _roster_columns() -> tuple[Any, ...]:
    r = CwdRoster
    return (r.team_id, r.as_of, r.women, r.men, r.unreported, r.women_in_leadership)


def _add_rows(deltas: Deltas, teams: Iterable[Any], rosters: Iterable[Any], sign: int) -> None:
    by_team: dict[int, list[RosterRow]] = defaultdict(list)
    for team_id, *figures in rosters:
        by_team[team_id].append(RosterRow(*figures))
    for row in teams:
        team = TeamRow(*row)
        add_team(deltas, team, by_team[team.id], sign)


class Change(rollup.Change):
    """The rollup's side of a write to some teams or their rosters (see app/core/rollup.py)."""

    record_id = cast(Table, CwdTeam.__table__).c.id
    sums = SUMS

    async def contribute(self, ids: Sequence[int], sign: int) -> None:
        """What the teams (with their rosters) contribute as stored now, added with `sign`."""
        execute = self.session.execute
        teams = (await execute(select(*_team_columns()).where(CwdTeam.id.in_(ids)))).all()
        rosters = (
            await execute(select(*_roster_columns()).where(CwdRoster.team_id.in_(ids)))
        ).all()
        _add_rows(self.deltas, teams, rosters, sign)


async def from_records(session: AsyncSession) -> dict[Key, tuple[int, ...]]:
    """The rollup computed from every team and roster: for checks and for rebuilding it."""
    deltas = SUMS.deltas()
    teams = (await session.execute(select(*_team_columns()))).all()
    rosters = (await session.execute(select(*_roster_columns()))).all()
    _add_rows(deltas, teams, rosters, 1)
    return {key: tuple(sums) for key, sums in sorted(deltas.items()) if any(sums)}


async def stored(session: AsyncSession) -> dict[Key, tuple[int, ...]]:
    rows = await SUMS.rows(session)
    return {
        (row[0], row[1], str(row[2]), row[3], row[4]): tuple(int(v) for v in row[5:])
        for row in rows
    }


async def rebuild(session: AsyncSession) -> None:
    """Recompute the whole rollup from the records (repair tool; normal writes never need it)."""
    rows = [
        dict(zip(SUMS.columns, (*key, *sums), strict=True))
        for key, sums in (await from_records(session)).items()
    ]
    await session.execute(delete(TEAMS_ROLLUP))
    for start in range(0, len(rows), CHUNK):
        await session.execute(insert(TEAMS_ROLLUP), rows[start : start + CHUNK])
