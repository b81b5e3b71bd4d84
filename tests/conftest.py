"""Test harness: every test runs against SQLite, and against PostgreSQL when
WPS_TEST_DATABASE_URL is set (then an unreachable server is an error, never a skip).
Each test starts from a clean database holding only the reference data: it is seeded once
per backend, and before each test the activity tables are emptied and the reference tables
put back to exactly the seeded rows (`@pytest.mark.full_reset` wipes and re-seeds instead).
The suite runs on every core (pytest-xdist, `-n auto` in pyproject.toml): each worker has its
own SQLite file and, on PostgreSQL, its own database `<name>_gw0`, `<name>_gw1`, ... next to the
one WPS_TEST_DATABASE_URL names, created when the worker starts and dropped when it ends."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Table, delete, func, insert, make_url, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool
from xdist.scheduler import LoadScopeScheduling

from app.apikeys.service import create_key
from app.cli import migrate
from app.core.commit import transaction
from app.core.config import Settings
from app.core.history import copy_current
from app.core.security import Role
from app.history import HISTORY_TABLES
from app.main import create_app
from app.models import Base
from app.seed import seed_reference_data

BASE_PG_URL = os.environ.get("WPS_TEST_DATABASE_URL")
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1, ... in a pytest-xdist worker


def database_named(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def worker_database_url(url: str | None, worker: str | None) -> str | None:
    """The PostgreSQL database this process tests on: its own `<name>_<worker>` under xdist."""
    if url is None or worker is None:
        return url
    return database_named(url, f"{make_url(url).database}_{worker}")


PG_URL = worker_database_url(BASE_PG_URL, WORKER)
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


async def _drop_create(admin_url: str, drop: list[str], create: str | None = None) -> None:
    engine = create_async_engine(admin_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        for name in drop:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if create is not None:
            await conn.execute(text(f'CREATE DATABASE "{create}"'))
    await engine.dispose()


def pytest_sessionstart(session: pytest.Session) -> None:
    """A worker's PostgreSQL database, made from the one WPS_TEST_DATABASE_URL names."""
    if BASE_PG_URL and PG_URL != BASE_PG_URL:
        name = make_url(PG_URL).database
        asyncio.run(_drop_create(BASE_PG_URL, [str(name)], create=str(name)))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Drop what this process made on PostgreSQL: its worker database and the migration
    tests' scratch database (`<name>_mig`, tests/core/test_migrations.py)."""
    if BASE_PG_URL and PG_URL:
        name = make_url(PG_URL).database
        made = [f"{name}_mig", *([str(name)] if PG_URL != BASE_PG_URL else [])]
        asyncio.run(_drop_create(BASE_PG_URL, made))


async def reset_postgres(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


# Modules whose tests run on one pytest-xdist worker together: test_schemathesis.py's
# test_fuzzing_was_meaningful reads what the fuzzing tests of its own process recorded.
ONE_WORKER = frozenset({"tests/test_schemathesis.py"})


class _Scheduling(LoadScopeScheduling):
    """pytest-xdist's `load` (each test to whichever worker is free, the largest unit first),
    except that a module in ONE_WORKER is one unit. (Its `loadgroup` marks do not reach the
    scheduler under pytest 9.2, whose node ids are no longer set by assignment.)"""

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in ONE_WORKER else nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> _Scheduling:
    return _Scheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that drive the `wps` command on a scratch database (the slowest, tens of
    seconds each) first, so that no pytest-xdist worker is left running one at the end while
    the others idle. Otherwise the order stays as pytest made it (grouped by backend)."""
    items.sort(key=lambda item: "cli_env" not in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
async def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    else:
        assert PG_URL is not None
        url = PG_URL
        await reset_postgres(url)
    await asyncio.to_thread(migrate, "heads", database_url=url)
    return url


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "log_format": "json",
        "db_pool_size": 10,
        # Tests run the webhook worker themselves, one batch at a time.
        "webhook_worker_in_serve": False,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
async def app(database_url: str) -> AsyncIterator[object]:
    # The matrix tests make an unauthenticated call to every route, more than an address may fail.
    application = create_app(make_settings(database_url, auth_failures_per_minute=10_000))
    async with application.router.lifespan_context(application):
        yield application


# Every table, by what a test may leave in it. Seeding writes the reference tables (audit
# events too: seeding is audited), so they are put back to the seeded rows; seeding leaves the
# activity tables empty, so they are emptied. `seeded` checks that every table is in one.
REFERENCE_TABLES = frozenset(
    {
        "programs",
        "outcomes",
        "partners",
        "indicators",
        "indicator_targets",
        "audit_events",
        "changes",
        "change_counter",
    }
)
ACTIVITY_TABLES = frozenset(
    {
        "api_keys",
        "idempotency_keys",
        "memberships",
        "benchmarks",
        "trainings",
        "training_topics",
        "training_participants",
        "women_trained_rollup",
        "nominations",
        "nomination_transition_reasons",
        "obligations",
        "obligation_purposes",
        "peacekeeping_snapshots",
        "peacekeeping_contributions",
        "indicator_results",
        "indicator_locks",
        "imet_history",
        "training_centers",
        "facility_upgrades",
        "facility_upgrade_features",
        "facility_upgrades_rollup",
        "advisory_engagements",
        "advisory_engagement_focus",
        "policy_milestones",
        "policy_milestones_rollup",
        "cwd_teams",
        "cwd_rosters",
        "cwd_roster_members",
        "cwd_teams_rollup",
        "implementers",
        "projects",
        "change_partners",
        "webhook_subscriptions",
        "webhook_messages",
        "webhook_attempts",
    }
)

# The versions of the versioned tables (app/history.py), written by triggers. After each reset
# every table's history is exactly its current rows, known since the epoch (as after upgrading).
HISTORY = frozenset(table.name for table in HISTORY_TABLES.values())

Rows = dict[Any, dict[str, Any]]  # by primary key


def unclassified_tables() -> set[str]:
    """Tables of the schema in no list or in two, and listed names that are no table."""
    tables = set(Base.metadata.tables)
    listed = REFERENCE_TABLES | ACTIVITY_TABLES | HISTORY
    twice = (REFERENCE_TABLES & ACTIVITY_TABLES) | ((REFERENCE_TABLES | ACTIVITY_TABLES) & HISTORY)
    return (tables ^ listed) | twice


def _sorted(names: frozenset[str]) -> list[Table]:
    """The tables named, parents before the tables that refer to them."""
    return [t for t in Base.metadata.sorted_tables if t.name in names]


async def wipe(session: AsyncSession) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    if session.bind.dialect.name == "postgresql":
        await session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            await session.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - table names are ours


async def read_rows(session: AsyncSession, table: Table) -> Rows:
    (key,) = table.primary_key.columns
    result = await session.execute(select(table).order_by(key))
    names = [c.key for c in table.columns]
    rows = [dict(zip(names, row, strict=True)) for row in result.all()]
    return {row[key.key]: row for row in rows}


@dataclass
class Seeded:
    """The reference rows as seeding left them, and (PostgreSQL) every table's id sequence."""

    rows: dict[str, Rows] = field(default_factory=dict)
    sequences: dict[str, tuple[int, bool]] = field(default_factory=dict)

    async def take(self, session: AsyncSession) -> None:
        await session.flush()  # seeding's last audit event is still pending
        for table in _sorted(ACTIVITY_TABLES):
            count = await session.scalar(select(func.count()).select_from(table))
            assert count == 0, f"seeding writes to {table.name}: list it in REFERENCE_TABLES"
        self.rows = {t.name: await read_rows(session, t) for t in _sorted(REFERENCE_TABLES)}
        self.sequences = {}
        if session.bind.dialect.name == "postgresql":
            for table in Base.metadata.sorted_tables:
                column = table.autoincrement_column
                if column is None:
                    continue
                sequence = await session.scalar(
                    text("SELECT pg_get_serial_sequence(:t, :c)"),
                    {"t": table.name, "c": column.name},
                )
                if sequence is not None:
                    query = text(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 - from the catalog
                    state = (await session.execute(query)).one()
                    self.sequences[sequence] = (int(state[0]), bool(state[1]))

    async def restore(self, session: AsyncSession) -> None:
        """Put the reference tables back to the seeded rows: delete the rows a test added and,
        where it removed or edited a seeded row, reload the table and those that refer to it.
        Then set every id sequence back. Raises NotRestored (or the database's error) if that
        does not give the seeded rows."""
        tables = _sorted(REFERENCE_TABLES)
        now = {t.name: await read_rows(session, t) for t in tables}
        added: dict[str, set[Any]] = {}
        reload: set[str] = set()
        for table in tables:  # parents first, so a reloaded table's referrers reload too
            seeded, current = self.rows[table.name], now[table.name]
            edited = any(current.get(key) != row for key, row in seeded.items())
            if edited or any(fk.column.table.name in reload for fk in table.foreign_keys):
                reload.add(table.name)
            elif current.keys() - seeded.keys():
                added[table.name] = current.keys() - seeded.keys()
        for table in reversed(tables):  # children first
            (key,) = table.primary_key.columns
            if table.name in reload:
                await session.execute(delete(table))
            elif table.name in added:
                await session.execute(delete(table).where(key.in_(added[table.name])))
        for table in tables:
            if table.name in reload and self.rows[table.name]:
                await session.execute(insert(table), list(self.rows[table.name].values()))
        for table in tables:
            touched = table.name in reload or table.name in added
            if touched and await read_rows(session, table) != self.rows[table.name]:
                raise NotRestored(table.name)
        if self.sequences:
            calls = ", ".join(f"setval('{s}', {v}, {c})" for s, (v, c) in self.sequences.items())
            await session.execute(text(f"SELECT {calls}"))


class NotRestored(Exception):
    """A reference table still differs from the seeded rows after restoring it."""


async def empty_activity_tables(session: AsyncSession) -> None:
    # DELETE, not TRUNCATE: on PostgreSQL it is far cheaper for a few rows, and `restore`
    # sets every id sequence back; SQLite (no AUTOINCREMENT) numbers from the highest id left.
    for table in reversed(_sorted(ACTIVITY_TABLES)):
        await session.execute(delete(table))


async def reset_history(session: AsyncSession) -> None:
    """Each versioned table's history: its rows as they are now, known since the epoch (the
    activity tables' are empty by now, so this is cheap). Runs after the base tables reset."""
    for name, table in HISTORY_TABLES.items():
        await session.execute(delete(table))
        if name in REFERENCE_TABLES:
            await session.run_sync(lambda sync, name=name: copy_current(sync.connection(), name))


async def reset_database(state: Any, seeded: Seeded, *, full: bool = False) -> None:
    """Empty the activity tables and restore the seeded reference rows, or with `full` (or
    when a restore fails) wipe every table, seed again and take the new seeded rows."""
    if not full:
        try:
            async with transaction(state.sessionmaker) as session:
                await empty_activity_tables(session)
                await seeded.restore(session)
                await reset_history(session)
        except (DBAPIError, NotRestored):
            pass  # rolled back: reset in full below
        else:
            return
    async with transaction(state.sessionmaker) as session:
        await wipe(session)
        await seed_reference_data(session)
    # Taken once committed: the change feed numbers the seeding's changes as it commits.
    async with transaction(state.sessionmaker) as session:
        await seeded.take(session)
        await reset_history(session)


@pytest.fixture(scope="session")
async def seeded(app: object) -> Seeded:
    """The reference data, seeded once per backend."""
    assert not unclassified_tables(), (
        f"list {sorted(unclassified_tables())} in REFERENCE_TABLES or ACTIVITY_TABLES"
    )
    found = Seeded()
    await reset_database(app.state, found, full=True)  # type: ignore[attr-defined]
    return found


@pytest.fixture
async def clean(app: object, seeded: Seeded, request: pytest.FixtureRequest) -> None:
    state = app.state  # type: ignore[attr-defined]
    await reset_database(
        state, seeded, full=request.node.get_closest_marker("full_reset") is not None
    )
    state.key_cache.clear()
    state.codes.known.clear()  # a program a test added is gone with the reset
    state.rate_limiter.reset()


class Keys(dict[str, str]):
    """Secrets by role: admin, analyst, integration, embassy (KEN) and embassy_gha (GHA)."""

    def headers(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self[role]}", **extra}


async def make_keys(session: AsyncSession) -> Keys:
    """A key of each role (embassies: KEN, GHA), written in `session`."""
    found = Keys()
    for name, role, partner in [
        ("admin", Role.admin, None),
        ("analyst", Role.analyst, None),
        ("integration", Role.integration, None),
        ("embassy", Role.embassy, "KEN"),
        ("embassy_gha", Role.embassy, "GHA"),
    ]:
        _, found[name] = await create_key(session, None, name=name, role=role, partner_code=partner)
    return found


@pytest.fixture
async def keys(app: object, clean: None) -> Keys:
    state = app.state  # type: ignore[attr-defined]
    async with transaction(state.sessionmaker) as session:
        return await make_keys(session)


@pytest.fixture
async def client(app: object, clean: None) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def session(app: object, clean: None) -> AsyncIterator[AsyncSession]:
    """A session for looking at what the service stored, outside any request."""
    async with app.state.sessionmaker() as db:  # type: ignore[attr-defined]
        yield db


ROOT = Path(__file__).resolve().parents[1]


def wps(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the `wps` command as an operator would, in another process."""
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def cli_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database as `wps migrate` and `wps seed` leave it, made once per session (per
    worker); every module's `cli_env` starts from a copy of it."""
    db = tmp_path_factory.mktemp("cli-template") / "wps.db"
    values = {**os.environ, "WPS_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    for command in (["migrate"], ["seed"]):
        done = wps(*command, env=values)
        assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def cli_env(cli_database: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a scratch SQLite database, migrated and seeded, for CLI tests."""
    db = tmp_path_factory.mktemp("cli") / "wps.db"
    for suffix in ("", "-wal", "-shm"):  # the commands have exited: the file is all there is
        made = cli_database.with_name(cli_database.name + suffix)
        if made.exists():
            shutil.copyfile(made, db.with_name(db.name + suffix))
    return {**os.environ, "WPS_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
