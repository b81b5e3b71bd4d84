"""CWD team rules: a team's country and program must exist, its name is unique in its country,
rosters fall within the team's life (formed_on..disbanded_on), one roster per team and date,
each role at most once per roster; embassy keys see their own country's teams only; every
change is audited.

Composition as of a date is computed in SQL from the team's latest roster on or before it
(`with_composition`), for the record, the list and its filters; the report and the metrics sum
the rollup every write keeps in step (`teams_by`, app/cwd/rollup.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload, with_expression

from app.audit.edits import Audited
from app.audit.writer import record
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import Conflict, NotFound, Unprocessable, field_error, invalid, invalid_query
from app.core.fiscal_year import today
from app.core.history import known_at
from app.core.models import utcnow
from app.core.pagination import Listing, SortKey
from app.core.rollup import matching
from app.core.scope import own_country_rows
from app.core.security import Principal
from app.core.versioning import check_version
from app.cwd import rollup
from app.cwd.models import CwdRoster, CwdRosterMember, CwdTeam, CwdTeamsRollup
from app.cwd.schemas import (
    LEADERSHIP_ROLES,
    Activity,
    Composition,
    MemberIn,
    RosterCreate,
    RosterReplace,
    TeamCreate,
    TeamUpdate,
)
from app.partners.models import Partner
from app.partners.service import partner_filter_id, resolve_partner
from app.programs.models import Program
from app.programs.service import find_program, resolve_program
from app.projects.service import body_project, patch_project, project_filter_id

TEAM = "cwd_team"
ROSTER = "cwd_roster"


# The one place CWD teams (and through them rosters) are scoped: an embassy key sees its own
# country's teams, and their changes, only.
visible_to, readers_of = visibility.country_owned(CwdTeam.id, CwdTeam.partner_id)


def roster_readers_of(ids: Sequence[str]) -> Select[int, int]:
    """Who may read a roster's changes: its team's country's embassy (`visible_to`)."""
    return (
        select(CwdRoster.id, CwdTeam.partner_id)
        .join(CwdTeam, CwdTeam.id == CwdRoster.team_id)
        .where(CwdRoster.id.in_(visibility.record_ids(ids)))
    )


# --- Composition as of a date, in SQL ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AsOf:
    """A team's figures as of a date: the latest roster on or before it, outer-joined."""

    roster: Any  # the aliased CwdRoster
    on: ColumnElement[bool]  # the join condition to CwdTeam
    composition: ColumnElement[str]
    women: ColumnElement[int]
    men: ColumnElement[int]
    unreported: ColumnElement[int]
    women_in_leadership: ColumnElement[int]


def as_of(day: date) -> AsOf:
    roster = aliased(CwdRoster, name="latest_roster")
    earlier = aliased(CwdRoster, name="earlier_roster")
    newest = (
        select(func.max(earlier.as_of))
        .where(earlier.team_id == CwdTeam.id, earlier.as_of <= day)
        .correlate(CwdTeam)
        .scalar_subquery()
    )
    on = and_(roster.team_id == CwdTeam.id, roster.as_of == newest)
    women = func.coalesce(roster.women, 0)
    men = func.coalesce(roster.men, 0)
    unreported = func.coalesce(roster.unreported, 0)
    composition = case(
        (roster.id.is_(None), Composition.unknown.value),
        (and_(women > 0, men == 0, unreported == 0), Composition.all_women.value),
        (and_(men > 0, women == 0, unreported == 0), Composition.all_men.value),
        (women + men + unreported > 0, Composition.mixed.value),
        else_=Composition.unknown.value,  # a roster of nobody says nothing of the make-up
    )
    return AsOf(
        roster,
        on,
        composition,
        women,
        men,
        unreported,
        func.coalesce(roster.women_in_leadership, 0),
    )


def active_on(day: date) -> ColumnElement[bool]:
    """Teams formed on or before `day` and not disbanded before it."""
    return and_(
        CwdTeam.formed_on <= day, CwdTeam.disbanded_on.is_(None) | (CwdTeam.disbanded_on >= day)
    )


def with_composition(stmt: Select[Any], day: date) -> tuple[Select[Any], AsOf]:
    """`stmt` (selecting CwdTeam) with the latest roster joined and the team's as-of fields
    loaded, and the expressions for filtering on them."""
    figures = as_of(day)
    stmt = stmt.outerjoin(figures.roster, figures.on).options(
        with_expression(CwdTeam.as_of, literal(day, Date)),
        with_expression(CwdTeam.composition, figures.composition),
        with_expression(CwdTeam.roster_as_of, figures.roster.as_of),
        with_expression(CwdTeam.women, figures.women),
        with_expression(CwdTeam.men, figures.men),
        with_expression(CwdTeam.unreported, figures.unreported),
        with_expression(CwdTeam.women_in_leadership, figures.women_in_leadership),
        selectinload(CwdTeam.program),
        selectinload(CwdTeam.project),
        selectinload(CwdTeam.partner),
    )
    return stmt.execution_options(populate_existing=True), figures


# --- Teams ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TeamFilters:
    partner: str | None = None
    program: str | None = None
    project: str | None = None
    activity: str | None = None
    composition: str | None = None
    as_of: date | None = None
    updated_since: datetime | None = None


SORT = [SortKey(CwdTeam.id)]


async def select_teams(
    session: AsyncSession, principal: Principal | None, filters: TeamFilters
) -> Select[Any]:
    """The filtered, caller-scoped statement behind the list and the CSV export."""
    stmt, figures = with_composition(
        select(CwdTeam).where(visible_to(principal)), filters.as_of or today()
    )
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(CwdTeam.partner_id == partner_id)
    if filters.program is not None:
        program = await find_program(session, filters.program)
        if program is None:
            raise invalid_query("program", f"unknown program {filters.program!r}")
        stmt = stmt.where(CwdTeam.program_id == program.id)
    if filters.project is not None:
        stmt = stmt.where(CwdTeam.project_id == await project_filter_id(session, filters.project))
    if filters.activity is not None:
        stmt = stmt.where(CwdTeam.activity == Activity(filters.activity))
    if filters.composition is not None:
        stmt = stmt.where(figures.composition == Composition(filters.composition).value)
    if filters.updated_since is not None:
        stmt = stmt.where(CwdTeam.updated_at >= filters.updated_since)
    return stmt.options(selectinload(CwdTeam.rosters).selectinload(CwdRoster.members))


async def teams_listing(
    session: AsyncSession, principal: Principal | None, filters: TeamFilters
) -> Listing:
    """The team list, its CSV and the bulk export (filters checked now)."""
    return Listing(await select_teams(session, principal, filters), SORT)


async def get_team(
    session: AsyncSession, principal: Principal | None, team_id: int, day: date | None = None
) -> CwdTeam:
    """A team the caller may see, with its composition as of `day` (default today); another
    country's answers exactly as a missing one."""
    stmt, _ = with_composition(
        select(CwdTeam).where(CwdTeam.id == team_id, visible_to(principal)), day or today()
    )
    return await found_or_404(session, stmt, f"CWD team {team_id}")


def _details(team: CwdTeam) -> dict[str, Any]:
    return {"partner": team.partner_code, "name": team.name}


async def _refuse_taken_name(
    session: AsyncSession, partner: Partner, name: str, pointer: str
) -> None:
    taken = await session.scalar(
        select(CwdTeam.id).where(CwdTeam.partner_id == partner.id, CwdTeam.name == name)
    )
    if taken is not None:
        raise Conflict(
            f"{partner.code} already has a CWD team named {name!r} (team {taken})",
            existing_team=taken,
            errors=[field_error(pointer, "a team of this country has this name")],
        )


def _refuse_disordered_life(formed_on: date, disbanded_on: date | None) -> None:
    if disbanded_on is not None and disbanded_on < formed_on:
        raise invalid("/disbanded_on", "must not be before formed_on")


TEAMS = Audited(TEAM, _details, rollup=rollup.Change)


async def create_team(session: AsyncSession, actor: Principal, body: TeamCreate) -> CwdTeam:
    program = await resolve_program(session, body.program, "/program")
    partner = await resolve_partner(session, body.partner, "/partner")
    _refuse_disordered_life(body.formed_on, body.disbanded_on)
    project = await body_project(session, body.project, program.id)
    await _refuse_taken_name(session, partner, body.name, "/name")
    team = CwdTeam(
        program=program,
        project=project,
        partner=partner,
        **body.model_dump(exclude={"program", "project", "partner"}),
    )
    await TEAMS.added(session, actor, team, body)
    return await get_team(session, actor, team.id)


async def _roster_span(session: AsyncSession, team_id: int) -> tuple[date | None, date | None]:
    first, last = (
        await session.execute(
            select(func.min(CwdRoster.as_of), func.max(CwdRoster.as_of)).where(
                CwdRoster.team_id == team_id
            )
        )
    ).one()
    return first, last


async def update_team(
    session: AsyncSession,
    actor: Principal,
    team_id: int,
    body: TeamUpdate,
    expected_version: str | None,
) -> CwdTeam:
    team = await get_team(session, actor, team_id)
    patch = Patch.checked(team, body, expected_version)
    change = await rollup.Change(session, [team.id]).before()
    program: Program = team.program
    partner: Partner = team.partner
    if (code := patch.get("program")) is not None:
        program = await resolve_program(session, code, "/program")
    if (code := patch.get("partner")) is not None:
        partner = await resolve_partner(session, code, "/partner")
    await _check_team_patch(session, patch, partner)
    patch.refer("program", program)
    await patch_project(session, patch)
    patch.refer("partner", partner)
    patch.copy("name", "activity", "formed_on", "disbanded_on")
    if not await TEAMS.updated(session, actor, patch, change):
        return team
    return await get_team(session, actor, team.id)


async def _check_team_patch(session: AsyncSession, patch: Patch, partner: Partner) -> None:
    """A team's name is its country's once; its life spans its rosters."""
    team = patch.target
    name = patch.value("name")
    if (partner.id, name) != (team.partner_id, team.name):
        await _refuse_taken_name(session, partner, name, "/name")
    formed_on, disbanded_on = patch.value("formed_on"), patch.value("disbanded_on")
    _refuse_disordered_life(formed_on, disbanded_on)
    first, last = await _roster_span(session, team.id)
    if first is not None and first < formed_on:
        raise invalid("/formed_on", f"the team has a roster as of {first}, before this date")
    if last is not None and disbanded_on is not None and last > disbanded_on:
        raise invalid("/disbanded_on", f"the team has a roster as of {last}, after this date")


async def delete_team(
    session: AsyncSession, actor: Principal, team_id: int, expected_version: str | None
) -> None:
    """A team and its rosters."""
    team = await get_team(session, actor, team_id)
    await TEAMS.deleted(session, actor, team, expected_version)


# --- Rosters ----------------------------------------------------------------------------------


def member_errors(members: Sequence[MemberIn], pointer: str = "/members") -> list[dict[str, Any]]:
    """Each role at most once in a roster."""
    seen: set[str] = set()
    errors = []
    for n, member in enumerate(members):
        if member.role in seen:
            errors.append(field_error(f"{pointer}/{n}/role", "this role is already listed"))
        seen.add(member.role)
    return errors


def life_error(formed_on: date, disbanded_on: date | None, day: date) -> str | None:
    """Why a roster as of `day` falls outside the team's life (None: it does not)."""
    if day < formed_on:
        return f"must not be before the team was formed ({formed_on})"
    if disbanded_on is not None and day > disbanded_on:
        return f"must not be after the team was disbanded ({disbanded_on})"
    return None


def roster_columns(members: Iterable[MemberIn]) -> dict[str, int]:
    """A roster's totals, derived from its members (never typed twice)."""
    listed = list(members)
    return {
        "women": sum(m.women for m in listed),
        "men": sum(m.men for m in listed),
        "unreported": sum(m.unreported for m in listed),
        "women_in_leadership": sum(m.women for m in listed if m.role in LEADERSHIP_ROLES),
    }


def _members(members: Iterable[MemberIn]) -> list[CwdRosterMember]:
    return [
        CwdRosterMember(role=m.role, women=m.women, men=m.men, unreported=m.unreported)
        for m in members
    ]


def _refuse_bad_members(members: Sequence[MemberIn]) -> None:
    errors = member_errors(members)
    if errors:
        raise Unprocessable(f"{errors[0]['pointer']}: {errors[0]['detail']}", errors=errors)


async def _team_of_roster(
    session: AsyncSession, principal: Principal, team_id: int, *, fresh: bool = False
) -> CwdTeam:
    """The team a roster belongs to; `fresh`: read again, for a roster write that holds the
    team's lock (its rollup change's): concurrent roster writes to one team take turns, and
    each moves the version the one before it left rather than failing as stale."""
    query = select(CwdTeam).where(CwdTeam.id == team_id, visible_to(principal))
    if fresh:
        query = query.execution_options(populate_existing=True)
    team = await session.scalar(query)
    if team is None:
        raise NotFound(f"CWD team {team_id} does not exist")
    return team


def _touch(team: CwdTeam) -> None:
    """A roster change moves the team's version: its composition (and ETag) may change."""
    team.updated_at = utcnow()


async def get_roster(
    session: AsyncSession, principal: Principal, team_id: int, day: date
) -> CwdRoster:
    await _team_of_roster(session, principal, team_id)
    roster = await session.scalar(
        select(CwdRoster)
        .where(CwdRoster.team_id == team_id, CwdRoster.as_of == day)
        .options(selectinload(CwdRoster.members))
        .execution_options(populate_existing=True)
    )
    if roster is None:
        raise NotFound(f"CWD team {team_id} has no roster as of {day}")
    return roster


def _roster_details(team_id: int, day: date) -> dict[str, Any]:
    return {"team": team_id, "as_of": day.isoformat()}


async def add_roster(
    session: AsyncSession, actor: Principal, team_id: int, body: RosterCreate
) -> CwdRoster:
    change = await rollup.Change(session, [team_id]).before()
    team = await _team_of_roster(session, actor, team_id, fresh=True)
    _refuse_bad_members(body.members)
    if (problem := life_error(team.formed_on, team.disbanded_on, body.as_of)) is not None:
        raise invalid("/as_of", problem)
    taken = await session.scalar(
        select(CwdRoster.id).where(CwdRoster.team_id == team_id, CwdRoster.as_of == body.as_of)
    )
    if taken is not None:
        raise Conflict(
            f"CWD team {team_id} already has a roster as of {body.as_of}; replace it with "
            f"PATCH /api/v1/cwd-teams/{team_id}/rosters/{body.as_of} and If-Match",
            errors=[field_error("/as_of", "the team has a roster as of this date")],
        )
    roster = CwdRoster(
        team_id=team_id,
        as_of=body.as_of,
        members=_members(body.members),
        **roster_columns(body.members),
    )
    session.add(roster)
    _touch(team)
    await session.flush()
    await change.after()
    record(
        session,
        actor,
        "create",
        ROSTER,
        roster.id,
        ["members"],
        _roster_details(team_id, body.as_of),
    )
    return await get_roster(session, actor, team_id, body.as_of)


async def replace_roster(
    session: AsyncSession,
    actor: Principal,
    team_id: int,
    day: date,
    body: RosterReplace,
    expected_version: str | None,
) -> CwdRoster:
    roster = await get_roster(session, actor, team_id, day)
    check_version(expected_version, roster.version)
    if body.members is None:
        return roster
    _refuse_bad_members(body.members)
    before = {(m.role, m.women, m.men, m.unreported) for m in roster.members}
    after = {(m.role, m.women, m.men, m.unreported) for m in body.members}
    if before == after:
        return roster
    change = await rollup.Change(session, [team_id]).before()
    roster.members = _members(body.members)
    for column, value in roster_columns(body.members).items():
        setattr(roster, column, value)
    roster.updated_at = utcnow()
    _touch(await _team_of_roster(session, actor, team_id, fresh=True))
    await session.flush()
    await change.after()
    record(session, actor, "update", ROSTER, roster.id, ["members"], _roster_details(team_id, day))
    return await get_roster(session, actor, team_id, day)


async def delete_roster(
    session: AsyncSession, actor: Principal, team_id: int, day: date, expected_version: str | None
) -> None:
    roster = await get_roster(session, actor, team_id, day)
    check_version(expected_version, roster.version)
    roster_id = roster.id
    change = await rollup.Change(session, [team_id]).before()
    await session.delete(roster)
    _touch(await _team_of_roster(session, actor, team_id, fresh=True))
    await session.flush()
    await change.after()
    record(session, actor, "delete", ROSTER, roster_id, [], _roster_details(team_id, day))


@dataclass(frozen=True, slots=True)
class RosterFilters:
    from_date: date | None = None
    to_date: date | None = None
    updated_since: datetime | None = None


async def rosters_listing(
    session: AsyncSession, principal: Principal, team_id: int, filters: RosterFilters
) -> Listing:
    """A team's rosters, oldest first (its history)."""
    await _team_of_roster(session, principal, team_id)
    stmt = (
        select(CwdRoster)
        .where(CwdRoster.team_id == team_id)
        .options(selectinload(CwdRoster.members))
    )
    if filters.from_date is not None:
        stmt = stmt.where(CwdRoster.as_of >= filters.from_date)
    if filters.to_date is not None:
        stmt = stmt.where(CwdRoster.as_of <= filters.to_date)
    if filters.updated_since is not None:
        stmt = stmt.where(CwdRoster.updated_at >= filters.updated_since)
    return Listing(stmt, [SortKey(CwdRoster.as_of), SortKey(CwdRoster.id)])


# --- Figures: teams as of a date, aggregated in SQL -------------------------------------------

GROUPS = ("partner", "activity", "composition", "program")


@dataclass(frozen=True, slots=True)
class TeamFigureFilters:
    program_id: int | None = None
    partner_id: int | None = None
    activity: str | None = None

    def conditions(self, teams: Any) -> list[ColumnElement[bool]]:
        """These filters on `teams`' program_id, partner_id and activity columns (the teams
        themselves or the rollup of them)."""
        activity = None if self.activity is None else Activity(self.activity)
        return matching(
            teams, program_id=self.program_id, partner_id=self.partner_id, activity=activity
        )


FIGURES = ("teams", "countries", "women", "men", "unreported", "women_in_leadership")


async def teams_by(
    session: AsyncSession,
    actor: Principal | None,
    day: date,
    groups: Sequence[str],
    filters: TeamFigureFilters,
    *,
    from_records: bool = False,
) -> list[dict[str, Any]]:
    """Teams active on `day` (formed on or before it, not disbanded before it) visible to
    `actor`, grouped by `groups` (none: one row of totals): per group its keys, `teams`,
    `countries`, and the `women`, `men`, `unreported` and `women_in_leadership` of each
    team's latest roster on or before `day`, summed in the database: from the rollup
    (app/cwd/rollup.py), or `from_records` (a GROUP BY over the teams and their rosters),
    as always when read as known at a past instant (the rollup is not versioned)."""
    if from_records or known_at() is not None:
        stmt = _from_records(actor, day, groups, filters)
    else:
        stmt = _from_rollup(actor, day, groups, filters)
    return [
        {**{g: row[g] for g in groups}, **{name: int(row[name]) for name in FIGURES}}
        for row in (await session.execute(stmt)).mappings()
    ]


def _from_rollup(
    actor: Principal | None, day: date, groups: Sequence[str], filters: TeamFigureFilters
) -> Select[Any]:
    r = CwdTeamsRollup
    group_keys = (r.partner_id, r.program_id, r.activity, r.composition)
    conditions = [r.day <= day, *filters.conditions(r), own_country_rows(actor, r.partner_id)]
    # Each (partner, program, activity, composition) as of `day`: the sum of its changes.
    net = (
        select(
            *group_keys,
            *(func.sum(getattr(r, name)).label(name) for name in FIGURES if name != "countries"),
        )
        .where(*conditions)
        .group_by(*group_keys)
        .having(func.sum(r.teams) > 0)
        .subquery("net")
    )
    stmt = select(
        func.count(net.c.partner_id.distinct()).label("countries"),
        *(
            func.coalesce(func.sum(net.c[name]), 0).label(name)
            for name in FIGURES
            if name != "countries"
        ),
    ).select_from(net)
    keys = {"activity": net.c.activity, "composition": net.c.composition}
    return _grouped(stmt, groups, keys, partner_id=net.c.partner_id, program_id=net.c.program_id)


def _from_records(
    actor: Principal | None, day: date, groups: Sequence[str], filters: TeamFigureFilters
) -> Select[Any]:
    figures = as_of(day)
    columns: list[Any] = [
        func.count(CwdTeam.id).label("teams"),
        func.count(CwdTeam.partner_id.distinct()).label("countries"),
        *(
            func.coalesce(func.sum(getattr(figures, name)), 0).label(name)
            for name in FIGURES
            if name not in ("teams", "countries")
        ),
    ]
    stmt = (
        select(*columns)
        .select_from(CwdTeam)
        .outerjoin(figures.roster, figures.on)
        .where(visible_to(actor), active_on(day), *filters.conditions(CwdTeam))
    )
    keys = {"activity": CwdTeam.activity, "composition": figures.composition}
    return _grouped(
        stmt, groups, keys, partner_id=CwdTeam.partner_id, program_id=CwdTeam.program_id
    )


def _grouped(
    stmt: Select[Any],
    groups: Sequence[str],
    keys: dict[str, Any],
    *,
    partner_id: Any,
    program_id: Any,
) -> Select[Any]:
    """`stmt` with a column per group in `groups` (partner and program by their codes), grouped
    and ordered by them."""
    keys = {**keys, "partner": Partner.code, "program": Program.code}
    grouped = [keys[g] for g in groups]
    stmt = stmt.add_columns(*(key.label(g) for g, key in zip(groups, grouped, strict=True)))
    if "partner" in groups:
        stmt = stmt.join(Partner, Partner.id == partner_id)
    if "program" in groups:
        stmt = stmt.join(Program, Program.id == program_id)
    return stmt.group_by(*grouped).order_by(*grouped) if groups else stmt
