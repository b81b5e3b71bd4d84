"""/api/v1/programs"""

from __future__ import annotations

from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import resource_router
from app.core.params import ProgramPath, UpdatedSince
from app.core.responses import View, answers, answers_created, answers_edited
from app.core.security import Admin, Reader
from app.core.writes import Create, Edit
from app.programs import service
from app.programs.schemas import PROGRAMS, ProgramCreate, ProgramRead, ProgramUpdate

router = resource_router("/programs", "programs")


@router.get("", **answers_page(ProgramRead))
async def list_programs(
    _: Reader, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    return await asked.answer(service.list_programs(updated_since=updated_since), PROGRAMS)


@router.get("/{code}", **answers(ProgramRead, 304, 404))
async def get_program(_: Reader, view: View, code: ProgramPath) -> Response:
    return await view.read(ProgramRead, service.get_program, code)


@router.post("", **answers_created(ProgramRead, 409))
async def create_program(actor: Admin, create: Create, body: ProgramCreate) -> Response:
    return await create.create(PROGRAMS, service.create_program, actor, body)


@router.patch("/{code}", **answers_edited(ProgramRead))
async def update_program(
    actor: Admin, edit: Edit, code: ProgramPath, body: ProgramUpdate
) -> Response:
    return await edit.update(ProgramRead, service.update_program, actor, code, body)
