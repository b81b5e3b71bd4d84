"""The one executor (app/core/driver.py): the same rows on both databases, statements in the
session's transaction, point-in-time reads refused; and an Idempotency-Key reply kept at
commit whether or not the request changed anything."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi import APIRouter
from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import JSONResponse, Response

from app.core import driver
from app.core.history import known_as_of
from app.core.idempotency import (
    DONE,
    IDEMPOTENCY_KEYS,
    IN_FLIGHT,
    IdempotencyKey,
    IdempotencyRecord,
    IdempotentRoute,
)
from app.core.security import Writer
from app.trainings.models import Training
from tests.conftest import Keys
from tests.core.apps import client_for, running_app

_KEYS = IDEMPOTENCY_KEYS.c
_AT = datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_the_pinned_sqlalchemy_passes_the_fast_path_self_check() -> None:
    # Were an internal renamed, the executor would warn and run every statement through
    # SQLAlchemy's public path instead; with the version pinned in pyproject it must not.
    assert driver.fast_path_problem() is None


def _reservation(key: str) -> dict[str, object]:
    return {"api_key_id": 1, "key": key, "request_hash": "h", "state": IN_FLIGHT, "created_at": _AT}


_RESERVE = insert(IDEMPOTENCY_KEYS).values(
    {c: bindparam(c) for c in ("api_key_id", "key", "request_hash", "state", "created_at")}
)


async def test_rows_are_read_by_name_with_their_types_on_both_databases(
    session: AsyncSession,
) -> None:
    await driver.rows(session, _RESERVE, _reservation("typed-1"))
    await driver.rows(session, _RESERVE, _reservation("typed-2"))
    stmt = (
        select(_KEYS.key, _KEYS.created_at, _KEYS.response_headers)
        .where(_KEYS.key.in_(["typed-1", "typed-2", "absent"]), _KEYS.api_key_id == 1)
        .order_by(_KEYS.key)
    )
    found = await driver.rows(session, stmt)
    await session.rollback()

    assert [row["key"] for row in found] == ["typed-1", "typed-2"]
    # The column's own type read it back (UTC-aware on both databases), JSON NULL as None.
    assert [row["created_at"] for row in found] == [_AT, _AT]
    assert found[0]["response_headers"] is None


async def test_a_statement_with_other_literal_values_is_not_answered_from_the_cache(
    session: AsyncSession,
) -> None:
    for key in ("lit-1", "lit-2"):
        await driver.rows(session, _RESERVE, _reservation(key))
    one = await driver.scalar(session, select(_KEYS.key).where(_KEYS.key == "lit-1"))
    two = await driver.scalar(session, select(_KEYS.key).where(_KEYS.key == "lit-2"))
    await session.rollback()
    assert (one, two) == ("lit-1", "lit-2")


async def test_statements_belong_to_the_session_transaction(session: AsyncSession) -> None:
    async def held(key: str) -> int:
        found = await driver.scalar(
            session, select(func.count()).select_from(IDEMPOTENCY_KEYS).where(_KEYS.key == key)
        )
        await session.rollback()
        return int(found or 0)

    for key, end in (("rolled-back", "rollback"), ("committed", "commit")):
        await driver.rows(session, _RESERVE, _reservation(key))
        await getattr(session, end)()
    assert await held("rolled-back") == 0
    assert await held("committed") == 1
    await session.execute(delete(IDEMPOTENCY_KEYS).where(_KEYS.key == "committed"))
    await session.commit()


async def test_a_statement_on_its_own_commits_at_once_and_a_conflict_leaves_the_session_usable(
    session: AsyncSession, app: object
) -> None:
    unique = insert(IDEMPOTENCY_KEYS).values(_reservation("own-1")).returning(_KEYS.id)
    (row,) = await driver.on_its_own(session, unique)
    with pytest.raises(IntegrityError):
        await driver.on_its_own(session, unique)
    # Seen by another transaction at once: it committed on its own.
    async with app.state.sessionmaker() as other:  # type: ignore[attr-defined]
        seen = await other.scalar(select(_KEYS.id).where(_KEYS.key == "own-1"))
    assert seen == row["id"]
    assert await driver.scalar(session, select(func.count()).select_from(IDEMPOTENCY_KEYS)) >= 1
    await session.execute(delete(IDEMPOTENCY_KEYS).where(_KEYS.key == "own-1"))
    await session.commit()


async def test_a_write_on_its_own_waits_for_no_flush_and_the_transaction_after_it_does(
    backend: str, session: AsyncSession
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite runs every statement through SQLAlchemy's own execution")
    unique = insert(IDEMPOTENCY_KEYS).values(_reservation("own-2")).returning(_KEYS.id)
    plan = driver._plan(unique)
    assert plan is not None and plan.unflushed is not None
    assert "set_config('synchronous_commit', 'off', true)" in plan.unflushed
    (row,) = await driver.on_its_own(session, unique)
    # The setting was local to the statement's own transaction: the session's commit waits.
    assert await driver.scalar(session, select(func.current_setting("synchronous_commit"))) == "on"
    assert await session.scalar(select(_KEYS.id).where(_KEYS.key == "own-2")) == row["id"]
    # A read on its own is sent as it is.
    lookup = select(_KEYS.id).where(_KEYS.key == "own-2")
    assert driver._plan(lookup).unflushed is None  # type: ignore[union-attr]
    await session.execute(delete(IDEMPOTENCY_KEYS).where(_KEYS.key == "own-2"))
    await session.commit()


async def test_a_point_in_time_read_is_refused_by_the_compiled_cache(
    backend: str, session: AsyncSession
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite runs every statement through SQLAlchemy's own execution")
    with known_as_of(_AT), pytest.raises(RuntimeError, match="known_as_of"):
        await driver.rows(session, select(Training.id))


def _quiet_router(runs: list[int]) -> APIRouter:
    router = APIRouter(route_class=IdempotentRoute)

    @router.post("/quiet", status_code=202)
    async def act(actor: Writer, idempotency_key: IdempotencyKey) -> Response:
        runs.append(len(runs))
        return JSONResponse({"run": len(runs)}, status_code=202)

    return router


async def test_a_reply_is_kept_when_the_request_changed_nothing(
    database_url: str, keys: Keys, session: AsyncSession
) -> None:
    runs: list[int] = []
    async with running_app(database_url) as application:
        application.include_router(_quiet_router(runs))
        async with client_for(application) as http:
            headers = keys.headers("admin", **{"Idempotency-Key": "quiet-1"})
            first = await http.post("/quiet", json={}, headers=headers)
            again = await http.post("/quiet", json={}, headers=headers)

    assert first.status_code == again.status_code == 202
    assert runs == [0]  # the retry was answered from the stored reply
    assert again.json() == first.json() == {"run": 1}
    assert again.headers["Idempotent-Replayed"] == "true"
    state = await session.scalar(
        select(IdempotencyRecord.state).where(IdempotencyRecord.key == "quiet-1")
    )
    assert state == DONE
