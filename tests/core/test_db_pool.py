"""The PostgreSQL pool pings a pooled connection only when it has been idle."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from app.core import db
from tests.conftest import make_settings


async def _backend_pid(engine: Any) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(text("SELECT pg_backend_pid()")))


async def test_a_busy_connection_is_not_pinged_and_an_idle_dead_one_is_replaced(
    backend: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend == "sqlite":
        pytest.skip("a pooled server connection is PostgreSQL's; SQLite opens a file")
    engine = db.create_engine(make_settings(database_url, db_pool_size=1))
    dialect = engine.sync_engine.dialect
    pings: list[object] = []
    ping = dialect.do_ping

    def counted(connection: object) -> bool:
        pings.append(connection)
        return bool(ping(connection))

    monkeypatch.setattr(dialect, "do_ping", counted)
    try:
        first = await _backend_pid(engine)
        # Used a moment ago: taken as alive, no round trip before the statement.
        assert await _backend_pid(engine) == first
        assert pings == []

        # The server drops the connection; once it has been idle past the window, the checkout
        # pings it, finds it dead, and the pool opens another: the request does not fail.
        killer = create_async_engine(database_url, poolclass=NullPool)
        async with killer.connect() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        await killer.dispose()
        monkeypatch.setattr(db, "PING_IDLE_SECONDS", 0.0)
        second = await _backend_pid(engine)
        assert second != first
        assert pings, "the idle connection was handed out without a ping"
    finally:
        await engine.dispose()
