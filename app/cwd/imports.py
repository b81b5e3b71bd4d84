"""Bulk import and export of CWD teams with their rosters: JSON arrays or CSV with the list export's
columns (a line per team, roster and role).

The flow (check all, write all or nothing, one change per record written) is app.core.bulk. The
upsert key is (partner, name), unique in the table; a team's rosters in the file replace its stored
ones, so a round trip through an export changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Select, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record_many
from app.core import bulk
from app.core.bulk import CHUNK, Parsed, Record, RowError
from app.cwd import rollup as teams_rollup
from app.cwd.models import CwdRoster, CwdRosterMember, CwdTeam
from app.cwd.schemas import MEMBER_RECORD, TEAM_RECORD, TeamImport
from app.cwd.service import life_error, member_errors, roster_columns
from app.partners.service import partner_codes
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, check_project, project_refs

ROSTERS = cast(Table, CwdRoster.__table__)
MEMBERS = cast(Table, CwdRosterMember.__table__)

REQUIRED_COLUMNS = ("partner", "name", "activity", "formed_on")


# Parsing


@dataclass(slots=True)
class TeamRecord(Record):
    """One team to upsert, with the record numbers its rosters and members came from."""

    roster_rows: list[int] = field(default_factory=list)
    member_rows: dict[tuple[int, int], int] = field(default_factory=dict)


def parse(body: bytes, *, csv_body: bool) -> Parsed[TeamRecord]:
    return _parse_csv(body) if csv_body else bulk.parse_json(body, "CWD teams", TeamRecord)


_cell_value = bulk.cell_reader(ints=("women", "men", "unreported"))


def _team_key(team: dict[str, Any]) -> tuple[str, str] | None:
    if team.get("id"):
        return ("id", str(team["id"]))
    if team.get("partner") and team.get("name"):
        return (str(team["partner"]).upper(), str(team["name"]))
    return None


def _parse_csv(body: bytes) -> Parsed[TeamRecord]:
    """Lines of one team (the same id, or else partner and name) become one record; its lines
    of one as_of, one roster."""
    table = bulk.read_csv(
        body,
        columns=TEAM_RECORD.columns,
        required=REQUIRED_COLUMNS,
        dates=("formed_on", "disbanded_on", "as_of"),
        numbers=("women", "men", "unreported"),
    )
    return bulk.group_lines(
        table,
        TEAM_RECORD,
        _cell_value,
        noun="team",
        key=_team_key,
        child=_member,
        start=lambda row, team: TeamRecord(row=row, data={**team, "rosters": []}, from_csv=True),
        attach=_attach_member,
    )


def _member(row: int, cells: dict[str, str]) -> tuple[str, dict[str, Any]] | RowError | None:
    """A line's roster date and member, if it has them."""
    as_of = cells.get("as_of", "").strip()
    member = bulk.csv_values(cells, MEMBER_RECORD.imported, _cell_value)
    if member and not as_of:
        return RowError(row=row, field="as_of", message="a roster line needs as_of")
    if as_of and "role" not in member:
        return RowError(row=row, field="role", message="a roster line needs a role")
    return (as_of, member) if as_of else None


def _attach_member(team: TeamRecord, row: int, line: tuple[str, dict[str, Any]]) -> None:
    as_of, member = line
    rosters: list[dict[str, Any]] = team.data["rosters"]
    index = next((n for n, r in enumerate(rosters) if r["as_of"] == as_of), None)
    if index is None:
        index = len(rosters)
        rosters.append({"as_of": as_of, "members": []})
        team.roster_rows.append(row)
    team.member_rows[(index, len(rosters[index]["members"]))] = row
    rosters[index]["members"].append(member)


# The importer


@dataclass(slots=True)
class Valid:
    body: TeamImport
    program_id: int
    project_id: int | None
    partner_id: int
    partner: str  # alpha-3, for the audit details

    def columns(self) -> dict[str, Any]:
        resolved = {
            "program_id": self.program_id,
            "project_id": self.project_id,
            "partner_id": self.partner_id,
        }
        return TEAM_RECORD.values(self.body, resolved)

    def rosters(self) -> frozenset[tuple[Any, ...]]:
        return frozenset(
            (r.as_of, m.role, m.women, m.men, m.unreported)
            for r in self.body.rosters
            for m in r.members
        )


def _stored_rosters(team: CwdTeam) -> frozenset[tuple[Any, ...]]:
    return frozenset(
        (r.as_of, m.role, m.women, m.men, m.unreported) for r in team.rosters for m in r.members
    )


class TeamImporter(bulk.Importer[TeamRecord, Valid, CwdTeam]):
    resource_type = "cwd_team"
    body_type = TeamImport
    shape = TEAM_RECORD
    key_columns = (CwdTeam.partner_id, CwdTeam.name)
    children = ((ROSTERS, "team_id"),)
    rollup = teams_rollup.Change

    programs: dict[str, int]
    partners: dict[str, tuple[int, str]]
    projects: ProjectRefs

    def locate(self, rec: TeamRecord, loc: Sequence[Any]) -> tuple[int, str]:
        """A roster's or member's error points at the CSV line (or array item) it came from."""
        parts = [str(p) for p in loc]
        if not rec.from_csv or len(parts) < 2 or parts[0] != "rosters" or not parts[1].isdigit():
            return bulk.locate(rec, parts)
        index = int(parts[1])
        row = rec.roster_rows[index] if index < len(rec.roster_rows) else rec.row
        if len(parts) >= 4 and parts[2] == "members" and parts[3].isdigit():
            row = rec.member_rows.get((index, int(parts[3])), row)
            return row, parts[4] if len(parts) > 4 else "role"
        return row, parts[2] if len(parts) > 2 else "as_of"

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)
        self.projects = await project_refs(session)

    def resolve(self, body: TeamImport, problems: bulk.Problems) -> Valid | None:
        program_id = problems.program(self.programs, body.program)
        project_id = problems.noted(check_project(body.project, program_id, self.projects))
        partner = problems.partner(self.partners, body.partner)
        if body.disbanded_on is not None and body.disbanded_on < body.formed_on:
            problems.append(("/disbanded_on", "must not be before formed_on"))
        seen: set[Any] = set()
        for n, roster in enumerate(body.rosters):
            pointer = f"/rosters/{n}"
            if roster.as_of in seen:
                problems.append((f"{pointer}/as_of", "the team has a roster as of this date"))
            seen.add(roster.as_of)
            if (why := life_error(body.formed_on, body.disbanded_on, roster.as_of)) is not None:
                problems.append((f"{pointer}/as_of", why))
            problems += [
                (e["pointer"], e["detail"])
                for e in member_errors(roster.members, pointer + "/members")
            ]
        if program_id is None or partner is None:
            return None
        return Valid(body, program_id, project_id, *partner)

    def stored(self) -> Select[CwdTeam]:
        return select(CwdTeam).options(
            selectinload(CwdTeam.rosters).selectinload(CwdRoster.members)
        )

    def children_changed(self, stored: CwdTeam, item: Valid) -> list[str]:
        same = _stored_rosters(stored) == item.rosters() and len(stored.rosters) == len(
            item.body.rosters
        )
        return [] if same else ["rosters"]

    def details(self, item: Valid) -> dict[str, Any]:
        return {"partner": item.partner, "name": item.body.name}

    def readers(self, item: Valid) -> Iterable[int]:
        return (item.partner_id,)

    async def insert_children(
        self, session: AsyncSession, pairs: Sequence[tuple[int, Valid]]
    ) -> None:
        await _insert_rosters(session, pairs)


async def _insert_rosters(session: AsyncSession, pairs: Sequence[tuple[int, Valid]]) -> None:
    rows = [
        (roster, {"team_id": team_id, "as_of": roster.as_of, **roster_columns(roster.members)})
        for team_id, item in pairs
        for roster in item.body.rosters
    ]
    members: list[dict[str, Any]] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        ids = await bulk.insert_returning_ids(session, ROSTERS, [(None, r) for _, r in chunk])
        for roster_id, (roster, _) in zip(ids, chunk, strict=True):
            members += [
                {
                    "roster_id": roster_id,
                    "role": m.role,
                    "women": m.women,
                    "men": m.men,
                    "unreported": m.unreported,
                }
                for m in roster.members
            ]
    for start in range(0, len(members), CHUNK * 5):
        await session.execute(insert(MEMBERS), members[start : start + CHUNK * 5])


import_teams = bulk.importing(TeamImporter, record_many)
