"""The delivery worker: takes due messages from the outbox, signs them (Standard Webhooks),
POSTs them and records every attempt.

Several workers (replicas, `wps worker` processes) may run at once on PostgreSQL: each takes
its batch with FOR UPDATE SKIP LOCKED and pushes the batch's `due_at` a lease ahead before it
sends anything, so no two take the same message; one that dies leaves its batch to the others
once the lease runs out (at-least-once delivery, the same `webhook-id` every time). SQLite
serializes writers, so one worker there.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import random
import ssl
import time
from collections import Counter
from collections.abc import AsyncIterator, Coroutine, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import httpcore
import httpx
import orjson
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks.webhooks import Webhook

from app.core.commit import transaction
from app.core.config import Settings
from app.core.models import utcnow
from app.integrations.changes.recorder import outbox
from app.integrations.webhooks.models import Attempt, Message, Subscription
from app.integrations.webhooks.urls import Target, resolve

logger = logging.getLogger("wps.webhooks")
T = TypeVar("T")

USER_AGENT = "wps-tracker-webhooks/1"
# The most of a reply read (then the connection is dropped): a receiver's body is not our memory.
REPLY_PREFIX_BYTES = 4096
# Control characters (C0, DEL, C1) but newline, return and tab: none reaches a log or terminal.
_CONTROLS = dict.fromkeys(
    c for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\n\r\t"
)


def reply_text(prefix: bytes, cut: bool = False) -> str:
    """The reply's first bytes as text for the delivery log: UTF-8 (invalid bytes replaced),
    control characters but newline, return and tab removed. `cut`: the reply went on, so a
    character split by the cut is dropped rather than shown as a replacement."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    return decoder.decode(prefix[:REPLY_PREFIX_BYTES], final=not cut).translate(_CONTROLS)


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    msg_id: str
    subscription_id: int
    url: str
    secret: str
    payload: dict[str, Any]
    attempts: int


@dataclass(frozen=True, slots=True)
class Outcome:
    claimed: Claimed
    at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int
    # The reply's first bytes (`reply_text`); None when no reply came.
    response_prefix: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def retry_delay(attempts: int, settings: Settings) -> float:
    """Seconds before the next try after `attempts` failed ones: doubling from the base to the
    cap, with ±20% jitter so endpoints that failed together are not retried together."""
    delay = min(
        settings.webhook_retry_base_seconds * 2 ** (attempts - 1),
        settings.webhook_retry_cap_seconds,
    )
    return delay * random.uniform(0.8, 1.2)


def signed_request(claimed: Claimed, at: datetime) -> tuple[bytes, dict[str, str]]:
    body = orjson.dumps(claimed.payload)
    signature = Webhook(claimed.secret).sign(claimed.msg_id, at, body.decode())
    return body, {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": claimed.msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


# The addresses this delivery checked for its host: the connection goes to one of them, never
# to a second resolution's answer (DNS rebinding). Unset: connect by name (private allowed).
_PINNED: ContextVar[Target | None] = ContextVar("webhook_target", default=None)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections to the delivery's checked addresses; the URL keeps its host, so
    the Host header and the TLS server name (and certificate check) are the name's."""

    def __init__(self) -> None:
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        target = _PINNED.get()
        if target is None or not target.addresses:
            return await self._network.connect_tcp(
                host, port, timeout, local_address, socket_options
            )
        if host != target.host:
            raise httpcore.ConnectError("not the host that was checked")
        failed: Exception | None = None
        for address in target.addresses:
            try:
                return await self._network.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failed = exc
        raise failed or httpcore.ConnectError("no address")

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that connects through `_PinnedBackend`."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        # httpx takes no network backend: its pool is replaced by one that has ours.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_PinnedBackend(),
        )


# A cause anywhere in the chain, or words in its messages, and the class it is shown as.
_CAUSES: tuple[tuple[type[BaseException], tuple[str, ...], str], ...] = (
    (ssl.SSLError, ("ssl", "certificate", "tls"), "TLS"),
    (ConnectionRefusedError, ("refused",), "connection refused"),
)
_KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (httpx.ConnectError, "connection failed"),
    (httpx.RemoteProtocolError, "protocol error"),
)


def error_class(exc: BaseException) -> str:
    """A failed delivery's error, as a class that tells the endpoint's owner what to fix and
    nothing of the network behind the service (no addresses, ports or OS messages)."""
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return "timeout"
    chain = _causes(exc)
    text = " ".join(map(str, chain)).lower()
    for kind, words, shown in _CAUSES:
        if _any_is(chain, kind) or any(word in text for word in words):
            return shown
    return next((shown for kind, shown in _KINDS if isinstance(exc, kind)), "connection lost")


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


def _any_is(chain: list[BaseException], kind: type[BaseException]) -> bool:
    return any(isinstance(cause, kind) for cause in chain)


async def _to_its_end(transaction_done: Coroutine[Any, Any, T]) -> T:
    """Await a transaction that a cancellation (the worker stopping) lets end first, so no
    connection is left holding its locks (SQLite's one writer) until it is collected."""
    running = asyncio.ensure_future(transaction_done)
    try:
        return await asyncio.shield(running)
    except asyncio.CancelledError:
        await asyncio.gather(running, return_exceptions=True)
        raise


async def _unread(response: httpx.Response) -> AsyncIterator[bytes]:
    if not response.is_stream_consumed:
        async for chunk in response.aiter_raw():
            yield chunk


class Worker:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Settings,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.settings = settings
        self._client = client
        # Messages being sent, per endpoint (subscription id).
        self._busy: Counter[int] = Counter()

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            limits = httpx.Limits(max_connections=self.settings.webhook_concurrency)
            self._client = httpx.AsyncClient(
                transport=_PinnedTransport(limits),
                follow_redirects=False,
                timeout=self.settings.webhook_timeout_seconds,
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def claim(self, room: int | None = None) -> list[Claimed]:
        """Take up to a batch (and up to `room`) of due messages, leased to this worker."""
        async with transaction(self.sessionmaker) as session:
            return await self._claim(session, room)

    async def _claim(self, session: AsyncSession, room: int | None) -> list[Claimed]:
        """Due messages for enabled endpoints, no more per endpoint than it may have in
        flight: a slow endpoint's backlog does not fill the batch and hold back the others."""
        now = utcnow()
        per_endpoint = self.settings.webhook_endpoint_concurrency
        full = [sub for sub, busy in self._busy.items() if busy >= per_endpoint]
        due = (
            select(
                Message.id,
                func.row_number()
                .over(partition_by=Message.subscription_id, order_by=(Message.due_at, Message.id))
                .label("rank"),
            )
            .join(Subscription, Subscription.id == Message.subscription_id)
            .where(
                Message.state == "pending",
                Message.due_at <= now,
                Subscription.enabled.is_(True),
                Message.subscription_id.not_in(full),
            )
            .subquery()
        )
        first = select(due.c.id).where(due.c.rank <= per_endpoint)
        limit = min(self.settings.webhook_batch, room or self.settings.webhook_batch)
        stmt = (
            select(Message.id, Message.subscription_id)
            .where(Message.id.in_(first))
            .order_by(Message.due_at, Message.id)
            .limit(limit)
        )
        # Concurrent workers skip each other's messages (SQLite, with one writer, has no such
        # clause and renders none).
        stmt = stmt.with_for_update(skip_locked=True, of=Message)
        taken: Counter[int] = Counter()
        ids = []
        for message_id, sub_id in (await session.execute(stmt)).all():
            if self._busy[sub_id] + taken[sub_id] < per_endpoint:
                taken[sub_id] += 1
                ids.append(message_id)
        if not ids:
            return []
        lease = now + timedelta(seconds=self.settings.webhook_lease_seconds)
        await session.execute(update(Message).where(Message.id.in_(ids)).values(due_at=lease))
        rows = await session.execute(
            select(
                Message.id,
                Message.msg_id,
                Message.subscription_id,
                Subscription.url,
                Subscription.secret,
                Message.payload,
                Message.attempts,
            )
            .join(Subscription, Subscription.id == Message.subscription_id)
            .where(Message.id.in_(ids))
            .order_by(Message.id)
        )
        return [Claimed(*row) for row in rows.all()]

    async def send(self, claimed: Claimed) -> Outcome:
        """One attempt, within the delivery deadline (`webhook_timeout_seconds`, lookup to
        last byte read): the host resolved once and checked, the connection made to a checked
        address, and no more of the reply read than `REPLY_PREFIX_BYTES`."""
        at = utcnow()
        started = time.perf_counter()
        status_code: int | None = None
        error: str | None = None
        reply: str | None = None
        try:
            async with asyncio.timeout(self.settings.webhook_timeout_seconds):
                target = await resolve(
                    claimed.url, self.settings.webhook_allow_private, must_resolve=True
                )
                if isinstance(target, str):
                    error = f"not sent: the URL {target}"
                else:
                    status_code, error, reply = await self._post(claimed, at, target)
        except TimeoutError:
            error = "timeout"
        elapsed = int((time.perf_counter() - started) * 1000)
        return Outcome(claimed, at, status_code, error, elapsed, reply)

    async def _post(
        self, claimed: Claimed, at: datetime, target: Target
    ) -> tuple[int | None, str | None, str | None]:
        """The status, the error and the reply's first bytes as text (`reply_text`)."""
        body, headers = signed_request(claimed, at)
        pinned = _PINNED.set(target)
        try:
            async with self.client().stream(
                "POST", claimed.url, content=body, headers=headers
            ) as response:
                # A few KiB at most (a short body completes and keeps the connection); the
                # rest is never read: closing drops the connection.
                prefix = bytearray()
                # (A transport that already read the body, like httpx's mock, has nothing left
                # to stream: its body is at hand.)
                if response.is_stream_consumed:
                    prefix += response.content[: REPLY_PREFIX_BYTES + 1]
                async for chunk in _unread(response):
                    prefix += chunk[: REPLY_PREFIX_BYTES + 1 - len(prefix)]
                    if len(prefix) > REPLY_PREFIX_BYTES:
                        break
        except httpx.HTTPError as exc:
            return None, error_class(exc), None
        finally:
            _PINNED.reset(pinned)
        reply = reply_text(bytes(prefix), cut=len(prefix) > REPLY_PREFIX_BYTES)
        status_code = response.status_code
        if 200 <= status_code < 300:
            return status_code, None, reply
        redirect = " (redirects are not followed)" if response.is_redirect else ""
        return status_code, f"HTTP {status_code}{redirect}", reply

    async def record(self, outcomes: list[Outcome]) -> None:
        """Record each attempt and what follows: delivered, retried later, or given up (and
        the endpoint disabled: it has failed for the whole retry schedule)."""
        async with transaction(self.sessionmaker) as session:
            await self._record(session, outcomes)

    async def record_and_claim(self, outcomes: list[Outcome], room: int) -> list[Claimed]:
        """`record` the outcomes and `claim` up to `room` more, in one transaction."""
        async with transaction(self.sessionmaker) as session:
            if outcomes:
                await self._record(session, outcomes)
            return await self._claim(session, room) if room > 0 else []

    async def _record(self, session: AsyncSession, outcomes: list[Outcome]) -> None:
        now = utcnow()
        # A message whose subscription was deleted meanwhile is gone with it.
        ids = [o.claimed.id for o in outcomes]
        kept = set((await session.scalars(select(Message.id).where(Message.id.in_(ids)))).all())
        outcomes = [o for o in outcomes if o.claimed.id in kept]
        session.add_all(
            Attempt(
                message_id=o.claimed.id,
                subscription_id=o.claimed.subscription_id,
                attempted_at=o.at,
                status_code=o.status_code,
                error=o.error,
                response_prefix=o.response_prefix,
                duration_ms=o.duration_ms,
                succeeded=o.succeeded,
            )
            for o in outcomes
        )
        delivered = [o.claimed.id for o in outcomes if o.succeeded]
        if delivered:
            await session.execute(
                update(Message)
                .where(Message.id.in_(delivered))
                .values(state="delivered", attempts=Message.attempts + 1)
            )
        given_up: set[int] = set()
        for o in outcomes:
            if o.succeeded:
                continue
            made = o.claimed.attempts + 1
            last = made >= self.settings.webhook_max_attempts
            if last:
                given_up.add(o.claimed.subscription_id)
            due = now + timedelta(seconds=retry_delay(made, self.settings))
            await session.execute(
                update(Message)
                .where(Message.id == o.claimed.id)
                .values(
                    attempts=made,
                    state="failed" if last else "pending",
                    due_at=now if last else due,
                )
            )
        healthy = {o.claimed.subscription_id for o in outcomes if o.succeeded}
        failing = {o.claimed.subscription_id for o in outcomes if not o.succeeded} - healthy
        if healthy:
            await session.execute(
                update(Subscription)
                .where(Subscription.id.in_(healthy), Subscription.failing_since.is_not(None))
                .values(failing_since=None, version=Subscription.version + 1)
            )
        if failing:
            await session.execute(
                update(Subscription)
                .where(Subscription.id.in_(failing), Subscription.failing_since.is_(None))
                .values(failing_since=now, version=Subscription.version + 1)
            )
        if given_up:
            reason = (
                f"disabled after {self.settings.webhook_max_attempts} failed attempts "
                "to deliver one message"
            )
            await session.execute(
                update(Subscription)
                .where(Subscription.id.in_(given_up), Subscription.enabled.is_(True))
                .values(
                    enabled=False,
                    disabled_reason=reason,
                    version=Subscription.version + 1,
                )
            )
            logger.warning("webhook endpoints disabled", extra={"endpoints": sorted(given_up)})

    def _start(self, claimed: list[Claimed]) -> set[asyncio.Task[Outcome]]:
        async def sending(one: Claimed) -> Outcome:
            try:
                return await self.send(one)
            finally:
                self._busy[one.subscription_id] -= 1
                if self._busy[one.subscription_id] <= 0:
                    del self._busy[one.subscription_id]

        for one in claimed:
            self._busy[one.subscription_id] += 1
        return {asyncio.create_task(sending(one)) for one in claimed}

    async def run_once(self) -> int:
        """Deliver one batch, recording each attempt as it ends (a slow endpoint holds back
        only its own); the number of messages tried."""
        claimed = await self.claim()
        sending = self._start(claimed)
        while sending:
            done, sending = await asyncio.wait(sending, return_when=asyncio.FIRST_COMPLETED)
            await self.record([task.result() for task in done])
        return len(claimed)

    async def run_forever(self) -> None:
        """Deliver until cancelled, with no barrier between deliveries: up to
        `webhook_concurrency` in flight (`webhook_endpoint_concurrency` per endpoint). Once
        half an endpoint's worth of places are free, one transaction records the deliveries
        that ended and claims messages for the free places. It looks for messages after a
        commit in this process that wrote some, or each poll interval (other processes')."""
        settings = self.settings
        refill = max(
            1, min(settings.webhook_concurrency, settings.webhook_endpoint_concurrency) // 2
        )
        sending: set[asyncio.Task[Outcome]] = set()
        ended: list[Outcome] = []
        try:
            while True:
                room = settings.webhook_concurrency - len(sending)
                more = False
                if room >= refill or not sending:
                    try:
                        claimed = await _to_its_end(self.record_and_claim(ended, room))
                    except Exception as exc:  # the database may be down a while; try again
                        logger.warning(
                            "webhook delivery failed", extra={"error": type(exc).__name__}
                        )
                        await asyncio.sleep(settings.webhook_poll_seconds)
                        continue
                    ended = []
                    sending |= self._start(claimed)
                    more = len(claimed) == min(settings.webhook_batch, room)
                if not more:
                    woken = asyncio.create_task(outbox.wait(settings.webhook_poll_seconds))
                    await asyncio.wait({woken, *sending}, return_when=asyncio.FIRST_COMPLETED)
                    woken.cancel()
                done = {task for task in sending if task.done()}
                sending -= done
                ended += [task.result() for task in done]
        finally:
            for task in sending:
                task.cancel()
            await asyncio.gather(*sending, return_exceptions=True)
            await self.aclose()
