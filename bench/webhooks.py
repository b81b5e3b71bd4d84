"""Webhook delivery: 1,000 nomination status changes to a receiver vs 1,000 prepared requests
(not part of the test run).

    .venv/bin/python -m bench.webhooks --database-url sqlite+aiosqlite:////tmp/wps-hooks.db
    .venv/bin/python -m bench.webhooks --database-url postgresql+asyncpg://postgres@127.0.0.1/wps_bench

A receiver (uvicorn, one worker, its own process, answering 204) counts what it is sent; a
second endpoint on it stalls every delivery (cut at the worker's deadline), subscribed to the
same events. Per round: (1) the floor: the delivery worker's `send` (sign + POST, the same
client and receiver, as many at once as the worker sends to one endpoint) of 1,000 prepared
messages, no database; (2) the service: 1,000 nominations move
submitted → under_review through the service (each its own transaction: the audit event, the
change-feed row and the outbox message commit with it), then the worker, started once they
are all committed, delivers them: timed until the receiver has counted all 1,000 (claims,
leases, signing, sending and recording every attempt). Also shown: end to end, the worker
running while the changes are made, from the first change to the last receipt.
Aim: (2) under 2x (1).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

import httpx
from sqlalchemy import delete, select

from app import transactions, visibility  # noqa: F401 - visibility: declared at import
from app.apikeys.service import create_key
from app.cli import migrate
from app.core.commit import commit, transaction
from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker
from app.core.security import Principal, Role
from app.imet.nominations.models import Nomination, TransitionReason
from app.imet.nominations.schemas import NominationCreate, NominationStatus
from app.imet.nominations.service import create_nomination, transition
from app.integrations.webhooks.models import Message, Subscription
from app.integrations.webhooks.worker import Claimed, Worker
from app.seed import seed_reference_data

N = 1000
WRITERS = 8
RECEIVER = """
import asyncio
import uvicorn
count = 0
async def app(scope, receive, send):
    global count
    if scope["type"] != "http":
        return
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    if scope["method"] == "POST" and scope["path"] == "/slow":
        await asyncio.sleep(60)  # a stalled receiver: cut at the worker's deadline, not counted
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
    elif scope["method"] == "POST":
        count += 1
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
    else:
        body = str(count).encode()
        if scope["path"] == "/reset":
            count = 0
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=PORT, log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def received(base: str, reset: bool = False) -> int:
    async with httpx.AsyncClient() as client:
        return int((await client.get(f"{base}/{'reset' if reset else 'count'}")).text)


async def wait_for(base: str, count: int) -> None:
    # One client for the whole wait: a new one per look costs more CPU than the look.
    async with httpx.AsyncClient() as client:
        while int((await client.get(f"{base}/count")).text) < count:
            await asyncio.sleep(0.01)


async def floor(worker: Worker, url: str, base: str) -> float:
    await received(base, reset=True)
    payload = {
        "type": "nomination.status_changed",
        "timestamp": datetime.now(UTC).isoformat(),
        "data": {
            "resource": "nomination",
            "id": "1",
            "seq": 1,
            "action": "transition",
            "changed_fields": ["status"],
            "from": "submitted",
            "to": "under_review",
        },
    }
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    prepared = [Claimed(i, f"msg_{i}", 1, url, secret, payload, 0) for i in range(N)]
    # As many at once as the worker sends to one endpoint.
    settings = worker.settings
    limit = asyncio.Semaphore(
        min(settings.webhook_concurrency, settings.webhook_endpoint_concurrency)
    )

    async def one(claimed: Claimed) -> None:
        async with limit:
            outcome = await worker.send(claimed)
            assert outcome.succeeded, outcome.error

    started = time.perf_counter()
    await asyncio.gather(*(one(c) for c in prepared))
    elapsed = time.perf_counter() - started
    assert await received(base) == N
    return elapsed


async def nominations(sessionmaker, admin: Principal, round_: int) -> list[int]:
    ids = []
    for i in range(N):
        if i % 50 == 0:  # small transactions: a session's flush grows with what it holds
            session = sessionmaker()
            await session.begin()
        body = NominationCreate.model_validate(
            {
                **NominationCreate.example,
                "partner": "KEN",
                "fiscal_year": datetime.now(UTC).year + 1,
                "external_ref": f"BENCH-{round_}-{i}",
            }
        )
        ids.append((await create_nomination(session, admin, body)).id)
        if i % 50 == 49 or i == N - 1:
            await commit(session)  # the commit step writes the audit and change rows
            await session.close()
    return ids


async def move_all(sessionmaker, admin: Principal, ids: list[int], writers: int) -> None:
    queue = list(ids)

    async def writer() -> None:
        while queue:
            nomination_id = queue.pop()
            async with transaction(sessionmaker) as session:
                await transition(
                    session, admin, nomination_id, NominationStatus.under_review, None, None
                )

    await asyncio.gather(*(writer() for _ in range(writers)))


async def clear(sessionmaker) -> None:
    async with transaction(sessionmaker) as session:
        await session.execute(delete(Message))
        await session.execute(delete(TransitionReason))
        await session.execute(delete(Nomination))


async def run(url: str, rounds: int) -> None:
    transactions.register()  # the commit step's audit, change and outbox writers
    await asyncio.to_thread(migrate, "heads", database_url=url)
    settings = Settings(
        database_url=url,
        log_level="WARNING",
        webhook_allow_private=True,
        webhook_poll_seconds=0.05,
        _env_file=None,
    )  # type: ignore[call-arg]
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)
    async with transaction(sessionmaker) as session:
        await seed_reference_data(session)
        key, _ = await create_key(session, None, name="bench", role=Role.admin)
    admin = Principal(key_id=key.id, role=Role.admin)
    writers = 1 if settings.is_sqlite else WRITERS  # SQLite has one writer at a time anyway
    port = free_port()
    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER.replace("PORT", str(port))])
    base = f"http://127.0.0.1:{port}"
    hook = f"{base}/hook"
    try:
        for _ in range(100):
            try:
                await received(base)
                break
            except httpx.HTTPError:
                await asyncio.sleep(0.1)
        async with transaction(sessionmaker) as session:
            await session.execute(delete(Subscription))
            # The measured endpoint, and a stalled one subscribed to the same events.
            session.add_all(
                Subscription(
                    url=url,
                    events=["nomination.status_changed"],
                    enabled=True,
                    secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                )
                for url in (hook, f"{base}/slow")
            )
        floors, drains, ends = [], [], []
        for round_ in range(rounds):
            worker = Worker(sessionmaker, settings)
            floors.append(await floor(worker, hook, base))
            await clear(sessionmaker)
            ids = await nominations(sessionmaker, admin, round_)
            await move_all(sessionmaker, admin, ids, writers)
            async with sessionmaker() as session:
                made = len((await session.scalars(select(Message.id))).all())
                assert made == 2 * N, made
            await received(base, reset=True)
            started = time.perf_counter()
            task = asyncio.create_task(worker.run_forever())
            await wait_for(base, N)
            drains.append(time.perf_counter() - started)
            # End to end: the worker runs while the changes are made.
            await clear(sessionmaker)
            ids = await nominations(sessionmaker, admin, round_ + 1000)
            await received(base, reset=True)
            started = time.perf_counter()
            await move_all(sessionmaker, admin, ids, writers)
            await wait_for(base, N)
            ends.append(time.perf_counter() - started)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            print(
                f"round {round_ + 1}: floor {floors[-1]:.2f}s  worker {drains[-1]:.2f}s  "
                f"ratio {drains[-1] / floors[-1]:.2f}  end to end {ends[-1]:.2f}s",
                flush=True,
            )
        f, d, e = (statistics.median(x) for x in (floors, drains, ends))
        print(
            f"median of {rounds}: 1,000 prepared requests {f:.2f}s; 1,000 status changes "
            f"delivered by the worker {d:.2f}s; ratio {d / f:.2f} (aim < 2); end to end with "
            f"the changes being made {e:.2f}s"
        )
    finally:
        receiver.terminate()
        receiver.wait()
        await clear(sessionmaker)
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.database_url, args.rounds))


if __name__ == "__main__":
    main()
