"""Engine and per-request session: one transaction per request, committed before the response."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from app.core.commit import WorkSession, commit, rolled_back
from app.core.config import Settings


def create_engine(settings: Settings, *, long_work: bool = False) -> AsyncEngine:
    """The engine; `long_work` (the CLI's commands; in the service, the requests to the paths
    it names as long work) gives each statement the long budget instead of a request's, from
    a pool a quarter the size."""
    kwargs: dict[str, Any] = {}
    if settings.is_sqlite:
        kwargs["connect_args"] = {"timeout": 5}
    else:
        kwargs["connect_args"] = {
            "timeout": settings.db_connect_timeout_seconds,
            "command_timeout": settings.db_long_statement_timeout_seconds
            if long_work
            else settings.db_statement_timeout_seconds,
        }
        kwargs["pool_timeout"] = settings.db_connect_timeout_seconds
        if settings.db_pool_size:
            # Sized to the concurrency with no overflow, so connections are not churned.
            size = settings.db_pool_size
            kwargs["pool_size"] = max(2, size // 4) if long_work else size
            kwargs["max_overflow"] = 0
        # The connection returned last is handed out first: a light load keeps reusing a few
        # warm ones (their prepared statements, the server's caches) rather than cycling
        # through all, and the rest stay idle (pinged before reuse: _ping_idle_connections).
        kwargs["pool_use_lifo"] = True
    if settings.db_pool_size == 0:
        kwargs["poolclass"] = NullPool
        kwargs.pop("pool_timeout", None)
    engine = create_async_engine(settings.database_url, **kwargs)
    if settings.is_sqlite:
        _configure_sqlite(engine)
    else:
        _ping_idle_connections(engine)
        _drop_silent_connections(engine)
    return engine


def _drop_silent_connections(engine: AsyncEngine) -> None:
    """A statement that timed out (the server or the link went silent) leaves its connection
    mid-protocol: treat it as a disconnect, so it is closed at once (no ROLLBACK sent down a
    dead link) and the pool's other connections are replaced before reuse."""

    @event.listens_for(engine.sync_engine, "handle_error")
    def _on_error(context: Any) -> None:
        if isinstance(context.original_exception, TimeoutError):
            context.is_disconnect = True


# A pooled connection used this recently is taken as alive; an older one is pinged first.
PING_IDLE_SECONDS = 2.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    """`pool_pre_ping`, for idle connections only. The built-in ping costs three round trips
    (BEGIN, a statement, ROLLBACK) on every checkout, more than a read by id itself; under load
    a connection comes back within milliseconds. A connection the server dropped inside that
    window fails its one request, and that error invalidates the pool (SQLAlchemy's disconnect
    handling), so the requests after it reconnect."""
    dialect = engine.sync_engine.dialect

    @event.listens_for(engine.sync_engine, "connect")
    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["used_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        used_at = record.info.get("used_at")
        if used_at is not None and time.monotonic() - used_at < PING_IDLE_SECONDS:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool discards this connection and checks out (or opens) another.
            raise DisconnectionError("the pooled connection did not answer") from exc


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the driver so BEGIN IMMEDIATE below applies.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers queue on the busy timeout instead of failing a read-to-write upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=WorkSession
    )


def on_rollback(session: AsyncSession, callback: Callable[[], Any]) -> None:
    """Register an async callback to run if the request's transaction does not commit."""
    session.info.setdefault("on_rollback", []).append(callback)


def after_transaction(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Register a callback to run once the request's transaction has ended, committed or not."""
    session.info.setdefault("after_transaction", []).append(callback)


def request_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """The sessions of this request: those of the long budget for the paths the app names as
    long work (`app.state.long_work_paths`: imports, reports, exports), else a request's."""
    state = request.app.state
    long_work: tuple[str, ...] = getattr(state, "long_work_paths", ())
    if long_work and request.scope["path"].startswith(long_work):
        return state.long_sessionmaker  # type: ignore[no-any-return]
    return state.sessionmaker  # type: ignore[no-any-return]


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request_sessionmaker(request)() as session:
        try:
            yield session
            await commit(session)
        except BaseException:
            with suppress(Exception):
                await session.rollback()
            rolled_back(session)
            for callback in session.info.get("on_rollback", []):
                await callback()
            raise
        finally:
            for ended in session.info.get("after_transaction", []):
                ended()


@asynccontextmanager
async def read_connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """A connection for a read of a few statements, without a session or the request-scoped
    dependency's commit: autocommit on PostgreSQL (no BEGIN/COMMIT round trips; a write that
    commits between two statements bumps the version the ETag names, so an If-Match with it
    fails rather than loses data); on SQLite one transaction, ended when the block does."""
    engine: AsyncEngine = request.app.state.engine
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


# scope="function": the commit runs before the response is sent, so a 201 means durable.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def shown_url(url: str) -> str:
    """The database URL as it may be printed: any password masked."""
    return make_url(url).render_as_string(hide_password=True)


_OR_ANOTHER = "or set WPS_DATABASE_URL to another database"


def database_problem(settings: Settings) -> str | None:
    """Why the configured database cannot be used, in one line naming it (no password) and
    what to do; None when a connection opens. For the CLI, before it starts any work."""
    url = make_url(settings.database_url)
    if settings.is_sqlite and url.database and url.database != ":memory:":
        folder = Path(url.database).expanduser().resolve().parent
        if not folder.is_dir():
            return (
                f"cannot open the database {shown_url(settings.database_url)}: "
                f"the folder {folder} does not exist; create it {_OR_ANOTHER}"
            )
    return asyncio.run(_connect_problem(settings))


async def _connect_problem(settings: Settings) -> str | None:
    where = shown_url(settings.database_url)
    engine = create_engine(settings)
    try:
        async with asyncio.timeout(settings.db_connect_timeout_seconds + 2), engine.connect():
            return None
    except Exception as exc:
        cause = _root_cause(exc)
        name = type(cause).__name__
        if name == "InvalidCatalogNameError":
            return f"the database {where} does not exist on its server: create it {_OR_ANOTHER}"
        if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
            return (
                f"the database server at {where} refused the credentials: "
                "fix the user or password in WPS_DATABASE_URL"
            )
        reason = (str(cause).splitlines() or [""])[0][:160] or name
        return f"cannot connect to the database {where} ({reason}): start it, {_OR_ANOTHER}"
    finally:
        await engine.dispose()


def _root_cause(exc: BaseException) -> BaseException:
    seen = exc
    while (
        nested := getattr(seen, "orig", None) or seen.__cause__
    ) is not None and nested is not seen:
        seen = nested
    return seen
