"""/api/v1/cwd-teams (teams and their rosters) and /api/v1/imports/cwd-teams."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core import bulk
from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.errors import responses
from app.core.operations import bulk_imports_router, resource_router
from app.core.pagination import Page
from app.core.params import (
    FromDate,
    PartnerFilter,
    ProgramFilter,
    ProjectFilter,
    ToDate,
    UpdatedSince,
)
from app.core.responses import View
from app.core.schemas import Date, RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload
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
        activity=str(activity) if activity is not None else None,
        composition=str(composition) if composition is not None else None,
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
    response_model=Page[TeamRead],
    responses=list_responses(),
)
async def list_teams(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    listing = await service.teams_listing(asked.session, principal, filters)
    return await asked.answer(listing, CWD_TEAMS)


@router.get("/{team_id}", response_model=TeamRead, responses=responses(304, 404))
async def get_team(
    principal: Reader, view: View, team_id: RecordId, as_of: AsOfQuery = None
) -> Response:
    team = await service.get_team(view.session, principal, team_id, as_of)
    return view.resource(TeamRead, team)


@router.post(
    "",
    status_code=201,
    summary="Record a CWD team; 409 when its country has a team of that name",
    response_model=TeamRead,
    responses=responses(409, 413, 415),
)
async def create_team(actor: Writer, create: Create, body: TeamCreate) -> Response:
    team = await service.create_team(create.session, actor, body)
    return create.created(CWD_TEAMS, team)


@router.patch(
    "/{team_id}",
    summary="Change a team; its life must still hold every roster",
    response_model=TeamRead,
    responses=responses(404, 409, 412, 413, 415, 428),
)
async def update_team(actor: Writer, edit: Edit, team_id: RecordId, body: TeamUpdate) -> Response:
    team = await service.update_team(edit.session, actor, team_id, body, edit.expected_version)
    return edit.resource(TeamRead, team)


@router.delete(
    "/{team_id}",
    summary="Delete a team and its rosters",
    status_code=204,
    responses=responses(404, 412, 428),
)
async def delete_team(actor: Writer, edit: Edit, team_id: RecordId) -> Response:
    await service.delete_team(edit.session, actor, team_id, edit.expected_version)
    return render.no_content()


# --- Rosters ----------------------------------------------------------------------------------


@router.get(
    "/{team_id}/rosters",
    operation_id="cwd_rosters_list",
    summary="A team's rosters, oldest first (its history)",
    response_model=Page[RosterRead],
    responses=list_responses(404),
)
async def list_rosters(
    principal: Reader, team_id: RecordId, asked: ListQuery, filters: RosterFilters
) -> Response:
    listing = await service.rosters_listing(asked.session, principal, team_id, filters)
    return await asked.answer(listing, CWD_ROSTERS)


@router.post(
    "/{team_id}/rosters",
    operation_id="cwd_rosters_create",
    status_code=201,
    summary="Report a team's roster as of a date; 409 when that date has one (PATCH it)",
    response_model=RosterRead,
    responses=responses(404, 409, 413, 415),
)
async def create_roster(
    actor: Writer, create: Create, team_id: RecordId, body: RosterCreate
) -> Response:
    roster = await service.add_roster(create.session, actor, team_id, body)
    return create.created(CWD_ROSTERS, roster)


@router.get(
    "/{team_id}/rosters/{as_of}",
    operation_id="cwd_rosters_get",
    response_model=RosterRead,
    responses=responses(304, 404),
)
async def get_roster(
    principal: Reader, view: View, team_id: RecordId, as_of: RosterDate
) -> Response:
    roster = await service.get_roster(view.session, principal, team_id, as_of)
    return view.resource(RosterRead, roster)


@router.patch(
    "/{team_id}/rosters/{as_of}",
    operation_id="cwd_rosters_replace",
    summary="Replace the members of a team's roster of a date",
    response_model=RosterRead,
    responses=responses(404, 412, 413, 415, 428),
)
async def replace_roster(
    actor: Writer, edit: Edit, team_id: RecordId, as_of: RosterDate, body: RosterReplace
) -> Response:
    roster = await service.replace_roster(
        edit.session, actor, team_id, as_of, body, edit.expected_version
    )
    return edit.resource(RosterRead, roster)


@router.delete(
    "/{team_id}/rosters/{as_of}",
    operation_id="cwd_rosters_delete",
    status_code=204,
    responses=responses(404, 412, 428),
)
async def delete_roster(
    actor: Writer, edit: Edit, team_id: RecordId, as_of: RosterDate
) -> Response:
    await service.delete_roster(edit.session, actor, team_id, as_of, edit.expected_version)
    return render.no_content()


@imports_router.post(
    "/cwd-teams",
    operation_id="imports_cwd_teams",
    response_model=bulk.ImportSummary,
    summary="Upsert CWD teams with their rosters on (partner, name) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns, a line per team, roster and role "
        "(`id`, `composition`, `created_at`, `updated_at` ignored). A team's rosters in the "
        "file replace its stored ones. All or nothing."
    ),
    responses=responses(409, 413, 415),
    openapi_extra=bulk.request_body(imports.TeamImport),
)
async def import_teams(actor: Writer, upload: Upload) -> Response:
    records = imports.parse(upload.content, csv_body=upload.is_csv)
    summary = await imports.import_teams(upload.session, actor, records, dry_run=upload.dry_run)
    return bulk.summary_response(summary)
