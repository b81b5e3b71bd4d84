"""Long work over HTTP (imports, reports, exports) keeps the long statement budget; every other
request has the short one, so a silent database answers it with a 503 in seconds."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from starlette.requests import Request

from app.core.db import request_sessionmaker
from app.main import LONG_WORK_PATHS, create_app
from tests.conftest import make_settings


def _request(app: Any, path: str) -> Request:
    return Request({"type": "http", "path": path, "app": app, "headers": []})


@pytest.mark.parametrize(
    ("path", "long"),
    [
        ("/api/v1/imports/trainings", True),
        ("/api/v1/reports/women-trained", True),
        ("/api/v1/exports/iati", True),
        ("/api/v1/peacekeeping/snapshots", True),
        ("/api/v1/trainings", False),
        ("/api/v1/nominations/7", False),
    ],
)
def test_the_paths_of_long_work_take_the_long_sessions(path: str, long: bool) -> None:
    app: Any = create_app(make_settings("sqlite+aiosqlite:///:memory:"))
    chosen = request_sessionmaker(_request(app, path))
    assert (chosen is app.state.long_sessionmaker) is long
    assert (chosen is app.state.sessionmaker) is not long
    assert path.startswith(LONG_WORK_PATHS) is long


async def test_a_long_statement_runs_on_the_long_budget_only(
    backend: str, database_url: str
) -> None:
    if backend == "sqlite":
        pytest.skip("the statement budget is PostgreSQL's (a client-side timeout per statement)")
    app: Any = create_app(
        make_settings(
            database_url,
            db_statement_timeout_seconds=0.3,
            db_long_statement_timeout_seconds=30,
        )
    )
    try:
        long = request_sessionmaker(_request(app, "/api/v1/reports/women-trained"))
        async with long() as session:
            assert await session.scalar(text("SELECT 1 FROM pg_sleep(0.6)")) == 1
        short = request_sessionmaker(_request(app, "/api/v1/trainings"))
        async with short() as session:
            with pytest.raises((DBAPIError, TimeoutError)):
                await session.execute(text("SELECT 1 FROM pg_sleep(0.6)"))
    finally:
        await app.state.engine.dispose()
        await app.state.long_engine.dispose()
