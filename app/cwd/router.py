"""/api/v1/cwd-teams (teams and their rosters) and /api/v1/imports/cwd-teams."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import (
    FromDate,
    PartnerFilter,
    ProgramFilter,
    ProjectFilter,
    ToDate,
    UpdatedSince,
    choice_text,
)
from app.core.responses import (
    View,
    answers,
    answers_created,
    answers_deleted,
    answers_edited,
)
from app.core.schemas import Date, RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload, answers_import
from app.cwd import imports, service
from app.cwd.schemas import (
    CWD_ROSTERS,
    CWD_TEAMS,
    Activity,
    Composition,
    RosterCreate,
    RosterRead,
    RosterReplace,
    TeamCreate,
    TeamRead,
    TeamUpdate,
)

router = resource_router("/cwd-teams", "cwd_teams")
imports_router = bulk_imports_router()

RosterDate = Annotated[Date, Path(description="The roster's as_of date")]
AsOfQuery = Annotated[
    Date | None,
    Query(description="Composition from the latest roster on or before this date; default today"),
]


def team_filters(
    partner: PartnerFilter = None,
    program: ProgramFilter = None,
    project: ProjectFilter = None,
    activity: Annotated[Activity | None, Query()] = None,
    composition: Annotated[
        Composition | None, Query(description="The composition as of `as_of`")
    ] = None,
    as_of: AsOfQuery = None,
    updated_since: UpdatedSince = None,
) -> service.TeamFilters:
    return service.TeamFilters(
        partner=partner,
        program=program,
        project=project,
        activity=choice_text(activity),
        composition=choice_text(composition),
        as_of=as_of,
        updated_since=updated_since,
    )


Filters = Annotated[service.TeamFilters, Depends(team_filters)]


def roster_filters(
    from_date: FromDate = None, to_date: ToDate = None, updated_since: UpdatedSince = None
) -> service.RosterFilters:
    return service.RosterFilters(from_date=from_date, to_date=to_date, updated_since=updated_since)


RosterFilters = Annotated[service.RosterFilters, Depends(roster_filters)]


@router.get(
    "",
    summary="CWD teams with their composition as of a date (embassy keys: their own "
    "country's only); CSV has a line per roster and role",
    **answers_page(TeamRead),
)
async def list_teams(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    return await asked.read(CWD_TEAMS, service.teams_listing, principal, filters)


@router.get("/{team_id}", **answers(TeamRead, 304, 404))
async def get_team(
    principal: Reader, view: View, team_id: RecordId, as_of: AsOfQuery = None
) -> Response:
    return await view.read(TeamRead, service.get_team, principal, team_id, as_of)


@router.post(
    "",
    summary="Record a CWD team; 409 when its country has a team of that name",
    **answers_created(TeamRead, 409),
)
async def create_team(actor: Writer, create: Create, body: TeamCreate) -> Response:
    return await create.create(CWD_TEAMS, service.create_team, actor, body)


@router.patch(
    "/{team_id}",
    summary="Change a team; its life must still hold every roster",
    **answers_edited(TeamRead, 409),
)
async def update_team(actor: Writer, edit: Edit, team_id: RecordId, body: TeamUpdate) -> Response:
    return await edit.update(TeamRead, service.update_team, actor, team_id, body)


@router.delete("/{team_id}", summary="Delete a team and its rosters", **answers_deleted())
async def delete_team(actor: Writer, edit: Edit, team_id: RecordId) -> Response:
    return await edit.delete(service.delete_team, actor, team_id)


# --- Rosters ----------------------------------------------------------------------------------


@router.get(
    "/{team_id}/rosters",
    operation_id="cwd_rosters_list",
    summary="A team's rosters, oldest first (its history)",
    **answers_page(RosterRead, 404),
)
async def list_rosters(
    principal: Reader, team_id: RecordId, asked: ListQuery, filters: RosterFilters
) -> Response:
    return await asked.read(CWD_ROSTERS, service.rosters_listing, principal, team_id, filters)


@router.post(
    "/{team_id}/rosters",
    operation_id="cwd_rosters_create",
    summary="Report a team's roster as of a date; 409 when that date has one (PATCH it)",
    **answers_created(RosterRead, 404, 409),
)
async def create_roster(
    actor: Writer, create: Create, team_id: RecordId, body: RosterCreate
) -> Response:
    return await create.create(CWD_ROSTERS, service.add_roster, actor, team_id, body)


@router.get(
    "/{team_id}/rosters/{as_of}", operation_id="cwd_rosters_get", **answers(RosterRead, 304, 404)
)
async def get_roster(
    principal: Reader, view: View, team_id: RecordId, as_of: RosterDate
) -> Response:
    return await view.read(RosterRead, service.get_roster, principal, team_id, as_of)


@router.patch(
    "/{team_id}/rosters/{as_of}",
    operation_id="cwd_rosters_replace",
    summary="Replace the members of a team's roster of a date",
    **answers_edited(RosterRead),
)
async def replace_roster(
    actor: Writer, edit: Edit, team_id: RecordId, as_of: RosterDate, body: RosterReplace
) -> Response:
    return await edit.update(RosterRead, service.replace_roster, actor, team_id, as_of, body)


@router.delete(
    "/{team_id}/rosters/{as_of}",
    operation_id="cwd_rosters_delete",
    **answers_deleted(),
)
async def delete_roster(
    actor: Writer, edit: Edit, team_id: RecordId, as_of: RosterDate
) -> Response:
    return await edit.delete(service.delete_roster, actor, team_id, as_of)


@imports_router.post(
    "/cwd-teams",
    summary="Upsert CWD teams with their rosters on (partner, name) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns, a line per team, roster and role "
        "(`id`, `composition`, `created_at`, `updated_at` ignored). A team's rosters in the "
        "file replace its stored ones. All or nothing."
    ),
    **answers_import(imports.TeamImporter, 409),
)
async def import_teams(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_teams, actor)
