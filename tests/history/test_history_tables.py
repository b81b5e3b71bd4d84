"""The history tables: kept by triggers on every versioned table (bulk SQL included), without
personal data, re-created by `sync_history` after a migration rebuilds a table; and the
`as_known_on` parameter every figure route takes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from fastapi import FastAPI
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import iter_route_contexts
from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.cli import migrate
from app.core.history import SUFFIX, sync_history, triggers_present, versioned_tables
from app.history import HISTORY_TABLES, VERSIONED
from app.models import Base
from tests.conftest import Keys
from tests.core.test_migrations import scratch_url  # noqa: F401 - the fixture
from tests.history.test_point_in_time import instant
from tests.imet.nominations.helpers import FAMILY_NAME, GIVEN_NAME, nominate
from tests.trainings.helpers import TRAININGS, training

TRIGGERS = {"insert", "update", "delete"}


def _triggers(connection: Connection) -> dict[str, set[str]]:
    return {
        table: {name.rsplit("_", 1)[1] for name in triggers_present(connection, table)}
        for table in versioned_tables()
    }


async def test_every_versioned_table_has_its_history_and_triggers(session: AsyncSession) -> None:
    described = {spec.table for spec in VERSIONED}
    assert set(HISTORY_TABLES) == described
    # The women-trained rollup is versioned like the records it sums.
    assert "women_trained_rollup" in described
    assert set(versioned_tables()) == described
    found = await session.run_sync(lambda sync: _triggers(sync.connection()))
    assert found == {table: TRIGGERS for table in described}
    assert {t.name for t in HISTORY_TABLES.values()} <= set(Base.metadata.tables)


async def test_bulk_sql_is_versioned_and_personal_data_is_not(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await client.post(TRAININGS, json=training(), headers=keys.headers("admin"))
    assert created.status_code == 201, created.text
    await nominate(client, keys)
    history = HISTORY_TABLES["trainings"]
    async with session.begin():
        # Behind the ORM's back, as a repair script would.
        await session.execute(text("UPDATE trainings SET hours = 99"))
    async with session.begin():
        versions = (
            await session.execute(
                select(history.c.hours, history.c.valid_to).order_by(history.c.valid_from)
            )
        ).all()
        nominations = HISTORY_TABLES["nominations"]
        stored = (await session.execute(select(nominations))).mappings().one()
    assert [hours for hours, _ in versions] == [64, 99]
    assert versions[0].valid_to is not None and versions[1].valid_to is None
    assert "given_name" not in nominations.c and "family_name" not in nominations.c
    assert GIVEN_NAME not in map(str, stored.values())
    assert FAMILY_NAME not in map(str, stored.values())
    assert stored["sex"] == "female"  # what figures read is kept


def _rebuild_trainings_with_a_column(connection: Connection) -> None:
    """What a migration adding a column does: on SQLite, batch mode copies the table."""
    operations = Operations(MigrationContext.configure(connection))
    column = sa.Column("note", sa.String(20))
    if connection.dialect.name == "sqlite":
        with operations.batch_alter_table("trainings", recreate="always") as batch:
            batch.add_column(column)
    else:
        operations.add_column("trainings", column)


async def test_sync_history_after_a_migration_rebuilds_a_table(scratch_url: str) -> None:  # noqa: F811
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    engine = create_async_engine(scratch_url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_rebuild_trainings_with_a_column)
            rebuilt = await conn.run_sync(lambda sync: triggers_present(sync, "trainings"))
            await conn.run_sync(lambda sync: sync_history(sync, "trainings"))
            kept = await conn.run_sync(lambda sync: _triggers(sync)["trainings"])
            columns = await conn.run_sync(
                lambda sync: {c["name"] for c in sa.inspect(sync).get_columns("trainings" + SUFFIX)}
            )
    finally:
        await engine.dispose()
    if scratch_url.startswith("sqlite"):
        assert rebuilt == set()  # batch mode copied the table: its triggers are gone
    assert kept == TRIGGERS
    assert "note" in columns


def figure_routes(app: FastAPI) -> list[str]:
    """Every GET route that answers figures as known at an instant."""
    return [
        route.path
        for route in iter_route_contexts(app.routes)
        if "GET" in (getattr(route, "methods", None) or ())
        and hasattr(route, "dependant")
        and any(p.alias == "as_known_on" for p in get_flat_params(route.dependant))
    ]


def test_every_report_and_progress_take_as_known_on(app: FastAPI) -> None:
    routes = set(figure_routes(app))
    reports = {r for r in routes if r.startswith("/api/v1/reports/")}
    assert reports == {
        route.path
        for route in iter_route_contexts(app.routes)
        if route.path.startswith("/api/v1/reports/")
    }
    assert "/api/v1/indicators/{code}/progress" in routes


def _url(path: str) -> str:
    return path.replace("{code}", "IMET-WOMEN-TRAINED")


REQUIRED = {"/api/v1/reports/peacekeeping-share": {"program": "GPOI"}}


@pytest.mark.parametrize(
    "value",
    [
        (datetime.now(UTC).date() + timedelta(days=2)).isoformat(),
        (datetime.now(UTC) + timedelta(hours=2)).isoformat(),
        "2021-09-30T12:00:00",  # no UTC offset
        "2021-13-01",
        "yesterday",
        "",
    ],
    # Fixed names: the instants above differ between pytest-xdist workers, which must collect
    # the same tests.
    ids=["day-after-tomorrow", "in-two-hours", "no-offset", "month-13", "a-word", "empty"],
)
async def test_as_known_on_refused(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys, value: str
) -> None:
    for path in figure_routes(app):
        params: dict[str, Any] = {**REQUIRED.get(path, {}), "as_known_on": value}
        response = await client.get(_url(path), params=params, headers=keys.headers("analyst"))
        assert response.status_code == 422, (path, response.text)
        assert [e.get("parameter") for e in response.json()["errors"]] == ["as_known_on"]


async def test_as_known_on_a_date_is_its_end_and_is_echoed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(TRAININGS, json=training(), headers=admin)
    assert created.status_code == 201, created.text
    today = datetime.now(UTC).date()
    yesterday = today - timedelta(days=1)
    report = "/api/v1/reports/women-trained"
    answers = {}
    for day in (yesterday, today):
        response = await client.get(report, params={"as_known_on": day.isoformat()}, headers=admin)
        assert response.status_code == 200, response.text
        answers[day] = response.json()
    assert answers[yesterday]["rows"] == []
    assert answers[today]["totals"]["women"] == 9  # the training of the example, today
    assert answers[today]["filters"]["as_known_on"] == f"{today.isoformat()}T23:59:59.999999Z"
    at = await instant()
    echoed = await client.get(report, params={"as_known_on": at}, headers=admin)
    assert echoed.json()["filters"]["as_known_on"] == at.replace("+00:00", "Z")
    plain = await client.get(report, headers=admin)
    assert "as_known_on" not in plain.json()["filters"]
