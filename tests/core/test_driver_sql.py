"""Hot paths' statements on the driver: compiled once, inside the request's transaction, and
an Idempotency-Key reply kept at commit whether or not the request changed anything."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi import APIRouter
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import JSONResponse, Response

from app.core.db import DriverSql, session_driver
from app.core.idempotency import (
    DONE,
    IDEMPOTENCY_KEYS,
    IN_FLIGHT,
    IdempotencyKey,
    IdempotencyRecord,
    IdempotentRoute,
)
from app.core.security import Writer
from tests.conftest import Keys
from tests.core.apps import client_for, running_app

_KEYS = IDEMPOTENCY_KEYS.c


def test_a_compiled_statement_orders_its_arguments_and_carries_its_own_values() -> None:
    stmt = (
        update(IDEMPOTENCY_KEYS)
        .where(_KEYS.id == bindparam("record_id"), _KEYS.state == IN_FLIGHT)
        .values(
            state=DONE,
            created_at=bindparam("at"),
            response_headers=bindparam("headers"),
        )
    )
    sql = DriverSql.of(stmt)
    at = datetime(2026, 11, 30, 12, tzinfo=UTC)
    args = sql.args({"record_id": 7, "at": at, "headers": {"etag": '"1"'}})

    assert sql.text.count("$") == len(sql.names) == len(args)
    by_name = dict(zip(sql.names, args, strict=True))
    assert by_name["record_id"] == 7
    assert sorted(v for k, v in by_name.items() if k.startswith("state")) == [DONE, IN_FLIGHT]
    # Bind processors applied: the JSON column's value is sent as its text.
    assert by_name["headers"] == '{"etag": "\\"1\\""}'
    assert by_name["at"] == at
    with pytest.raises(KeyError):  # a value the statement needs and does not carry
        sql.args({"at": at, "headers": None})


async def test_driver_statements_belong_to_the_session_transaction(
    backend: str, session: AsyncSession
) -> None:
    if backend == "sqlite":
        pytest.skip("the asyncpg driver is PostgreSQL's")
    insert_key = (
        "INSERT INTO idempotency_keys (api_key_id, key, request_hash, state, created_at) "
        "VALUES (1, $1, 'h', 'in_flight', now())"
    )

    async def held(key: str) -> int:
        found = await session.scalar(
            select(func.count()).select_from(IdempotencyRecord).where(IdempotencyRecord.key == key)
        )
        await session.rollback()
        return int(found or 0)

    for key, end in (("rolled-back", "rollback"), ("committed", "commit")):
        driver = await session_driver(session, begun=True)
        assert driver.is_in_transaction()  # BEGIN was sent before the first driver statement
        await driver.execute(insert_key, key)
        await getattr(session, end)()
        assert not driver.is_in_transaction()  # the session's end ended the driver's too
    assert await held("rolled-back") == 0
    assert await held("committed") == 1


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
