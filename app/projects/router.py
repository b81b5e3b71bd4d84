"""/api/v1/implementers and /api/v1/projects."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.errors import responses
from app.core.operations import resource_router
from app.core.pagination import Page
from app.core.params import (
    CountryFilter,
    ImplementerFilter,
    PartnerFilter,
    ProgramFilter,
    UpdatedSince,
)
from app.core.responses import View
from app.core.schemas import PROGRAM_CODE_PATTERN, PROJECT_CODE_PATTERN, SearchText
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit
from app.projects import service
from app.projects.schemas import (
    IMPLEMENTERS,
    PROJECTS,
    ImplementerCreate,
    ImplementerKind,
    ImplementerRead,
    ImplementerUpdate,
    ProjectCreate,
    ProjectRead,
    ProjectUpdate,
)

implementers = resource_router("/implementers", "implementers")
projects = resource_router("/projects", "projects")

ImplementerPath = Annotated[
    str, Path(pattern=PROGRAM_CODE_PATTERN, max_length=16, description="Implementer code, any case")
]
ProjectPath = Annotated[
    str, Path(pattern=PROJECT_CODE_PATTERN, max_length=40, description="Project code, any case")
]
Search = Annotated[SearchText | None, Query(description="Words of the code or name/title")]


# --- Implementers ------------------------------------------------------------------------------


def implementer_filters(
    kind: ImplementerKind | None = None,
    country: CountryFilter = None,
    q: Search = None,
    updated_since: UpdatedSince = None,
) -> service.ImplementerFilters:
    return service.ImplementerFilters(kind=kind, country=country, q=q, updated_since=updated_since)


@implementers.get(
    "",
    summary="Organizations that carry out awards (every key reads them)",
    response_model=Page[ImplementerRead],
    responses=list_responses(),
)
async def list_implementers(
    _: Reader,
    asked: ListQuery,
    filters: Annotated[service.ImplementerFilters, Depends(implementer_filters)],
) -> Response:
    listing = await service.implementers_listing(asked.session, filters)
    return await asked.answer(listing, IMPLEMENTERS)


@implementers.get("/{code}", response_model=ImplementerRead, responses=responses(304, 404))
async def get_implementer(_: Reader, view: View, code: ImplementerPath) -> Response:
    return view.resource(ImplementerRead, await service.get_implementer(view.session, code))


@implementers.post(
    "", status_code=201, response_model=ImplementerRead, responses=responses(409, 413, 415)
)
async def create_implementer(actor: Writer, create: Create, body: ImplementerCreate) -> Response:
    implementer = await service.create_implementer(create.session, actor, body)
    return create.created(IMPLEMENTERS, implementer)


@implementers.patch(
    "/{code}", response_model=ImplementerRead, responses=responses(404, 412, 413, 415, 428)
)
async def update_implementer(
    actor: Writer, edit: Edit, code: ImplementerPath, body: ImplementerUpdate
) -> Response:
    implementer = await service.update_implementer(
        edit.session, actor, code, body, edit.expected_version
    )
    return edit.resource(ImplementerRead, implementer)


@implementers.delete(
    "/{code}",
    status_code=204,
    summary="Delete an implementer no project names (409 otherwise)",
    responses=responses(404, 409, 412, 428),
)
async def delete_implementer(actor: Writer, edit: Edit, code: ImplementerPath) -> Response:
    await service.delete_implementer(edit.session, actor, code, edit.expected_version)
    return render.no_content()


# --- Projects ----------------------------------------------------------------------------------


def project_filters(
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    implementer: ImplementerFilter = None,
    q: Search = None,
    updated_since: UpdatedSince = None,
) -> service.ProjectFilters:
    return service.ProjectFilters(
        program=program,
        partner=partner,
        implementer=implementer,
        q=q,
        updated_since=updated_since,
    )


@projects.get(
    "",
    summary="Awards, one IATI activity each (embassy keys: those in their own country)",
    response_model=Page[ProjectRead],
    responses=list_responses(),
)
async def list_projects(
    principal: Reader,
    asked: ListQuery,
    filters: Annotated[service.ProjectFilters, Depends(project_filters)],
) -> Response:
    listing = await service.projects_listing(asked.session, principal, filters)
    return await asked.answer(listing, PROJECTS)


@projects.get("/{code}", response_model=ProjectRead, responses=responses(304, 404))
async def get_project(principal: Reader, view: View, code: ProjectPath) -> Response:
    return render.resource(
        view.request, ProjectRead, await service.get_project(view.session, principal, code)
    )


@projects.post("", status_code=201, response_model=ProjectRead, responses=responses(409, 413, 415))
async def create_project(actor: Writer, create: Create, body: ProjectCreate) -> Response:
    project = await service.create_project(create.session, actor, body)
    return create.created(PROJECTS, project)


@projects.patch(
    "/{code}",
    summary="Change a project; its program only while no record names it (409)",
    response_model=ProjectRead,
    responses=responses(404, 409, 412, 413, 415, 428),
)
async def update_project(
    actor: Writer, edit: Edit, code: ProjectPath, body: ProjectUpdate
) -> Response:
    project = await service.update_project(edit.session, actor, code, body, edit.expected_version)
    return edit.resource(ProjectRead, project)


@projects.delete(
    "/{code}",
    status_code=204,
    summary="Delete a project no record names (409 otherwise)",
    responses=responses(404, 409, 412, 428),
)
async def delete_project(actor: Writer, edit: Edit, code: ProjectPath) -> Response:
    await service.delete_project(edit.session, actor, code, edit.expected_version)
    return render.no_content()
