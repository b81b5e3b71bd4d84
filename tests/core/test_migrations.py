"""Alembic owns the schema: up, down and up again on each backend, and no drift from the models."""

from __future__ import annotations

import ast
import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from app.cli import migrate
from app.core.health import migration_heads
from app.models import Base
from tests.conftest import PG_URL, ROOT

ENV = ROOT / "migrations" / "env.py"


@asynccontextmanager
async def scratch_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database beside the test database, dropped again afterwards (on PostgreSQL
    `<name>_mig`: the test run's role needs CREATE DATABASE, as the README says)."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'scratch.db'}"
        return
    assert PG_URL is not None
    url = make_url(PG_URL)
    scratch = f"{url.database}_mig"
    await _admin(
        f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)', f'CREATE DATABASE "{scratch}"'
    )
    try:
        yield url.set(database=scratch).render_as_string(hide_password=False)
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


async def _admin(*statements: str) -> None:
    admin = create_async_engine(PG_URL or "", poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await admin.dispose()


@pytest.fixture
async def scratch_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    async with scratch_database(backend, tmp_path) as url:
        yield url


@pytest.mark.skipif(PG_URL is None, reason="a scratch database is a file on SQLite")
async def test_the_scratch_database_is_dropped_after_use(tmp_path: Path) -> None:
    async with scratch_database("postgresql", tmp_path) as url:
        scratch = make_url(url).database
        assert await _database_exists(scratch)
    assert not await _database_exists(scratch)


async def _database_exists(name: str | None) -> bool:
    admin = create_async_engine(PG_URL or "", poolclass=NullPool)
    try:
        async with admin.connect() as conn:
            found = await conn.scalar(
                text("SELECT count(*) FROM pg_database WHERE datname = :name"), {"name": name}
            )
    finally:
        await admin.dispose()
    return bool(found)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def _inspect(url: str, work: Any) -> Any:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(work)
    finally:
        await engine.dispose()


def _versions(connection: Connection) -> set[str]:
    return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def _env_render_item() -> Any:
    """`render_item` from migrations/env.py (which cannot be imported outside Alembic)."""
    tree = ast.parse(ENV.read_text(encoding="utf-8"))
    keep: list[ast.stmt] = [
        node
        for node in tree.body
        if (isinstance(node, ast.ImportFrom) and node.module != "alembic")
        or isinstance(node, ast.Import)
        or (isinstance(node, ast.FunctionDef) and node.name == "render_item")
    ]
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(ENV), "exec"), namespace)  # noqa: S102
    return namespace["render_item"]


def _diff(connection: Connection) -> list[Any]:
    render_item = _env_render_item()  # the same options the migrations are written with
    context = MigrationContext.configure(
        connection,
        opts={
            "target_metadata": Base.metadata,
            "compare_type": True,
            "render_item": render_item,
            "render_as_batch": connection.dialect.name == "sqlite",
        },
    )
    return list(compare_metadata(context, Base.metadata))


async def test_upgrade_downgrade_upgrade(scratch_url: str) -> None:
    model_tables = set(Base.metadata.tables)
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    assert model_tables <= await _inspect(scratch_url, _tables)
    assert await _inspect(scratch_url, _versions) == set(migration_heads())

    await asyncio.to_thread(migrate, "base", downgrade=True, database_url=scratch_url)
    assert await _inspect(scratch_url, _tables) <= {"alembic_version"}
    assert await _inspect(scratch_url, _versions) == set()

    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    assert model_tables <= await _inspect(scratch_url, _tables)
    assert await _inspect(scratch_url, _versions) == set(migration_heads())


async def test_models_and_migrations_agree(scratch_url: str) -> None:
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    diff = await _inspect(scratch_url, _diff)
    assert diff == [], "models differ from migrations: " + "\n".join(map(str, diff))


async def test_0010_moves_transition_reasons_out_of_the_audit_trail(scratch_url: str) -> None:
    await asyncio.to_thread(migrate, "0006", database_url=scratch_url)
    engine = create_async_engine(scratch_url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            partner_id = (
                await conn.execute(
                    text(
                        "INSERT INTO partners (code, alpha2, name, region, version,"
                        " created_at, updated_at) VALUES ('KEN', 'KE', 'Kenya', 'AF', 1,"
                        " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"
                    )
                )
            ).scalar_one()
            nomination_id = (
                await conn.execute(
                    text(
                        "INSERT INTO nominations (partner_id, fiscal_year, external_ref, status,"
                        " given_name, family_name, sex, rank, service, position, masl_id,"
                        " course_title, course_institution, ecl_exempt, vetting_status, version,"
                        " created_at, updated_at) VALUES (:partner, 2026, 'N-1', 'withdrawn',"
                        " 'A', 'B', 'female', 'Major', 'army', 'P', 'M1', 'T', 'I', false,"
                        " 'pending', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"
                    ),
                    {"partner": partner_id},
                )
            ).scalar_one()
            for details in (
                '{"from": "submitted", "to": "withdrawn", "reason": "medical leave"}',
                '{"from": "submitted", "to": "under_review", "reason": null}',
            ):
                await conn.execute(
                    text(
                        "INSERT INTO audit_events (occurred_at, actor_key_id, action,"
                        " resource_type, resource_id, changed_fields, details) VALUES"
                        " (CURRENT_TIMESTAMP, 7, 'transition', 'nomination', :id, '[\"status\"]',"
                        " :details)"
                    ),
                    {"id": str(nomination_id), "details": details},
                )
        await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
        async with engine.connect() as conn:
            details = (
                await conn.execute(text("SELECT details FROM audit_events ORDER BY id"))
            ).scalars()
            stored = [d if isinstance(d, dict) else json.loads(d) for d in details]
            moved = (
                await conn.execute(
                    text(
                        "SELECT nomination_id, from_status, to_status, reason, actor_key_id"
                        " FROM nomination_transition_reasons"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert stored == [
        {"from": "submitted", "to": "withdrawn"},
        {"from": "submitted", "to": "under_review"},
    ]
    assert [tuple(row) for row in moved] == [
        (nomination_id, "submitted", "withdrawn", "medical leave", 7)
    ]


def _add_partners_and_a_training(connection: Connection) -> None:
    now = {"now": datetime(2026, 11, 30, tzinfo=UTC)}
    for statement in (
        "INSERT INTO partners (id, code, alpha2, numeric, name, region, version, created_at,"
        " updated_at) VALUES (1, 'TUR', 'TR', '792', 'Türkiye', 'EUR', 1, :now, :now),"
        " (2, 'XKX', 'XK', NULL, 'Kosovo', 'EUR', 1, :now, :now)",
        "INSERT INTO programs (id, code, name, description, outcomes, version, created_at,"
        " updated_at) VALUES (1, 'GPOI', 'GPOI', '', '[1]', 1, :now, :now)",
        "INSERT INTO trainings (id, program_id, title, kind, start_date, end_date, fiscal_year,"
        " delivery, version, created_at, updated_at) VALUES (1, 1, 'Formación CÔTE', 'course',"
        " :start, :start, 2022, 'direct', 1, :now, :now)",
    ):
        connection.execute(text(statement), {**now, "start": date(2022, 1, 1)})
    connection.commit()


def _search_texts(connection: Connection) -> list[Any]:
    partners = connection.execute(text("SELECT code, search_text FROM partners ORDER BY id"))
    trainings = connection.execute(text("SELECT search_text FROM trainings"))
    return [*map(tuple, partners), *(row[0] for row in trainings)]


async def test_search_text_is_backfilled(scratch_url: str) -> None:
    await asyncio.to_thread(migrate, "0006", database_url=scratch_url)
    await _inspect(scratch_url, _add_partners_and_a_training)
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    assert await _inspect(scratch_url, _search_texts) == [
        ("TUR", "turkiye\nrepublic of turkiye\nturkey"),
        ("XKX", "kosovo"),
        "formacion cote",
    ]


def test_the_migrations_form_one_line() -> None:
    """`wps serve` upgrades to `head`: two branches that both follow one revision would stop it."""
    assert len(migration_heads()) == 1, migration_heads()


def _result_before_approval(connection: Connection) -> None:
    indicator_id = connection.execute(
        text(
            "INSERT INTO indicators (code, name, outcome, measure, direction, aggregation,"
            " source, metric_filters, description, version, created_at, updated_at) VALUES"
            " ('OLD-COUNT', 'Old', 3, 'count', 'increase', 'per_period_sum', 'manual', '{}',"
            " '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"
        )
    ).scalar_one()
    connection.execute(
        text(
            "INSERT INTO indicator_results (indicator_id, fiscal_year, women, men, flagged,"
            " flags, version, created_at, updated_at) VALUES (:indicator, 2021, 4, 6, false,"
            " '[]', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ),
        {"indicator": indicator_id},
    )


def _result_statuses(connection: Connection) -> list[tuple[Any, ...]]:
    rows = connection.execute(
        text("SELECT status, submitted_by_key_id, return_reason, women FROM indicator_results")
    )
    return [tuple(row) for row in rows]


async def test_0014_keeps_results_entered_before_approval_counted(scratch_url: str) -> None:
    """Results entered before approval existed are approved: no reported figure moves."""
    await asyncio.to_thread(migrate, "0010", database_url=scratch_url)
    engine = create_async_engine(scratch_url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_result_before_approval)
    finally:
        await engine.dispose()
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    assert await _inspect(scratch_url, _result_statuses) == [("approved", None, None, 4)]


def _add_keys(connection: Connection) -> None:
    now = {"now": datetime(2026, 11, 30, tzinfo=UTC)}
    connection.execute(
        text(
            "INSERT INTO api_keys (id, name, role, key_hash, prefix, version, created_at,"
            " updated_at) VALUES (1, 'Ops desk', 'admin', 'h1', 'wps_a', 1, :now, :now),"
            " (2, 'Data call', 'integration', 'h2', 'wps_b', 1, :now, :now)"
        ),
        now,
    )
    connection.commit()


def _owners(connection: Connection) -> list[Any]:
    return [tuple(r) for r in connection.execute(text("SELECT id, owner FROM api_keys"))]


async def test_existing_keys_are_owned_by_their_name(scratch_url: str) -> None:
    """Issue 24: four eyes compares owners; a key from before owners is its own holder."""
    await asyncio.to_thread(migrate, "0017", database_url=scratch_url)
    await _inspect(scratch_url, _add_keys)
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    assert sorted(await _inspect(scratch_url, _owners)) == [(1, "Ops desk"), (2, "Data call")]
