"""A request slower than its Idempotency-Key lease cannot commit once a retry took the key over."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import APIRouter
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import JSONResponse, Response

from app.audit.models import AuditEvent as AuditEventTable
from app.audit.writer import record
from app.core.db import SessionDep
from app.core.idempotency import IdempotencyKey, IdempotentRoute
from app.core.security import Writer
from tests.conftest import Keys
from tests.core.apps import client_for, running_app

ACTION = "lease-test"


def slow_router(runs: list[int], started: asyncio.Event) -> APIRouter:
    router = APIRouter(route_class=IdempotentRoute)

    @router.post("/lease-test", status_code=201)
    async def act(actor: Writer, session: SessionDep, idempotency_key: IdempotencyKey) -> Response:
        runs.append(len(runs))
        started.set()
        if len(runs) == 1:
            await asyncio.sleep(2.0)  # the first run outlives its one-second lease
        record(session, actor, ACTION, "test", len(runs))
        await session.flush()
        return JSONResponse({"run": len(runs)}, status_code=201)

    return router


async def _acted(session: AsyncSession) -> int:
    try:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(AuditEventTable)
                .where(AuditEventTable.action == ACTION)
            )
            or 0
        )
    finally:
        await session.rollback()


async def test_a_takeover_fences_out_the_first_runner(
    database_url: str, keys: Keys, session: AsyncSession
) -> None:
    runs: list[int] = []
    started = asyncio.Event()
    async with running_app(database_url, idempotency_lease_seconds=1) as application:
        application.include_router(slow_router(runs, started))
        async with client_for(application) as http:
            headers = keys.headers("admin", **{"Idempotency-Key": "slow-import"})

            async def post() -> httpx.Response:
                return await http.post("/lease-test", json={}, headers=headers)

            first = asyncio.create_task(post())
            await started.wait()  # the first run has reserved the key and started
            await asyncio.sleep(1.3)  # its lease has run out; the client retries
            retry = await post()
            slow = await first
            replay = await post()

    assert len(runs) == 2  # the handler did run twice ...
    assert retry.status_code == 201, retry.text
    assert retry.json() == {"run": 2}
    # ... but only the retry's work was kept: the first runner could not commit.
    assert slow.status_code == 409, slow.text
    assert slow.headers["content-type"] == "application/problem+json"
    assert "lease" in slow.json()["detail"]
    assert await _acted(session) == 1
    # The key keeps the retry's answer.
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == {"run": 2}
