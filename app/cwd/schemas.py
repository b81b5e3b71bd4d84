"""CWD team and roster bodies and representations, and their fields for CSV and import."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import Field
from pydantic_core import PydanticUndefined

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    CountryCode,
    Date,
    InputModel,
    Name,
    PartnerOf,
    ProgramCode,
    ProgramOf,
    ProjectCode,
    ProjectOf,
    ReadModel,
    UpdateModel,
    UpdateOf,
)
from app.trainings.schemas import Count


class Activity(StrEnum):
    """What a team does."""

    clearance = "clearance"
    survey = "survey"
    eore = "eore"  # explosive ordnance risk education
    community_liaison = "community_liaison"
    pssm = "pssm"  # physical security and stockpile management
    victim_assistance = "victim_assistance"


class RosterRole(StrEnum):
    """A position in a team's roster."""

    senior_manager = "senior_manager"
    team_leader = "team_leader"
    deminer = "deminer"
    community_liaison_officer = "community_liaison_officer"
    eore_facilitator = "eore_facilitator"
    medic = "medic"
    surveyor = "surveyor"
    stockpile_technician = "stockpile_technician"
    support = "support"
    other = "other"


# Women in these roles are the women in leadership.
LEADERSHIP_ROLES = frozenset({RosterRole.senior_manager, RosterRole.team_leader})


class Composition(StrEnum):
    """A team's make-up by sex, from its latest roster on or before a date."""

    all_women = "all_women"
    all_men = "all_men"
    mixed = "mixed"
    unknown = "unknown"


DEFAULT_PROGRAM = "CWD"


class MemberIn(InputModel):
    role: RosterRole
    women: Count = 0
    men: Count = 0
    unreported: Count = 0


def _members(description: str, default: Any = PydanticUndefined) -> Any:
    """A roster's members (required unless a `default` is given): each role at most once."""
    return Field(default, min_length=1, max_length=len(RosterRole), description=description)


Members = _members("People by role and sex; each role at most once")


class RosterCreate(InputModel):
    example = {
        "as_of": "2022-03-31",
        "members": [
            {"role": "team_leader", "women": 1, "men": 0, "unreported": 0},
            {"role": "deminer", "women": 8, "men": 0},
        ],
    }

    as_of: Date = Field(description="The date the roster was reported for")
    members: list[MemberIn] = Members


class RosterReplace(UpdateModel):
    """A roster's members, replaced whole (PATCH with If-Match)."""

    example = {"members": [{"role": "team_leader", "women": 1}, {"role": "deminer", "women": 7}]}

    members: list[MemberIn] | None = _members(
        "People by role and sex, replacing the roster's; each role at most once", None
    )


class TeamCreate(InputModel):
    example = {
        "project": "CWD-AFG-01",
        "name": "Team 7",
        "activity": "clearance",
        "partner": "AFG",
        "formed_on": "2021-03-01",
        "disbanded_on": None,
    }

    program: ProgramCode = Field(default=DEFAULT_PROGRAM, description="The team's program")
    project: ProjectCode | None = Field(
        default=None, description="The award it works under (a project of the team's program)"
    )
    name: Name
    activity: Activity
    partner: CountryCode = Field(description="Where the team works: alpha-3 or alpha-2")
    formed_on: Date
    disbanded_on: Date | None = None


class TeamUpdate(UpdateOf, create=TeamCreate):
    example = {"disbanded_on": "2023-06-30"}


class MemberRead(ReadModel):
    role: RosterRole
    women: int
    men: int
    unreported: int
    total: int


class RosterRead(ReadModel):
    team: int = Field(validation_alias="team_id")
    as_of: date
    members: list[MemberRead]
    women: int
    men: int
    unreported: int
    women_in_leadership: int = Field(description="Women who are senior managers or team leaders")
    created_at: datetime
    updated_at: datetime


class TeamRead(ReadModel):
    id: int
    program: ProgramOf
    project: ProjectOf
    name: str
    activity: Activity
    partner: PartnerOf
    formed_on: date
    disbanded_on: date | None
    as_of: date = Field(description="The date the composition is as of")
    composition: Composition
    roster_as_of: date | None = Field(
        description="The date of the roster the composition comes from (null: none)"
    )
    women: int
    men: int
    unreported: int
    women_in_leadership: int
    created_at: datetime
    updated_at: datetime


# A roster member's, a roster's and a team's fields, in CSV order: a team's CSV has a line per
# roster and role (the list export and the import's columns).
MEMBER_RECORD = records.RecordShape(
    records.Field("role"),
    records.Field("women"),
    records.Field("men"),
    records.Field("unreported"),
)
ROSTER_RECORD = records.RecordShape(
    records.Field("as_of"),
    children=records.Children("members", "members", MEMBER_RECORD),
)
CWD_ROSTERS = CsvListing(
    RosterRead, ROSTER_RECORD, "cwd-rosters.csv", path="/api/v1/cwd-teams/{team_id}/rosters/{as_of}"
)
TEAM_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.PROGRAM,
    records.PROJECT,
    records.PARTNER,
    records.Field("name"),
    records.Field("activity"),
    records.Field("formed_on"),
    records.Field("disbanded_on"),
    records.Field("composition", imported=False, stored=False),
    *records.TIMESTAMPS,
    children=records.Children("rosters", "rosters", ROSTER_RECORD),
)
CWD_TEAMS = CsvListing(TeamRead, TEAM_RECORD, "cwd-teams.csv", path="/api/v1/cwd-teams/{id}")


class TeamImport(TeamCreate):
    """A team as the import takes it: with its rosters, which replace the stored ones."""

    example = {
        **TeamCreate.example,  # type: ignore[dict-item]
        "rosters": [RosterCreate.example],
    }

    rosters: list[RosterCreate] = Field(default_factory=list, max_length=1000)
