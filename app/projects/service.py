"""Implementer and project rules: codes are unique and never change, references resolve, an
embassy key sees only the projects in its own country, a record still named elsewhere is not
deleted (409), and every change is audited.

Other domains name a project by its code: `resolve_project` (one record) and
`project_refs` + `check_project` (bulk) turn it into an id and refuse a project of another
program with a 422 naming the field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import Conflict, NotFound, invalid, invalid_query
from app.core.models import Base
from app.core.pagination import Listing, SortKey
from app.core.search import matches, search_text
from app.core.security import Principal
from app.partners.service import (
    partner_filter_id,
    resolve_partner,
    resolve_partner_or_none,
)
from app.programs.service import of_program, resolve_program
from app.projects.models import Implementer, Project
from app.projects.schemas import (
    ImplementerCreate,
    ImplementerUpdate,
    ProjectCreate,
    ProjectUpdate,
)

IMPLEMENTER = "implementer"
PROJECT = "project"
IMPLEMENTERS: Audited[Implementer] = Audited(IMPLEMENTER, key="code")


# --- Naming a project from another domain ------------------------------------------------------

# project code (upper case) → (project id, its program id)
ProjectRefs = Mapping[str, tuple[int, int]]


async def project_refs(
    session: AsyncSession, codes: Collection[str] | None = None
) -> dict[str, tuple[int, int]]:
    """The projects `codes` name (any case; None: every project, for bulk work)."""
    stmt = select(Project.code, Project.id, Project.program_id)
    if codes is not None:
        wanted = {code.upper() for code in codes if code}
        if not wanted:
            return {}
        stmt = stmt.where(Project.code.in_(wanted))
    rows = await session.execute(stmt)
    return {code: (project_id, program_id) for code, project_id, program_id in rows.all()}


def check_project(
    code: str | None, program_id: int | None, projects: ProjectRefs, *, field: str = "project"
) -> tuple[int | None, tuple[str, str] | None]:
    """(project id, None), or (None, (pointer, message)) when `code` names no project or one of
    another program than `program_id` (None: the record's program is itself invalid)."""
    if code is None:
        return None, None
    found = projects.get(code.upper())
    pointer = f"/{field}"
    if found is None:
        return None, (pointer, f"unknown project {code!r}")
    project_id, project_program = found
    if program_id is not None and project_program != program_id:
        return None, (pointer, f"project {code.upper()} belongs to another program")
    return project_id, None


async def resolve_project(
    session: AsyncSession, code: str | None, program_id: int, *, field: str = "project"
) -> int | None:
    """The id of the project a request body names (None when it names none); a project that
    does not exist or is of another program than `program_id` is a 422 naming `field`."""
    project_id, error = check_project(
        code, program_id, await project_refs(session, [code] if code else []), field=field
    )
    if error is not None:
        raise invalid(*error)
    return project_id


async def project_by_id(session: AsyncSession, project_id: int | None) -> Project | None:
    """The project `resolve_project` answered (None for None), to set a relationship with."""
    return None if project_id is None else await session.get(Project, project_id)


async def body_project(session: AsyncSession, code: str | None, program_id: int) -> Project | None:
    """The project a create body names, loaded (None when it names none), as `resolve_project`
    checks it: a project of the record's program."""
    return await project_by_id(session, await resolve_project(session, code, program_id))


async def patch_project(session: AsyncSession, patch: Patch) -> None:
    """The project of the record a PATCH changes, checked whenever the PATCH sets it or the
    record's program (already applied): a project belongs to one program."""
    if not patch.sets("program", "project"):
        return
    target = patch.target
    project_id = await resolve_project(
        session, patch.value("project", "project_code"), target.program.id
    )
    if project_id != target.project_id:
        patch.refer("project", await project_by_id(session, project_id))


async def project_codes(session: AsyncSession, ids: Collection[int]) -> dict[int, str]:
    """Project id → code, for answers that hold only the id."""
    if not ids:
        return {}
    rows = await session.execute(select(Project.id, Project.code).where(Project.id.in_(ids)))
    return {project_id: code for project_id, code in rows.all()}


async def project_code(session: AsyncSession, code: str) -> str | None:
    """The code of the project named `code` in any case, or None (for filters)."""
    return await session.scalar(select(Project.code).where(Project.code == code.upper()))


async def project_filter_id(session: AsyncSession, code: str | None) -> int | None:
    """The id of a `?project=` filter's project; an unknown code is a 422 naming it."""
    if code is None:
        return None
    found = await session.scalar(select(Project.id).where(Project.code == code.upper()))
    if found is None:
        raise invalid_query("project", f"unknown project {code!r}")
    return found


async def _refuse_if_named(session: AsyncSession, table: str, row_id: int, what: str) -> None:
    """409 when a row of any table still refers to `table`'s row `row_id`. Found from the
    schema's foreign keys, so a domain that adds a reference is covered without a change."""
    referring: list[str] = []
    for other in Base.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table.name != table:
                continue
            column = key.parent
            taken = await session.scalar(select(column).where(column == row_id).limit(1))
            if taken is not None:
                referring.append(other.name)
    if referring:
        raise Conflict(
            f"{what} is still named by records in {', '.join(sorted(set(referring)))}",
            referring=sorted(set(referring)),
        )


# --- Implementers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImplementerFilters:
    kind: str | None = None
    country: str | None = None
    q: str | None = None
    updated_since: datetime | None = None


async def implementers_listing(session: AsyncSession, filters: ImplementerFilters) -> Listing:
    stmt = select(Implementer).options(selectinload(Implementer.country))
    if filters.kind is not None:
        stmt = stmt.where(Implementer.kind == filters.kind)
    if (country_id := await partner_filter_id(session, filters.country, "country")) is not None:
        stmt = stmt.where(Implementer.country_id == country_id)
    if filters.q:
        stmt = stmt.where(matches(Implementer.search_text, filters.q))
    if filters.updated_since is not None:
        stmt = stmt.where(Implementer.updated_at >= filters.updated_since)
    return Listing(stmt, [SortKey(Implementer.code)])


async def find_implementer(session: AsyncSession, code: str) -> Implementer | None:
    return await session.scalar(
        select(Implementer)
        .where(Implementer.code == code.upper())
        .options(selectinload(Implementer.country))
    )


async def get_implementer(session: AsyncSession, code: str) -> Implementer:
    found = await find_implementer(session, code)
    if found is None:
        raise NotFound(f"implementer {code.upper()!r} does not exist")
    return found


async def resolve_implementer(
    session: AsyncSession, code: str, pointer: str = "/implementer"
) -> Implementer:
    found = await find_implementer(session, code)
    if found is None:
        raise invalid(pointer, f"unknown implementer {code!r}")
    return found


async def implementer_filter_id(session: AsyncSession, code: str | None) -> int | None:
    if code is None:
        return None
    found = await find_implementer(session, code)
    if found is None:
        raise invalid_query("implementer", f"unknown implementer {code!r}")
    return found.id


async def create_implementer(
    session: AsyncSession, actor: Principal, body: ImplementerCreate
) -> Implementer:
    if await find_implementer(session, body.code) is not None:
        raise Conflict(f"implementer {body.code!r} already exists")
    country = await resolve_partner(session, body.country, "/country")
    implementer = Implementer(
        code=body.code,
        name=body.name,
        kind=body.kind,
        country=country,
        search_text=search_text([body.code, body.name]),
    )
    await IMPLEMENTERS.added(session, actor, implementer, body)
    return implementer


async def update_implementer(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: ImplementerUpdate,
    expected_version: str | None,
) -> Implementer:
    implementer = await get_implementer(session, code)
    patch = Patch.checked(implementer, body, expected_version)
    if (country := patch.get("country")) is not None:
        patch.refer("country", await resolve_partner(session, country, "/country"))
    patch.copy("name", "kind")
    if patch.changed:
        implementer.search_text = search_text([implementer.code, implementer.name])
    await IMPLEMENTERS.updated(session, actor, patch)
    return implementer


async def delete_implementer(
    session: AsyncSession, actor: Principal, code: str, expected_version: str | None
) -> None:
    implementer = await get_implementer(session, code)
    what = f"implementer {implementer.code}"
    await IMPLEMENTERS.deleted(
        session,
        actor,
        implementer,
        expected_version,
        lambda: _refuse_if_named(session, "implementers", implementer.id, what),
    )


# --- Projects ----------------------------------------------------------------------------------


# The projects a key may know exist, and whose changes it reads: an embassy key those in its own
# country only (a multi-country project names no country, so no embassy sees it).
visible_to, readers_of = visibility.country_owned(Project.code, Project.partner_id)


def _loaded() -> tuple[Any, ...]:
    return (
        selectinload(Project.program),
        selectinload(Project.implementer),
        selectinload(Project.partner),
    )


@dataclass(frozen=True, slots=True)
class ProjectFilters:
    program: str | None = None
    partner: str | None = None
    implementer: str | None = None
    q: str | None = None
    updated_since: datetime | None = None


async def select_projects(
    session: AsyncSession, principal: Principal | None, filters: ProjectFilters
) -> Select[Any]:
    """The filtered, caller-scoped statement behind the list, its CSV and the IATI export."""
    stmt = select(Project).where(visible_to(principal))
    if filters.program is not None:
        stmt = stmt.where(of_program(Project.program_id, filters.program))
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(Project.partner_id == partner_id)
    implementer_id = await implementer_filter_id(session, filters.implementer)
    if implementer_id is not None:
        stmt = stmt.where(Project.implementer_id == implementer_id)
    if filters.q:
        stmt = stmt.where(matches(Project.search_text, filters.q))
    if filters.updated_since is not None:
        stmt = stmt.where(Project.updated_at >= filters.updated_since)
    return stmt.options(*_loaded())


async def projects_listing(
    session: AsyncSession, principal: Principal | None, filters: ProjectFilters
) -> Listing:
    return Listing(await select_projects(session, principal, filters), [SortKey(Project.code)])


async def get_project(session: AsyncSession, principal: Principal | None, code: str) -> Project:
    """A project the caller may see; another country's answers exactly as a missing one."""
    stmt = select(Project).where(Project.code == code.upper(), visible_to(principal))
    loaded = stmt.options(*_loaded()).execution_options(populate_existing=True)
    return await found_or_404(session, loaded, f"project {code.upper()!r}")


def _details(project: Project) -> dict[str, Any]:
    return {"program": project.program_code, "partner": project.partner_code}


def _search(project: Project) -> str:
    return search_text([project.code, project.title])


PROJECTS = Audited(PROJECT, _details, key="code")


async def create_project(session: AsyncSession, actor: Principal, body: ProjectCreate) -> Project:
    if await session.scalar(select(Project.id).where(Project.code == body.code)) is not None:
        raise Conflict(f"project {body.code!r} already exists")
    program = await resolve_program(session, body.program)
    implementer = await resolve_implementer(session, body.implementer)
    partner = None
    if body.partner is not None:
        partner = await resolve_partner(session, body.partner, "/partner")
    project = Project(
        code=body.code,
        program=program,
        title=body.title,
        description=body.description,
        implementer=implementer,
        partner=partner,
        start_date=body.start_date,
        end_date=body.end_date,
        award_ref=body.award_ref,
    )
    project.search_text = _search(project)
    await PROJECTS.added(session, actor, project, body)
    return project


async def update_project(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: ProjectUpdate,
    expected_version: str | None,
) -> Project:
    project = await get_project(session, actor, code)
    patch = Patch.checked(project, body, expected_version)
    if patch.value("end_date") < patch.value("start_date"):
        pointer = "/end_date" if "end_date" in patch else "/start_date"
        raise invalid(pointer, "end_date must not be before start_date")
    if (code := patch.get("program")) is not None:
        program = await resolve_program(session, code)
        if program.id != project.program_id:
            await _refuse_if_named(
                session, "projects", project.id, f"project {project.code} (its program)"
            )
            patch.refer("program", program)
    if (implementer := patch.get("implementer")) is not None:
        patch.refer("implementer", await resolve_implementer(session, implementer))
    if "partner" in patch:
        patch.refer("partner", await resolve_partner_or_none(session, body.partner, "/partner"))
    patch.copy("title", "description", "start_date", "end_date", "award_ref")
    if patch.changed:
        project.search_text = _search(project)
    await PROJECTS.updated(session, actor, patch)
    return project


async def delete_project(
    session: AsyncSession, actor: Principal, code: str, expected_version: str | None
) -> None:
    project = await get_project(session, actor, code)
    what = f"project {project.code}"
    await PROJECTS.deleted(
        session,
        actor,
        project,
        expected_version,
        lambda: _refuse_if_named(session, "projects", project.id, what),
    )
