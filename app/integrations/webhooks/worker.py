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
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import orjson
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks.webhooks import Webhook

from app.core.commit import transaction
from app.core.config import Settings
from app.core.models import utcnow
from app.integrations.changes.recorder import outbox
from app.integrations.webhooks.models import Attempt, Message, Subscription
from app.integrations.webhooks.urls import refusal

logger = logging.getLogger("wps.webhooks")

USER_AGENT = "wps-tracker-webhooks/1"
ERROR_CHARS = 300


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

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                follow_redirects=False,
                timeout=self.settings.webhook_timeout_seconds,
                limits=httpx.Limits(max_connections=self.settings.webhook_concurrency),
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def claim(self) -> list[Claimed]:
        """Take up to a batch of due messages for enabled endpoints, leased to this worker."""
        now = utcnow()
        async with transaction(self.sessionmaker) as session:
            stmt = (
                select(Message.id)
                .join(Subscription, Subscription.id == Message.subscription_id)
                .where(
                    Message.state == "pending",
                    Message.due_at <= now,
                    Subscription.enabled.is_(True),
                )
                .order_by(Message.due_at, Message.id)
                .limit(self.settings.webhook_batch)
            )
            # Concurrent workers skip each other's messages (SQLite, with one writer, has no such
            # clause and renders none).
            stmt = stmt.with_for_update(skip_locked=True, of=Message)
            ids = list((await session.execute(stmt)).scalars())
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
        at = utcnow()
        started = time.perf_counter()
        status_code: int | None = None
        error: str | None = None
        refused = await refusal(claimed.url, self.settings.webhook_allow_private, must_resolve=True)
        if refused is not None:
            error = f"not sent: the URL {refused}"
        else:
            body, headers = signed_request(claimed, at)
            try:
                response = await self.client().post(claimed.url, content=body, headers=headers)
                status_code = response.status_code
                if not 200 <= status_code < 300:
                    error = f"HTTP {status_code}" + (
                        " (redirects are not followed)" if response.is_redirect else ""
                    )
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {str(exc)[:ERROR_CHARS]}".rstrip(": ")
        elapsed = int((time.perf_counter() - started) * 1000)
        return Outcome(claimed, at, status_code, error, elapsed)

    async def record(self, outcomes: list[Outcome]) -> None:
        """Record each attempt and what follows: delivered, retried later, or given up (and
        the endpoint disabled: it has failed for the whole retry schedule)."""
        now = utcnow()
        async with transaction(self.sessionmaker) as session:
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

    async def run_once(self) -> int:
        """Deliver one batch; the number of messages tried."""
        claimed = await self.claim()
        if not claimed:
            return 0
        limit = asyncio.Semaphore(self.settings.webhook_concurrency)

        async def bounded(one: Claimed) -> Outcome:
            async with limit:
                return await self.send(one)

        outcomes = list(await asyncio.gather(*(bounded(one) for one in claimed)))
        await self.record(outcomes)
        return len(outcomes)

    async def run_forever(self) -> None:
        """Deliver until cancelled: straight on while there is work, else wait for a commit in
        this process that wrote messages or the poll interval (other processes' commits)."""
        try:
            while True:
                try:
                    tried = await self.run_once()
                except Exception as exc:  # the database may be down a while; try again
                    logger.warning("webhook delivery failed", extra={"error": type(exc).__name__})
                    tried = 0
                    await asyncio.sleep(self.settings.webhook_poll_seconds)
                if not tried:
                    await outbox.wait(self.settings.webhook_poll_seconds)
        finally:
            await self.aclose()
