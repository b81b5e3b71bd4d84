"""/api/v1/programs"""

from __future__ import annotations

from starlette.responses import Response

from app.core.csvout import ListQuery, list_responses
from app.core.errors import responses
from app.core.operations import resource_router
from app.core.pagination import Page
from app.core.params import ProgramPath, UpdatedSince
from app.core.responses import View
from app.core.security import Admin, Reader
from app.core.writes import Create, Edit
from app.programs import service
from app.programs.schemas import PROGRAMS, ProgramCreate, ProgramRead, ProgramUpdate

router = resource_router("/programs", "programs")


@router.get("", response_model=Page[ProgramRead], responses=list_responses())
async def list_programs(
    _: Reader, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    listing = service.list_programs(updated_since=updated_since)
    return await asked.answer(listing, PROGRAMS)


@router.get("/{code}", response_model=ProgramRead, responses=responses(304, 404))
async def get_program(_: Reader, view: View, code: ProgramPath) -> Response:
    return view.resource(ProgramRead, await service.get_program(view.session, code))


@router.post("", status_code=201, response_model=ProgramRead, responses=responses(409, 413, 415))
async def create_program(actor: Admin, create: Create, body: ProgramCreate) -> Response:
    program = await service.create_program(create.session, actor, body)
    return create.created(PROGRAMS, program)


@router.patch("/{code}", response_model=ProgramRead, responses=responses(404, 412, 413, 415, 428))
async def update_program(
    actor: Admin, edit: Edit, code: ProgramPath, body: ProgramUpdate
) -> Response:
    program = await service.update_program(edit.session, actor, code, body, edit.expected_version)
    return edit.resource(ProgramRead, program)
