"""/api/v1/programs"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.idempotency import IdempotencyKey, IdempotentRoute
from app.core.operations import operation_ids
from app.core.pagination import Page
from app.core.params import ProgramPath, UpdatedSince
from app.core.security import Admin, Reader
from app.core.versioning import RequiredVersion
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
async def create_program(
    request: Request,
    actor: Admin,
    session: SessionDep,
    idempotency_key: IdempotencyKey,
    body: ProgramCreate,
) -> Response:
    program = await service.create_program(session, actor, body)
    return render.created(request, PROGRAMS, program)


@router.patch("/{code}", response_model=ProgramRead, responses=responses(404, 412, 413, 415, 428))
async def update_program(
    request: Request,
    actor: Admin,
    session: SessionDep,
    code: ProgramPath,
    body: ProgramUpdate,
    expected_version: RequiredVersion,
) -> Response:
    program = await service.update_program(session, actor, code, body, expected_version)
    return render.resource(request, ProgramRead, program)
