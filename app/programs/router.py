"""/api/v1/programs"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.idempotency import IdempotentRoute
from app.core.operations import operation_ids
from app.core.pagination import Page
from app.core.params import ProgramPath, UpdatedSince
from app.core.security import Admin, Reader
from app.core.writes import Create, Edit
from app.programs import service
from app.programs.schemas import PROGRAMS, ProgramCreate, ProgramRead, ProgramUpdate

router = APIRouter(
    prefix="/programs",
    tags=["programs"],
    route_class=IdempotentRoute,
    generate_unique_id_function=operation_ids("programs"),
)


@router.get("", response_model=Page[ProgramRead], responses=list_responses())
async def list_programs(
    _: Reader, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    listing = service.list_programs(updated_since=updated_since)
    return await asked.answer(listing, PROGRAMS)


@router.get("/{code}", response_model=ProgramRead, responses=responses(304, 404))
async def get_program(
    request: Request, _: Reader, session: SessionDep, code: ProgramPath
) -> Response:
    return render.resource(request, ProgramRead, await service.get_program(session, code))


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
