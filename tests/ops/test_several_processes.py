"""Several processes, one database: two `wps serve` processes and one `wps worker` on one
PostgreSQL database, with WPS_REDIS_URL and PROMETHEUS_MULTIPROC_DIR set, behave as one
service under concurrent writes through both serve processes, one of them killed mid-load.

PostgreSQL only (WPS_TEST_DATABASE_URL; the test makes a database of its own beside it). Redis:
WPS_TEST_REDIS_URL's database (emptied), else a private `redis-server`; without either the test
skips, except under CI (WPS_TEST_REQUIRE_REDIS), where it fails.

One run (`measured`) drives the deployment through three phases, and each test checks one
promise on what it recorded: the rate limit, the metrics, then the load (writers, a change-feed
reader, a SIGKILL) and the webhook deliveries that follow from it."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool
from standardwebhooks.webhooks import Webhook

from app.cli import migrate
from tests.conftest import PG_URL
from tests.integrations.receiver import Received, receiver
from tests.ops.processes import Deployment, Process, redis_server, scratch_postgres
from tests.trainings.helpers import TRAININGS, training

pytestmark = pytest.mark.skipif(
    PG_URL is None, reason="several processes share one PostgreSQL: set WPS_TEST_DATABASE_URL"
)

ADMIN_KEY = "wps_several-processes-admin-key-0123456789"
METRICS_TOKEN = "several-processes-metrics-token"
LIMIT = 50  # WPS_RATE_LIMIT_PER_MINUTE: every key's budget, the writers' and readers' too
WRITERS = 6
CREATES_PER_WRITER = 15  # and a PATCH after every third: 20 requests, under LIMIT
KILL_AFTER = WRITERS * CREATES_PER_WRITER // 3  # acknowledged creates before the SIGKILL
READER_KEYS = 6
PROGRAMS = "/api/v1/programs"
CHANGES = "/api/v1/changes"


Statuses = list[tuple[str, int]]  # (the process that answered, the status)


@dataclass
class Write:
    """One create as the client saw it."""

    ref: str
    process: str
    sent: float
    acked: float | None = None
    status: int | None = None
    id: str | None = None
    error: str | None = None
    etag: str | None = None


@dataclass
class Measured:
    rate_limit_statuses: Statuses = field(default_factory=list)
    burst_statuses: Statuses = field(default_factory=list)
    programs_answered: Counter[int] = field(default_factory=Counter)
    programs_scraped: dict[str, Counter[int]] = field(default_factory=dict)
    programs_scraped_after_kill: Counter[int] = field(default_factory=Counter)
    writes: list[Write] = field(default_factory=list)
    patches_acked: int = 0
    in_doubt_retried: dict[str, int] = field(default_factory=dict)  # ref -> retry's status
    replayed: int = 0
    in_flight_at_kill: int = 0
    live_feed: list[dict[str, Any]] = field(default_factory=list)
    final_feed: list[dict[str, Any]] = field(default_factory=list)
    feed_reads: int = 0
    trainings: list[dict[str, Any]] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    webhook_secret: str = ""
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds since the start


def _headers(key: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", **extra}


def _programs_counts(text: str) -> Counter[int]:
    """wps_http_requests_total for GET /api/v1/programs, by status, from a /metrics answer."""
    found: Counter[int] = Counter()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = sample.labels
            if (
                sample.name == "wps_http_requests_total"
                and labels.get("method") == "GET"
                and labels.get("route") == PROGRAMS
            ):
                found[int(labels["status"])] += int(sample.value)
    return found


def _scrape(base_url: str) -> Counter[int]:
    answer = httpx.get(f"{base_url}/metrics", headers=_headers(METRICS_TOKEN), timeout=10)
    assert answer.status_code == 200, answer.text
    return _programs_counts(answer.text)


def _mid_window(margin: float = 3.0) -> None:
    """Wait, if need be, until the rate-limit window (a fixed minute) has `margin` seconds
    left, so a sequence of requests seldom straddles two windows (the count restarts there;
    `_in_one_window` runs a sequence that did again)."""
    left = 60 - time.time() % 60
    if left < margin:
        time.sleep(left + 0.05)


class Run:
    """The deployment and the keys, and the phases that drive it."""

    def __init__(
        self,
        deployment: Deployment,
        database_url: str,
        processes: tuple[Process, Process],
        mark: Callable[[str], None],
    ) -> None:
        self.deployment, self.database_url, self.mark = deployment, database_url, mark
        self.a, self.b = processes
        self.measured = Measured()
        self.keys: dict[str, list[str]] = {}
        self.kill_now = asyncio.Event()  # set once KILL_AFTER creates are acknowledged
        self.sent_to_b = asyncio.Event()  # a create was just sent to b

    def create_keys(self) -> None:
        wanted = {"writer": WRITERS, "reader": READER_KEYS, "limited": 4}
        with httpx.Client(base_url=str(self.a.base_url), timeout=30) as http:
            for purpose, count in wanted.items():
                for i in range(count):
                    role = "integration" if purpose == "writer" else "admin"
                    made = http.post(
                        "/api/v1/api-keys",
                        json={"name": f"{purpose} {i}", "role": role, "owner": f"{purpose} {i}"},
                        headers=_headers(ADMIN_KEY),
                    )
                    assert made.status_code == 201, made.text
                    self.keys.setdefault(purpose, []).append(made.json()["key"])

    # Phase 1: one budget per key, whichever process answers.
    def rate_limit(self) -> None:
        spare = iter(self.keys["limited"])
        self.measured.rate_limit_statuses = self._in_one_window(spare, self._one_by_one)
        self.measured.burst_statuses = self._in_one_window(spare, self._burst)

    def _in_one_window(self, keys: Iterator[str], phase: Callable[[str], Statuses]) -> Statuses:
        """`phase` with a fresh key, again with another if it straddled two windows (a fixed
        minute each: the count restarts at the boundary)."""
        while True:
            _mid_window()
            window = int(time.time() // 60)
            statuses = phase(next(keys))
            for _, status in statuses:
                self.measured.programs_answered[status] += 1
            if int(time.time() // 60) == window:
                return statuses

    def _one_by_one(self, key: str) -> Statuses:
        """LIMIT + 4 requests one after another, alternating between the processes."""
        processes, statuses = [self.a, self.b], []
        with httpx.Client(timeout=30) as http:
            for i in range(LIMIT + 4):
                process = processes[i % 2]
                answer = http.get(f"{process.base_url}{PROGRAMS}", headers=_headers(key))
                statuses.append((process.name, answer.status_code))
        return statuses

    def _burst(self, key: str) -> Statuses:
        """LIMIT + 10 requests at once, half to each process."""
        processes = [self.a, self.b]

        async def burst() -> Statuses:
            async with httpx.AsyncClient(timeout=30) as http:

                async def one(i: int) -> tuple[str, int]:
                    process = processes[i % 2]
                    answer = await http.get(f"{process.base_url}{PROGRAMS}", headers=_headers(key))
                    return process.name, answer.status_code

                return list(await asyncio.gather(*(one(i) for i in range(LIMIT + 10))))

        return asyncio.run(burst())

    # Phase 2: every process's /metrics adds up every process's counts.
    def metrics(self) -> None:
        for process in (self.a, self.b):
            self.measured.programs_scraped[process.name] = _scrape(str(process.base_url))

    # Phase 3: concurrent writes through both, a change-feed reader, a SIGKILL of b.
    async def load(self, hook_url: str) -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            made = await http.post(
                f"{self.a.base_url}/api/v1/webhooks",
                json={"url": hook_url, "events": ["training.created", "training.updated"]},
                headers=_headers(ADMIN_KEY),
            )
            assert made.status_code == 201, made.text
            self.measured.webhook_secret = made.json()["secret"]
            done = asyncio.Event()
            reading = asyncio.create_task(self._read_feed(http, done))
            killing = asyncio.create_task(self._kill_b_midway())
            await asyncio.gather(*(self._write(http, w) for w in range(WRITERS)))
            self.mark("written")
            if not killing.done():  # the writes ended before the kill: a test below says so
                killing.cancel()
            with suppress(asyncio.CancelledError):
                await killing
            await self._retry_in_doubt(http)
            self.mark("in doubt retried")
            done.set()
            await reading
            self.measured.final_feed = await self._read_all(http, CHANGES, "after")
            self.measured.trainings = await self._read_all(http, TRAININGS, "cursor")

    def _target(self, turn: int) -> Process:
        """Alternate between the serve processes while both live."""
        return self.b if turn % 2 and self.b.alive else self.a

    async def _write(self, http: httpx.AsyncClient, writer: int) -> None:
        key = self.keys["writer"][writer]
        for n in range(CREATES_PER_WRITER):
            process = self._target(writer + n)
            ref = f"MP-{writer}-{n}"
            write = Write(ref=ref, process=process.name, sent=time.monotonic())
            self.measured.writes.append(write)
            if process is self.b:
                self.sent_to_b.set()
            try:
                answer = await http.post(
                    f"{process.base_url}{TRAININGS}",
                    json=training(external_ref=ref, title=f"Course {ref}"),
                    headers=_headers(key, **{"Idempotency-Key": ref}),
                )
            except httpx.TransportError as error:
                write.error = type(error).__name__
                continue
            write.status = answer.status_code
            if answer.status_code == 201:
                write.acked = time.monotonic()
                write.id = str(answer.json()["id"])
                write.etag = answer.headers["etag"]
                if sum(w.acked is not None for w in self.measured.writes) >= KILL_AFTER:
                    self.kill_now.set()
            if n % 3 == 2 and write.id is not None:
                await self._patch(http, key, write, self._target(writer + n + 1))

    async def _patch(self, http: httpx.AsyncClient, key: str, write: Write, to: Process) -> None:
        assert write.etag is not None
        try:
            answer = await http.patch(
                f"{to.base_url}{TRAININGS}/{write.id}",
                json={"title": f"Course {write.ref}, revised"},
                headers=_headers(key, **{"If-Match": write.etag}),
            )
        except httpx.TransportError:
            return
        if answer.status_code == 200:
            self.measured.patches_acked += 1

    def _in_flight_to_b(self, sent_after: float) -> int:
        unanswered = (w for w in self.measured.writes if w.status is None and w.error is None)
        return sum(w.process == self.b.name and w.sent > sent_after for w in unanswered)

    async def _kill_b_midway(self) -> None:
        """SIGKILL b once a third of the creates are acknowledged, while a create sent to b is
        certainly inside it: the trainings table is locked against writes first, so a create
        sent once the lock is asked for cannot finish (PostgreSQL queues its insert behind the
        lock), and b dies with it between its request and its answer, perhaps waiting in the
        database (the in-doubt case a client must retry). When every writer is waiting on `a`
        instead, the lock is let go and asked for again."""
        await self.kill_now.wait()
        engine = create_async_engine(self.database_url, poolclass=NullPool)
        try:
            while True:
                async with engine.connect() as conn:
                    asked = time.monotonic()
                    await conn.execute(text("LOCK TABLE trainings IN SHARE MODE"))
                    if await self._sent_to_b(since=asked, within=2.0):
                        await asyncio.sleep(0.3)  # long enough to reach its insert and wait
                        self.measured.in_flight_at_kill = self._in_flight_to_b(sent_after=asked)
                        await asyncio.to_thread(self.b.kill)
                        self.mark("b killed")
                        return  # the lock goes with the connection: the writes on a go on
                    await conn.rollback()
        finally:
            await engine.dispose()

    async def _sent_to_b(self, since: float, within: float) -> bool:
        """Whether a create sent to b after `since` is unanswered, waiting up to `within`."""
        deadline = time.monotonic() + within
        while not self._in_flight_to_b(sent_after=since):
            self.sent_to_b.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self.sent_to_b.wait(), deadline - time.monotonic())
            if time.monotonic() >= deadline:
                return bool(self._in_flight_to_b(sent_after=since))
        return True

    async def _retry_in_doubt(self, http: httpx.AsyncClient) -> None:
        """Creates answered with no status (cut by the kill) or a 5xx: retried on `a` with
        their Idempotency-Key, as a client should; a create that had committed is replayed."""
        for write in self.measured.writes:
            if write.acked is not None:
                continue
            writer = int(write.ref.split("-")[1])
            deadline = time.monotonic() + 20
            while True:
                answer = await http.post(
                    f"{self.a.base_url}{TRAININGS}",
                    json=training(external_ref=write.ref, title=f"Course {write.ref}"),
                    headers=_headers(self.keys["writer"][writer], **{"Idempotency-Key": write.ref}),
                )
                # 409: the killed request still holds the key until its lease runs out.
                if answer.status_code != 409 or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.3)
            self.measured.in_doubt_retried[write.ref] = answer.status_code
            self.measured.replayed += answer.headers.get("idempotent-replayed") == "true"

    async def _read_feed(self, http: httpx.AsyncClient, done: asyncio.Event) -> None:
        """Follow the feed through both processes while the writes go on, as a client would:
        each answer's next_cursor is where the next read starts."""
        cursor, keys, turn = "0", itertools.cycle(self.keys["reader"]), 0
        while True:
            finished = done.is_set()
            turn += 1
            process = self._target(turn)
            try:
                answer = await http.get(
                    f"{process.base_url}{CHANGES}",
                    params={"after": cursor, "limit": 100, "wait": 1},
                    headers=_headers(next(keys)),
                )
            except httpx.TransportError:
                continue  # b was killed under this read: read again elsewhere
            self.measured.feed_reads += 1
            if answer.status_code == 429:  # this key's budget is spent: the next key reads
                await asyncio.sleep(0.1)
                continue
            assert answer.status_code == 200, answer.text
            page = answer.json()
            self.measured.live_feed.extend(page["items"])
            cursor = page["next_cursor"]
            if finished and not page["items"]:
                return
            await asyncio.sleep(0.1)

    async def _read_all(self, http: httpx.AsyncClient, path: str, cursor_name: str) -> list[Any]:
        found: list[Any] = []
        cursor: str | None = "0" if cursor_name == "after" else None
        while True:
            params: dict[str, Any] = {"limit": 500}
            if cursor is not None:
                params[cursor_name] = cursor
            answer = await http.get(
                f"{self.a.base_url}{path}", params=params, headers=_headers(ADMIN_KEY)
            )
            assert answer.status_code == 200, answer.text
            page = answer.json()
            found.extend(page["items"])
            if not page["items"] or page["next_cursor"] in (None, cursor):
                return found
            cursor = page["next_cursor"]

    def wait_for_deliveries(self, received: list[Received]) -> None:
        """Until every training change of the final feed has a 2xx delivery (30 s at most)."""
        expected = {c["seq"] for c in self.measured.final_feed if c["type"] == "training"}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if expected <= _delivered_seqs(received):
                break
            time.sleep(0.2)
        time.sleep(1)  # a late duplicate, if any, arrives too


def _delivered_seqs(received: list[Received]) -> set[int]:
    return {json.loads(r.body)["data"]["seq"] for r in list(received) if r.status < 300}


def _first_attempt_fails(every: int) -> Any:
    """A receiver's choice: the first delivery of every `every`-th message answers 503, so the
    worker retries it (with the same webhook-id, as the tests check); the rest 204."""
    seen: dict[str, int] = {}

    def decide(received: Received) -> int:
        message = received.headers["webhook-id"]
        first = message not in seen
        if first:
            seen[message] = len(seen)
        return 503 if first and seen[message] % every == 0 else 204

    return decide


def _environment(database_url: str, redis_url: str, metrics_dir: Path) -> dict[str, str]:
    """What every process of the deployment is started with (beside the caller's own)."""
    return {
        **os.environ,
        "WPS_DATABASE_URL": database_url,
        "WPS_REDIS_URL": redis_url,
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "WPS_METRICS_TOKEN": METRICS_TOKEN,
        "WPS_BOOTSTRAP_ADMIN_KEY": ADMIN_KEY,
        "WPS_RATE_LIMIT_PER_MINUTE": str(LIMIT),
        "WPS_WEBHOOK_WORKER_IN_SERVE": "false",  # `wps worker` delivers
        "WPS_WEBHOOK_ALLOW_PRIVATE": "true",  # the receiver is on the loopback
        "WPS_WEBHOOK_RETRY_BASE_SECONDS": "0.5",
        "WPS_WEBHOOK_RETRY_CAP_SECONDS": "2",
        "WPS_WEBHOOK_POLL_SECONDS": "0.2",
        "WPS_IDEMPOTENCY_LEASE_SECONDS": "1",  # a killed request's key is free again soon
        "WPS_DB_POOL_SIZE": "8",
        "WPS_LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Measured]:
    assert PG_URL is not None
    workdir = tmp_path_factory.mktemp("processes")
    started, phases = time.monotonic(), {}

    def mark(phase: str) -> None:
        phases[phase] = round(time.monotonic() - started, 1)

    with (
        redis_server(workdir) as redis_url,
        scratch_postgres(PG_URL, "procs") as database_url,
        receiver() as hook,
    ):
        hook.decide = _first_attempt_fails(every=4)
        migrate("heads", database_url=database_url)
        (workdir / "metrics").mkdir()
        deployment = Deployment(_environment(database_url, redis_url, workdir / "metrics"), workdir)
        deployment.run("seed", "seed")
        mark("seeded")
        a, b = deployment.serve("a"), deployment.serve("b")
        worker = deployment.start("worker", "worker")
        try:
            deployment.wait_healthy()
            mark("ready")
            run = Run(deployment, database_url, (a, b), mark)
            run.create_keys()
            run.rate_limit()
            run.metrics()
            mark("rate limit, metrics")
            asyncio.run(run.load(hook.url))
            mark("load")
            run.measured.programs_scraped_after_kill = _scrape(str(a.base_url))
            run.wait_for_deliveries(hook.received)
            mark("delivered")
            assert worker.popen.poll() is None, worker.output()
        finally:
            deployment.stop()
        run.measured.received = list(hook.received)
        run.measured.seconds = time.monotonic() - started
        run.measured.phases = phases
        yield run.measured


def test_the_rate_limit_is_one_budget_whichever_process_answers(measured: Measured) -> None:
    statuses = [status for _, status in measured.rate_limit_statuses]
    # Alternating between the two processes: the first LIMIT pass, every one after is refused.
    assert statuses == [200] * LIMIT + [429] * 4
    refused_by = {name for name, status in measured.rate_limit_statuses if status == 429}
    assert refused_by == {"a", "b"}
    # All at once, half to each: exactly LIMIT pass.
    burst = Counter(status for _, status in measured.burst_statuses)
    assert burst == {200: LIMIT, 429: 10}


def test_metrics_add_up_across_processes(measured: Measured) -> None:
    # Either process's /metrics counts every request both answered, and a killed process's
    # counts stay in the sum.
    assert measured.programs_answered.total() >= 2 * LIMIT + 14
    assert measured.programs_scraped == {
        "a": measured.programs_answered,
        "b": measured.programs_answered,
    }
    assert measured.programs_scraped_after_kill == measured.programs_answered


def test_the_change_feed_lists_every_change_once_in_commit_order(measured: Measured) -> None:
    seqs = [change["seq"] for change in measured.final_feed]
    assert seqs == sorted(set(seqs))  # once each, in order
    # The reader that followed the feed through both processes while the writes went on (and
    # one process died) saw exactly the final feed: nothing skipped, nothing twice.
    assert measured.live_feed == measured.final_feed
    creates = {
        c["id"]: c["seq"]
        for c in measured.final_feed
        if c["type"] == "training" and c["action"] == "create"
    }
    # One create change per training that exists, acknowledged or not.
    assert sorted(creates) == sorted(str(t["id"]) for t in measured.trainings)
    # Commit order is real-time order: a create acknowledged before another was sent has the
    # lower seq.
    acked = [w for w in measured.writes if w.acked is not None and w.id is not None]
    for later in acked:
        earlier = [w for w in acked if w.acked is not None and w.acked < later.sent]
        for before in earlier:
            assert creates[str(before.id)] < creates[str(later.id)], (before, later)


def test_each_webhook_event_is_delivered_with_one_webhook_id(measured: Measured) -> None:
    verifier = Webhook(measured.webhook_secret)
    ids_by_seq: dict[int, set[str]] = defaultdict(set)
    for received in measured.received:
        event = verifier.verify(received.body, received.headers)  # signed with the secret
        ids_by_seq[event["data"]["seq"]].add(received.headers["webhook-id"])
    expected = {c["seq"]: c["action"] for c in measured.final_feed if c["type"] == "training"}
    assert set(ids_by_seq) == set(expected)  # an event for every training change, no other
    assert _delivered_seqs(measured.received) == set(expected)  # each delivered (2xx)
    assert all(len(ids) == 1 for ids in ids_by_seq.values())  # retries keep their webhook-id
    every_id = [next(iter(ids)) for ids in ids_by_seq.values()]
    assert len(set(every_id)) == len(every_id)  # and no two events share one
    retried = Counter(r.headers["webhook-id"] for r in measured.received)
    assert sum(n > 1 for n in retried.values()) >= len(expected) // 4  # the failed first tries


def test_a_killed_serve_process_loses_no_acknowledged_write(measured: Measured) -> None:
    stored = Counter(t["external_ref"] for t in measured.trainings)
    acknowledged = [w.ref for w in measured.writes if w.acked is not None]
    assert [ref for ref in acknowledged if stored[ref] != 1] == []  # none lost, none doubled
    # Writes cut by the kill, retried with their Idempotency-Key, exist once each as well.
    assert all(status in (200, 201) for status in measured.in_doubt_retried.values()), (
        measured.in_doubt_retried
    )
    assert [ref for ref in measured.in_doubt_retried if stored[ref] != 1] == []
    assert sum(stored.values()) == len(measured.writes)
    assert measured.in_doubt_retried, "the kill cut no request: nothing was tested"
    _report(measured, stored)


def _report(measured: Measured, stored: Counter[str]) -> None:
    refused = sum(s == 429 for _, s in measured.rate_limit_statuses + measured.burst_statuses)
    retried = Counter(r.headers["webhook-id"] for r in measured.received)
    print(  # what the run measured, for `pytest -s`
        json.dumps(
            {
                "seconds": round(measured.seconds, 1),
                "phases": measured.phases,
                "changes": len(measured.final_feed),
                "feed_reads_during_load": measured.feed_reads,
                "creates_sent": len(measured.writes),
                "creates_acknowledged": sum(w.acked is not None for w in measured.writes),
                "patches_acknowledged": measured.patches_acked,
                "in_flight_at_kill": measured.in_flight_at_kill,
                "in_doubt_retried": len(measured.in_doubt_retried),
                "in_doubt_had_committed": measured.replayed,
                "lost_acknowledged_writes": sum(
                    stored[w.ref] == 0 for w in measured.writes if w.acked is not None
                ),
                "webhook_events": len(retried),
                "webhook_deliveries": len(measured.received),
                "webhook_redeliveries": sum(n - 1 for n in retried.values()),
                "rate_limit_refusals": refused,
            }
        )
    )
