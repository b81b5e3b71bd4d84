"""Idempotency-Key: a retried POST replays the first response instead of acting twice.

The key is reserved in its own one-statement transaction (so concurrent duplicates see it at
once), and the response is stored in the request's transaction, so it is durable exactly when
the change is. A request that fails releases its key, so a corrected retry may reuse it.

A route only declares `IdempotencyKey` (or `RequiredIdempotencyKey`) in its signature and
returns its response; `IdempotentRoute`, its router's route class, stores that response.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Annotated, Any, cast

import asyncpg
from fastapi import Depends, FastAPI, Header, Request
from fastapi.routing import APIRoute
from sqlalchemy import (
    JSON,
    BigInteger,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, Session, mapped_column
from starlette.responses import Response

from app.core.config import Settings
from app.core.contract import REQUIRED_HEADER
from app.core.db import DriverSql, SessionDep, on_rollback, session_driver
from app.core.errors import BadRequest, Conflict, Unprocessable
from app.core.models import Base, IdMixin, UTCDateTime, utcnow
from app.core.security import authenticate_request

IN_FLIGHT, DONE = "in_flight", "done"
REPLAYED_HEADERS = ("location", "etag", "content-type")
_HANDLE = "wps.idempotency"  # the request scope's slot for the reserved key

logger = logging.getLogger("wps.idempotency")


class IdempotencyRecord(IdMixin, Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("api_key_id", "key"),)

    api_key_id: Mapped[int] = mapped_column(BigInteger)
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSON)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


# The reserved record and the time that fences it (renewed by a takeover).
Reservation = tuple[int, datetime]


class Replay(Exception):
    """Raised to short-circuit a request whose key already has a stored response."""

    def __init__(self, record: IdempotencyRecord) -> None:
        # Rendered now, while `record` is loaded: leaving the session's block expires it.
        self.response = replay_response(record)


def replay_response(record: IdempotencyRecord) -> Response:
    headers = dict(record.response_headers or {})
    headers["Idempotent-Replayed"] = "true"
    return Response(
        record.response_body or b"", status_code=record.response_status or 200, headers=headers
    )


IDEMPOTENCY_KEYS = cast(Table, IdempotencyRecord.__table__)
_records = IDEMPOTENCY_KEYS.c
# Built once (every idempotent request runs it): the response kept, if the reservation is
# still this request's (its id and its time) and still in flight. Its twin in SQL text is the
# `reply` part of the statement that numbers changes (app/integrations/changes/recorder.py).
_STORE = (
    update(IDEMPOTENCY_KEYS)
    .where(
        _records.id == bindparam("record_id"),
        _records.created_at == bindparam("reserved_at"),
        _records.state == IN_FLIGHT,
    )
    .values(
        state=DONE,
        response_status=bindparam("response_status"),
        response_headers=bindparam("response_headers"),
        response_body=bindparam("response_body"),
    )
)

# session.info: the reply its transaction is to keep. On PostgreSQL the statement that numbers
# the transaction's changes writes it too (app/integrations/changes/recorder.py), one round trip
# fewer; otherwise `keep_replies` does, just before the commit.
REPLY = "wps.idempotency.reply"


def lease_lost() -> Conflict:
    """Fails the request, so its transaction rolls back: the retry's result stands."""
    return Conflict(
        "this request outlived its Idempotency-Key lease and a retry took the key over;"
        " its changes were not kept"
    )


@event.listens_for(Session, "before_commit")
def keep_replies(session: Session) -> None:
    """Write the reply handed over by `Idempotency.store` (unless a statement took it)."""
    reply = session.info.pop(REPLY, None)
    if reply is not None and session.connection().execute(_STORE, reply).rowcount != 1:
        raise lease_lost()


@event.listens_for(Session, "after_rollback")
def _forget_reply(session: Session) -> None:
    session.info.pop(REPLY, None)


class Idempotency:
    """The key a request reserved; `store()` keeps its response in the request's transaction."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        session: AsyncSession,
        reservation: Reservation,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._session = session
        self.record_id, self.reserved_at = reservation

    def _ours(self) -> Any:
        # The reservation is fenced by its time: a retry that took the key over after the
        # lease renewed it, and then this request may neither store nor release it.
        return (IdempotencyRecord.id == self.record_id) & (
            IdempotencyRecord.created_at == self.reserved_at
        )

    def store(self, response: Response) -> None:
        """Keep `response` for replays: written just before the transaction commits (see
        `keep_replies`), so it is durable exactly when the change is."""
        headers = {k: v for k, v in response.headers.items() if k in REPLAYED_HEADERS}
        self._session.info[REPLY] = {
            "record_id": self.record_id,
            "reserved_at": self.reserved_at,
            "response_status": response.status_code,
            "response_headers": headers,
            "response_body": bytes(response.body),
        }

    async def release(self) -> None:
        async with self._sessionmaker() as session, session.begin():
            await session.execute(
                delete(IdempotencyRecord).where(self._ours(), IdempotencyRecord.state == IN_FLIGHT)
            )


def _request_hash(request: Request, body: bytes) -> str:
    """The method, path, query and body. Read from the ASGI scope: building `request.url`
    costs more than the digest (and gives these same bytes for every path this API has)."""
    scope = request.scope
    digest = hashlib.sha256()
    digest.update(f"{scope['method']} {scope['path']}?".encode())
    digest.update(scope.get("query_string", b""))
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


# One statement, built once (and compiled once for the driver).
_RESERVE = (
    insert(IDEMPOTENCY_KEYS)
    .values({c: bindparam(c) for c in ("api_key_id", "key", "request_hash", "state", "created_at")})
    .returning(IDEMPOTENCY_KEYS.c.id)
)
_PG_RESERVE = DriverSql.of(_RESERVE)


async def _insert_reservation(
    engine: AsyncEngine, session: AsyncSession, api_key_id: int, key: str, request_hash: str
) -> Reservation | None:
    """Reserve the key in a transaction of its own, committed at once so a concurrent
    duplicate sees it; None when the key is taken. On PostgreSQL the insert runs on the
    request's own connection before its transaction begins (SQLAlchemy sends BEGIN with the
    first statement of the session), so in autocommit, as one round trip; elsewhere it runs on
    a pooled connection without a session."""
    at = utcnow()
    values = {
        "api_key_id": api_key_id,
        "key": key,
        "request_hash": request_hash,
        "state": IN_FLIGHT,
        "created_at": at,
    }
    if engine.dialect.name == "postgresql":
        driver = await session_driver(session, begun=False)
        if not driver.is_in_transaction():
            try:
                record_id = await driver.fetchval(_PG_RESERVE.text, *_PG_RESERVE.args(values))
            except asyncpg.UniqueViolationError:
                # Taken. What follows reads the key on a connection of its own, so this one
                # goes back to the pool first (the session takes another when next used):
                # concurrent duplicates must not each hold one while they wait for another.
                await session.close()
                return None
            return record_id, at
    try:
        async with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                await conn.execution_options(isolation_level="AUTOCOMMIT")
            record_id = (await conn.execute(_RESERVE, values)).scalar_one()
            await conn.commit()  # SQLite: ends the transaction the insert began
    except IntegrityError:
        return None
    return record_id, at


async def _reserve(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    api_key_id: int,
    key: str,
    request_hash: str,
    ttl: timedelta,
    lease: timedelta,
) -> Reservation:
    for _ in range(3):
        reserved = await _insert_reservation(engine, session, api_key_id, key, request_hash)
        if reserved is not None:
            return reserved
        async with sessionmaker() as lookup, lookup.begin():
            existing = await lookup.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.api_key_id == api_key_id, IdempotencyRecord.key == key
                )
            )
            if existing is None:
                continue
            record = existing
            age = utcnow() - record.created_at
            expired = age > ttl if record.state == DONE else age > lease
            if not expired:
                if record.request_hash != request_hash:
                    raise Unprocessable(
                        "Idempotency-Key was already used with a different request body",
                        errors=[
                            {
                                "parameter": "Idempotency-Key",
                                "location": "header",
                                "detail": "reused with a different request",
                            }
                        ],
                    )
                if record.state == DONE:
                    raise Replay(record)
                raise Conflict("a request with this Idempotency-Key is still in progress")
            # An abandoned or expired key: take it over, unless another request just did
            # (or its first runner finished meanwhile: the state is part of the condition).
            now = utcnow()
            taken = await lookup.execute(
                update(IdempotencyRecord)
                .where(
                    IdempotencyRecord.id == record.id,
                    IdempotencyRecord.created_at == record.created_at,
                    IdempotencyRecord.state == record.state,
                )
                .values(
                    request_hash=request_hash,
                    state=IN_FLIGHT,
                    created_at=now,
                    response_status=None,
                    response_headers=None,
                    response_body=None,
                )
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                return record.id, now
    raise Conflict("a request with this Idempotency-Key is still in progress")


def idempotency(required: bool = False) -> Any:
    async def dependency(
        request: Request,
        session: SessionDep,
        idempotency_key: Annotated[
            str | None,
            Header(
                alias="Idempotency-Key",
                min_length=1,
                max_length=255,
                pattern=r"^[\x21-\x7e]+$",
                description="Retry-safe key: the same key and body replay the first response",
            ),
        ] = None,
    ) -> str | None:
        if idempotency_key is None:
            if required:
                raise BadRequest(
                    "Idempotency-Key header is required",
                    errors=[
                        {"parameter": "Idempotency-Key", "location": "header", "detail": "required"}
                    ],
                )
            return None
        if not isinstance(request.scope.get("route"), IdempotentRoute):
            # Nothing would store the reply: refuse rather than act without a replay.
            raise RuntimeError(f"{request.url.path}: its router needs route_class=IdempotentRoute")
        # The key is the caller's: authenticated by the route's own gate already (or now).
        principal = await authenticate_request(request)
        sessionmaker = request.app.state.sessionmaker
        settings = request.app.state.settings
        reservation = await _reserve(
            request.app.state.engine,
            sessionmaker,
            session,
            principal.key_id,
            idempotency_key,
            _request_hash(request, await request.body()),
            timedelta(hours=settings.idempotency_ttl_hours),
            timedelta(seconds=settings.idempotency_lease_seconds),
        )
        handle = Idempotency(sessionmaker, session, reservation)
        # Released only after the request's transaction has rolled back: on SQLite that
        # transaction holds the write lock the release needs.
        on_rollback(session, handle.release)
        request.scope[_HANDLE] = handle
        return idempotency_key

    if required:
        setattr(dependency, REQUIRED_HEADER, "Idempotency-Key")
    return Depends(dependency)


IdempotencyKey = Annotated[str | None, idempotency()]
RequiredIdempotencyKey = Annotated[str, idempotency(required=True)]


class IdempotentRoute(APIRoute):
    """Keeps the response of a request that reserved an Idempotency-Key.

    The handler runs inside the function-scoped session dependency, so the response is
    handed over before the request's transaction commits (which writes it) and before it is
    sent. A route declaring the key under another route class is refused before it acts.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def store_response(request: Request) -> Response:
            response = await handler(request)
            handle: Idempotency | None = request.scope.get(_HANDLE)
            if handle is not None:
                handle.store(response)
            return response

        return store_response


async def purge_expired(session: AsyncSession, ttl_hours: int, limit: int) -> int:
    """Delete up to `limit` records older than the TTL (their replies hold personal data)."""
    oldest = (
        select(IdempotencyRecord.id)
        .where(IdempotencyRecord.created_at < utcnow() - timedelta(hours=ttl_hours))
        .order_by(IdempotencyRecord.created_at)
        .limit(limit)
    )
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.id.in_(oldest.scalar_subquery()))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def purge_periodically(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    """Run inside `wps serve`: one bounded purge every WPS_IDEMPOTENCY_PURGE_INTERVAL_SECONDS."""
    while True:
        await asyncio.sleep(settings.idempotency_purge_interval_seconds)
        try:
            async with sessionmaker() as session, session.begin():
                purged = await purge_expired(
                    session, settings.idempotency_ttl_hours, settings.idempotency_purge_batch
                )
        except Exception as exc:  # the database may be down for a while; try again next time
            logger.warning("idempotency purge failed", extra={"error": type(exc).__name__})
            continue
        if purged:
            logger.info("purged expired idempotency records", extra={"purged": purged})


def install_replay_handler(app: FastAPI) -> None:
    @app.exception_handler(Replay)
    async def _replay(request: Request, exc: Replay) -> Response:
        return exc.response
