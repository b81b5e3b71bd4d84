"""Idempotency-Key: a retried POST replays the first response instead of acting twice.

The key is reserved in its own one-statement transaction (so concurrent duplicates see it at
once), and the response is kept by the request's transaction (the reply's participant in the
commit step, app/core/commit.py), so it is durable exactly when the change is. A request that
fails releases its key, so a corrected retry may reuse it.

A route only declares `IdempotencyKey` (or `RequiredIdempotencyKey`) in its signature and
returns its response; `IdempotentRoute`, its router's route class, stores that response.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Coroutine, Mapping
from datetime import datetime, timedelta
from typing import Annotated, Any, cast

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
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column
from starlette.responses import Response

from app.core import driver
from app.core.commit import Part, Participant, Work, rows_written, work
from app.core.config import Settings
from app.core.contract import REQUIRED_HEADER
from app.core.db import SessionDep, on_rollback
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

    def __init__(self, stored: Mapping[str, Any]) -> None:
        self.response = replay_response(stored)


def replay_response(stored: Mapping[str, Any]) -> Response:
    """The kept response (its status, replayed headers and body), marked as a replay."""
    headers = dict(stored["response_headers"] or {})
    headers["Idempotent-Replayed"] = "true"
    return Response(
        stored["response_body"] or b"",
        status_code=stored["response_status"] or 200,
        headers=headers,
    )


IDEMPOTENCY_KEYS = cast(Table, IdempotencyRecord.__table__)
_records = IDEMPOTENCY_KEYS.c
# Built once (every idempotent request runs it): the response kept, if the reservation is
# still this request's (its id and its time) and still in flight.
_STORE = (
    update(IDEMPOTENCY_KEYS)
    .where(
        _records.id == bindparam("reply_record_id"),
        _records.created_at == bindparam("reply_reserved_at"),
        _records.state == IN_FLIGHT,
    )
    .values(
        state=DONE,
        response_status=bindparam("reply_status"),
        response_headers=bindparam("reply_headers"),
        response_body=bindparam("reply_body"),
    )
    .returning(_records.id)
)


def lease_lost() -> Conflict:
    """Fails the request, so its transaction rolls back: the retry's result stands."""
    return Conflict(
        "this request outlived its Idempotency-Key lease and a retry took the key over;"
        " its changes were not kept"
    )


class ReplyKeeper(Participant):
    """The reply handed over by `Idempotency.store`, kept in the request's transaction; a
    reservation that is no longer this request's fails it (`lease_lost`)."""

    name = "reply"

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        return work.reply is not None

    def binds(self, work: Work) -> dict[str, Any]:
        assert work.reply is not None
        return work.reply

    def part(self, session: AsyncSession) -> Part:
        kept = _STORE.cte("reply")
        return Part(ctes=[kept], result=rows_written(kept))

    async def step(self, session: AsyncSession, work: Work) -> Any:
        return len(await driver.rows(session, _STORE, work.reply))

    async def after(self, session: AsyncSession, work: Work, result: Any) -> None:
        if result != 1:
            raise lease_lost()


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
        `ReplyKeeper`), so it is durable exactly when the change is."""
        headers = {k: v for k, v in response.headers.items() if k in REPLAYED_HEADERS}
        work(self._session).keep_reply(
            {
                "reply_record_id": self.record_id,
                "reply_reserved_at": self.reserved_at,
                "reply_status": response.status_code,
                "reply_headers": headers,
                "reply_body": bytes(response.body),
            }
        )

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


# One statement, built once (and compiled once by the executor).
_RESERVE = (
    insert(IDEMPOTENCY_KEYS)
    .values({c: bindparam(c) for c in ("api_key_id", "key", "request_hash", "state", "created_at")})
    .returning(IDEMPOTENCY_KEYS.c.id)
)
_LOOKUP = select(_records.id, _records.request_hash, _records.state, _records.created_at).where(
    _records.api_key_id == bindparam("api_key_id"), _records.key == bindparam("key")
)
# An abandoned or expired key taken over, unless another request just did (or its first
# runner finished meanwhile: the state is part of the condition).
_TAKE_OVER = (
    update(IDEMPOTENCY_KEYS)
    .where(
        _records.id == bindparam("found_id"),
        _records.created_at == bindparam("found_at"),
        _records.state == bindparam("found_state"),
    )
    .values(
        request_hash=bindparam("request_hash"),
        state=IN_FLIGHT,
        created_at=bindparam("now"),
        response_status=None,
        response_headers=None,
        response_body=None,
    )
    .returning(_records.id)
)


async def _insert_reservation(
    session: AsyncSession, api_key_id: int, key: str, request_hash: str
) -> Reservation | None:
    """Reserve the key committed on its own, so a concurrent duplicate sees it at once (on
    PostgreSQL on the request's own connection before its transaction begins: one round
    trip); None when the key is taken."""
    at = utcnow()
    values = {
        "api_key_id": api_key_id,
        "key": key,
        "request_hash": request_hash,
        "state": IN_FLIGHT,
        "created_at": at,
    }
    try:
        (row,) = await driver.on_its_own(session, _RESERVE, values)
    except IntegrityError:
        return None
    return row["id"], at


async def _reserve(
    session: AsyncSession,
    api_key_id: int,
    key: str,
    request_hash: str,
    ttl: timedelta,
    lease: timedelta,
) -> Reservation:
    for _ in range(3):
        reserved = await _insert_reservation(session, api_key_id, key, request_hash)
        if reserved is not None:
            return reserved
        found = await driver.on_its_own(session, _LOOKUP, {"api_key_id": api_key_id, "key": key})
        if not found:
            continue
        (record,) = found
        age = utcnow() - record["created_at"]
        expired = age > ttl if record["state"] == DONE else age > lease
        if not expired:
            if record["request_hash"] != request_hash:
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
            if record["state"] == DONE:
                raise Replay(await _stored(session, record["id"]))
            raise Conflict("a request with this Idempotency-Key is still in progress")
        now = utcnow()
        taken = await driver.on_its_own(
            session,
            _TAKE_OVER,
            {
                "found_id": record["id"],
                "found_at": record["created_at"],
                "found_state": record["state"],
                "request_hash": request_hash,
                "now": now,
            },
        )
        if taken:
            return record["id"], now
    raise Conflict("a request with this Idempotency-Key is still in progress")


_STORED = select(_records.response_status, _records.response_headers, _records.response_body).where(
    _records.id == bindparam("record_id")
)


async def _stored(session: AsyncSession, record_id: int) -> driver.Row:
    (found,) = await driver.on_its_own(session, _STORED, {"record_id": record_id})
    return found


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
