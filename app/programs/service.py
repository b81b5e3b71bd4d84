"""Program rules: codes are unique and immutable; every change is audited."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.edits import Audited
from app.core.edits import Patch
from app.core.errors import Conflict, NotFound, invalid
from app.core.pagination import Listing, SortKey
from app.core.security import Principal
from app.programs.models import Program
from app.programs.schemas import ProgramCreate, ProgramUpdate

RESOURCE = "program"
PROGRAMS: Audited[Program] = Audited(RESOURCE, key="code")


def list_programs(*, updated_since: datetime | None = None) -> Listing:
    stmt = select(Program)
    if updated_since is not None:
        stmt = stmt.where(Program.updated_at >= updated_since)
    return Listing(stmt, [SortKey(Program.code)])


async def find_program(session: AsyncSession, code: str) -> Program | None:
    return await session.scalar(select(Program).where(Program.code == code.upper()))


def of_program(program_id: Any, code: str) -> ColumnElement[bool]:
    """A `?program=` filter's condition on a record's program column `program_id`: the program
    coded `code` (any case); an unknown code matches no record."""
    return program_id.in_(select(Program.id).where(Program.code == code.upper()))


async def program_code(session: AsyncSession, code: str) -> str | None:
    """The canonical code of the program named `code` in any case, or None (for filters)."""
    program = await find_program(session, code)
    return None if program is None else program.code


async def program_ids(session: AsyncSession) -> dict[str, int]:
    """Every program code → id, for bulk work."""
    rows = await session.execute(select(Program.code, Program.id))
    return {code: program_id for code, program_id in rows.all()}


async def resolve_program(session: AsyncSession, code: str, pointer: str = "/program") -> Program:
    """A program named in a request body; an unknown code is the client's error (422)."""
    program = await find_program(session, code)
    if program is None:
        raise invalid(pointer, f"unknown program {code!r}")
    return program


async def get_program(session: AsyncSession, code: str) -> Program:
    program = await find_program(session, code)
    if program is None:
        raise NotFound(f"program {code!r} does not exist")
    return program


async def create_program(session: AsyncSession, actor: Principal, body: ProgramCreate) -> Program:
    if await find_program(session, body.code) is not None:
        raise Conflict(f"program {body.code!r} already exists")
    program = Program(**body.model_dump())
    await PROGRAMS.added(session, actor, program, body)
    return program


async def update_program(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: ProgramUpdate,
    expected_version: str | None,
) -> Program:
    program = await get_program(session, code)
    patch = Patch.checked(program, body, expected_version).copy()
    await PROGRAMS.updated(session, actor, patch)
    return program
