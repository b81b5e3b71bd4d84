"""/api/v1/implementers and /api/v1/projects."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import resource_router
from app.core.params import (
    CountryFilter,
    ImplementerFilter,
    ProgramAndPartner,
    UpdatedSince,
)
from app.core.responses import (
    View,
    answers,
    answers_created,
    answers_deleted,
    answers_edited,
)
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
    **answers_page(ImplementerRead),
)
async def list_implementers(
    _: Reader,
    asked: ListQuery,
    filters: Annotated[service.ImplementerFilters, Depends(implementer_filters)],
) -> Response:
    return await asked.read(IMPLEMENTERS, service.implementers_listing, filters)


@implementers.get("/{code}", **answers(ImplementerRead, 304, 404))
async def get_implementer(_: Reader, view: View, code: ImplementerPath) -> Response:
    return await view.read(ImplementerRead, service.get_implementer, code)


@implementers.post("", **answers_created(ImplementerRead, 409))
async def create_implementer(actor: Writer, create: Create, body: ImplementerCreate) -> Response:
    return await create.create(IMPLEMENTERS, service.create_implementer, actor, body)


@implementers.patch("/{code}", **answers_edited(ImplementerRead))
async def update_implementer(
    actor: Writer, edit: Edit, code: ImplementerPath, body: ImplementerUpdate
) -> Response:
    return await edit.update(ImplementerRead, service.update_implementer, actor, code, body)


@implementers.delete(
    "/{code}",
    summary="Delete an implementer no project names (409 otherwise)",
    **answers_deleted(409),
)
async def delete_implementer(actor: Writer, edit: Edit, code: ImplementerPath) -> Response:
    return await edit.delete(service.delete_implementer, actor, code)


# --- Projects ----------------------------------------------------------------------------------


async def project_filters(
    codes: ProgramAndPartner,
    implementer: ImplementerFilter = None,
    q: Search = None,
    updated_since: UpdatedSince = None,
) -> service.ProjectFilters:
    return service.ProjectFilters(
        **codes, implementer=implementer, q=q, updated_since=updated_since
    )


@projects.get(
    "",
    summary="Awards, one IATI activity each (embassy keys: those in their own country)",
    **answers_page(ProjectRead),
)
async def list_projects(
    principal: Reader,
    asked: ListQuery,
    filters: Annotated[service.ProjectFilters, Depends(project_filters)],
) -> Response:
    return await asked.read(PROJECTS, service.projects_listing, principal, filters)


@projects.get("/{code}", **answers(ProjectRead, 304, 404))
async def get_project(principal: Reader, view: View, code: ProjectPath) -> Response:
    return await view.read(ProjectRead, service.get_project, principal, code)


@projects.post("", **answers_created(ProjectRead, 409))
async def create_project(actor: Writer, create: Create, body: ProjectCreate) -> Response:
    return await create.create(PROJECTS, service.create_project, actor, body)


@projects.patch(
    "/{code}",
    summary="Change a project; its program only while no record names it (409)",
    **answers_edited(ProjectRead, 409),
)
async def update_project(
    actor: Writer, edit: Edit, code: ProjectPath, body: ProjectUpdate
) -> Response:
    return await edit.update(ProjectRead, service.update_project, actor, code, body)


@projects.delete(
    "/{code}",
    summary="Delete a project no record names (409 otherwise)",
    **answers_deleted(409),
)
async def delete_project(actor: Writer, edit: Edit, code: ProjectPath) -> Response:
    return await edit.delete(service.delete_project, actor, code)
