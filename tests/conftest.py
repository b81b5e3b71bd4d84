"""Test harness: every test runs against SQLite, and against PostgreSQL when
WPS_TEST_DATABASE_URL is set (then an unreachable server is an error, never a skip).
Each test starts from a clean database holding only the reference data."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.pool import NullPool

from app.apikeys.service import create_key
from app.cli import migrate
from app.core.config import Settings
from app.core.security import Role
from app.main import create_app
from app.models import Base
from app.seed import seed_reference_data

PG_URL = os.environ.get("WPS_TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


async def reset_postgres(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


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
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
async def app(database_url: str) -> AsyncIterator[object]:
    # The matrix tests make an unauthenticated call to every route, more than an address may fail.
    application = create_app(make_settings(database_url, auth_failures_per_minute=10_000))
    async with application.router.lifespan_context(application):
        yield application


async def wipe(session: AsyncSession) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    if session.bind.dialect.name == "postgresql":
        await session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            await session.execute(text(f"DELETE FROM {table}"))  # noqa: S608 - table names are ours


@pytest.fixture
async def clean(app: object) -> None:
    state = app.state  # type: ignore[attr-defined]
    async with state.sessionmaker() as session, session.begin():
        await wipe(session)
        await seed_reference_data(session)
    state.key_cache.clear()
    state.rate_limiter.reset()


class Keys(dict[str, str]):
    """Secrets by role: admin, analyst, integration, embassy (KEN) and embassy_gha (GHA)."""

    def headers(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self[role]}", **extra}


@pytest.fixture
async def keys(app: object, clean: None) -> Keys:
    state = app.state  # type: ignore[attr-defined]
    found = Keys()
    async with state.sessionmaker() as session, session.begin():
        for name, role, partner in [
            ("admin", Role.admin, None),
            ("analyst", Role.analyst, None),
            ("integration", Role.integration, None),
            ("embassy", Role.embassy, "KEN"),
            ("embassy_gha", Role.embassy, "GHA"),
        ]:
            _, found[name] = await create_key(
                session, None, name=name, role=role, partner_code=partner
            )
    return found


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


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a scratch SQLite database, migrated and seeded, for CLI tests."""
    db = tmp_path_factory.mktemp("cli") / "wps.db"
    values = {**os.environ, "WPS_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    for command in (["migrate"], ["seed"]):
        assert wps(*command, env=values).returncode == 0
    return values
