"""Run the benchmark: the service against the raw floor, alternating pairs.

    .venv/bin/python -m bench.run --database-url $URL --write [--profile] \
        [--duration 8] [--rounds 3] [--ten-x]

Seeds the database when it does not hold --trainings trainings (`bench/seed.py`), creates an
analyst and an admin key, starts `wps serve` (one worker; two for the workers pair) and
bench/floor.py (one worker) on loopback, drives both with wrk, times the import, and with
--write writes bench/RESULTS.md (--profile also records py-spy flame graphs of list, get and
the nomination and training POSTs into bench/). The rows the write pairs create are deleted
afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Container, Iterable, Sequence
from datetime import date
from pathlib import Path

import asyncpg

from app.imet.nominations.schemas import NominationCreate
from app.trainings.schemas import TrainingCreate
from bench.seed import asyncpg_dsn, seed

ROOT = Path(__file__).resolve().parents[1]
SERVICE, FLOOR, WORKERS = 8101, 8102, 8103
PAGES = "list page 1 vs page 1,000"
LIST_QUERY = "/api/v1/trainings?program=GPOI&fiscal_year=2022&limit=50"
REPORT_QUERY = "/api/v1/reports/women-trained?group_by=program,fiscal_year"
GET_SCRIPT = """
math.randomseed(os.time())
request = function()
  return wrk.format(nil, "/api/v1/trainings/" .. math.random(1, %d))
end
"""


# A POST whose body (and Idempotency-Key) is new on every request: `external_ref` is unique.
POST_SCRIPT = """
math.randomseed(os.time())
local prefix = "BENCH" .. os.time() .. math.random(100000, 999999)
local counter = 0
local template = [[%s]]
request = function()
  counter = counter + 1
  local ref = prefix .. "-" .. counter
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  %s
  return wrk.format("POST", "%s", headers, string.format(template, ref))
end
"""
# The contract's examples, each request with its own external_ref; participants by alpha-3,
# as the floor looks partners up by code.
NOMINATION = {**NominationCreate.example, "partner": "KEN", "external_ref": "%s"}
TRAINING = {
    **TrainingCreate.example,
    "start_date": "2026-10-04",
    "end_date": "2026-10-15",
    "external_ref": "%s",
    "participants": [
        {"partner": "GHA", "women": 6, "men": 18, "unreported": 0},
        {"partner": "KEN", "women": 3, "men": 7, "unreported": 0},
    ],
}


def post_script(path: str, body: dict, idempotency_key: bool) -> str:
    header = 'headers["Idempotency-Key"] = ref' if idempotency_key else ""
    return POST_SCRIPT % (json.dumps(body, separators=(",", ":")), header, path)


def script_file(text: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(text)
    return script.name


def start(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is already taken: stop what listens there first")
    # Its own process group, so a server that never answers is killed with its workers.
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, start_new_session=True
    )
    for _ in range(600):  # up to two minutes: startup is slow on a loaded machine
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/trainings/1", timeout=1)
            return process
        except urllib.error.HTTPError:
            return process  # answering (401/404): up
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit(f"server on port {port} did not start")


def wrk(
    port: int,
    path: str,
    opts: argparse.Namespace,
    headers: dict[str, str],
    script: str | None = None,
) -> float:
    command = [
        "wrk",
        f"-t{opts.threads}",
        f"-c{opts.connections}",
        f"-d{opts.duration}s",
        "--timeout",
        "30s",  # wrk's default (2 s) drops slow answers on a loaded machine, then resends
        *(x for k, v in headers.items() for x in ("-H", f"{k}: {v}")),
    ]
    if script:
        command += ["-s", script]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"errors from port {port} {path}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]


def pair(
    name: str, a: tuple[int, str, str | None], b: tuple[int, str, str | None], opts, headers
) -> dict:
    """Alternate A and B each round (A B, B A, ...) so drift cancels; medians of each.
    Both sides are warmed up first (connections opened, statements prepared), unmeasured."""
    warm = argparse.Namespace(**{**vars(opts), "duration": 2})
    for port, path, script in (a, b):
        wrk(port, path, warm, headers, script)
    runs: dict[str, list[float]] = {"a": [], "b": []}
    for round_ in range(opts.rounds):
        order = [("a", a), ("b", b)] if round_ % 2 == 0 else [("b", b), ("a", a)]
        for side, (port, path, script) in order:
            runs[side].append(wrk(port, path, opts, headers, script))
    result = {
        "name": name,
        "a": statistics.median(runs["a"]),
        "b": statistics.median(runs["b"]),
        "runs": runs,
    }
    result["ratio"] = result["a"] / result["b"] if result["b"] else float("nan")
    print(
        f"{name}: {result['a']:.0f} vs {result['b']:.0f} req/s = {result['ratio']:.2f}x", flush=True
    )
    return result


async def deep_cursor(url: str, depth: int, first_page: str, headers: dict[str, str]) -> str:
    """A cursor `depth` pages into `first_page`'s listing: the cursor the service gave for its
    first page (it names the listing's sort and filters), moved to the row at that depth."""
    from app.core.pagination import encode_cursor

    conn = await asyncpg.connect(asyncpg_dsn(url))
    row = await conn.fetchrow(
        "SELECT start_date, id FROM trainings ORDER BY start_date DESC, id DESC OFFSET $1 LIMIT 1",
        depth * 50 - 1,
    )
    await conn.close()
    request = urllib.request.Request(f"http://127.0.0.1:{SERVICE}{first_page}", headers=headers)
    with urllib.request.urlopen(request) as answer:
        genuine = json.loads(answer.read())["next_cursor"]
    payload = json.loads(base64.urlsafe_b64decode(genuine + "=" * (-len(genuine) % 4)))
    return encode_cursor(payload["s"], [row["start_date"], row["id"]], payload["f"])


def import_rows(n: int, tag: str) -> list[dict]:
    rng = random.Random(n)
    partners = ["KEN", "GHA", "NGA", "SEN", "BGD", "IDN", "FRA", "BRA"]
    return [
        {
            "program": "GPOI",
            "title": f"Imported {i}",
            "kind": "course",
            "topics": ["peacekeeping"],
            "start_date": date(2023, 1 + i % 12, 1).isoformat(),
            "end_date": date(2023, 1 + i % 12, 5).isoformat(),
            "host_country": "GHA",
            "delivery": "direct",
            "hours": 40,
            "external_ref": f"{tag}-{i}",
            "participants": [
                {"partner": p, "women": rng.randint(0, 9), "men": rng.randint(0, 9)}
                for p in rng.sample(partners, 3)
            ],
        }
        for i in range(n)
    ]


async def time_service_import(url: str, rows: list[dict]) -> float:
    import orjson

    from app import transactions
    from app.core import commit
    from app.core.config import Settings
    from app.core.db import create_engine, create_sessionmaker
    from app.trainings import imports

    transactions.register()
    engine = create_engine(Settings(database_url=url, db_pool_size=2, _env_file=None))  # type: ignore[call-arg]
    body = orjson.dumps(rows)
    async with create_sessionmaker(engine)() as session:
        started = time.perf_counter()
        async with session.begin():
            summary = await imports.import_trainings(
                session, None, imports.parse(body, csv_body=False), dry_run=False
            )
            assert summary.created == len(rows), summary
            # What the commit writes besides the records: an audit row and a numbered change
            # (with its readers) per training, and the outbox's messages.
            await commit.finish(session)
            elapsed = time.perf_counter() - started
            await session.rollback()  # keep the seeded data as it was
    await engine.dispose()
    return elapsed


async def time_floor_import(url: str, rows: list[dict]) -> float:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    programs = dict(await conn.fetch("SELECT code, id FROM programs"))
    partners = dict(await conn.fetch("SELECT code, id FROM partners"))
    started = time.perf_counter()
    tx = conn.transaction()
    await tx.start()
    ids = [
        r[0]
        for r in await conn.fetch(
            "SELECT nextval('trainings_id_seq') FROM generate_series(1, $1)", len(rows)
        )
    ]
    now = time.time()
    from datetime import UTC, datetime

    stamp = datetime.fromtimestamp(now, UTC)
    await conn.executemany(
        "INSERT INTO trainings (id, program_id, title, kind, start_date, end_date, fiscal_year,"
        " host_country_id, location, delivery, hours, external_ref, version, created_at,"
        " updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,1,$13,$13)",
        [
            (
                i,
                programs[r["program"]],
                r["title"],
                r["kind"],
                date.fromisoformat(r["start_date"]),
                date.fromisoformat(r["end_date"]),
                2023,
                partners[r["host_country"]],
                None,
                r["delivery"],
                r["hours"],
                r["external_ref"],
                stamp,
            )
            for i, r in zip(ids, rows, strict=True)
        ],
    )
    await conn.executemany(
        "INSERT INTO training_participants (training_id, partner_id, women, men, unreported)"
        " VALUES ($1,$2,$3,$4,0)",
        [
            (i, partners[p["partner"]], p["women"], p["men"])
            for i, r in zip(ids, rows, strict=True)
            for p in r["participants"]
        ],
    )
    await conn.executemany(
        "INSERT INTO training_topics (training_id, topic) VALUES ($1,$2)",
        [(i, t) for i, r in zip(ids, rows, strict=True) for t in r["topics"]],
    )
    elapsed = time.perf_counter() - started
    await tx.rollback()
    await conn.close()
    return elapsed


def report_rps(opts, headers) -> float:
    return statistics.median(wrk(SERVICE, REPORT_QUERY, opts, headers) for _ in range(opts.rounds))


async def trainings_held(url: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM trainings"))
    except asyncpg.UndefinedTableError:
        return -1
    finally:
        await conn.close()


async def vacuum(url: str, tables: tuple[str, ...] = ()) -> None:
    """Reclaim what earlier runs left behind (rows deleted, the rollup rebuilt): a server with
    autovacuum off would otherwise scan their dead rows, and each run would measure a slower
    database than the last. `tables`: only those (before a write pair: what the pairs before
    it, and the warm-up, left behind in the tables the POSTs write)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute(f"VACUUM ANALYZE {', '.join(tables)}")
    finally:
        await conn.close()


async def bench_keys(url: str) -> tuple[str, str]:
    """A new analyst key (the reads) and admin key (the writes)."""
    from app import transactions
    from app.apikeys.service import create_key
    from app.core.commit import transaction
    from app.core.config import Settings
    from app.core.db import create_engine, create_sessionmaker
    from app.core.security import Role

    transactions.register()
    engine = create_engine(Settings(database_url=url, db_pool_size=2, _env_file=None))  # type: ignore[call-arg]
    async with transaction(create_sessionmaker(engine)) as session:
        _, analyst = await create_key(session, None, name="bench-analyst", role=Role.analyst)
        _, admin = await create_key(session, None, name="bench-admin", role=Role.admin)
    await engine.dispose()
    return analyst, admin


WRITTEN = ("nominations", "trainings", "audit_events", "idempotency_keys")
# What the write pairs write (besides the history tables): vacuumed before each write pair.
WRITTEN_BY_POSTS = (
    *WRITTEN,
    "training_participants",
    "training_topics",
    "women_trained_rollup",
    "change_counter",
    "changes",
    "change_partners",
)


async def high_water(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    marks = {t: int(await conn.fetchval(f"SELECT coalesce(max(id), 0) FROM {t}")) for t in WRITTEN}
    # The change feed's numbers, which every write also takes (the commit step).
    marks["changes"] = int(await conn.fetchval("SELECT coalesce(max(seq), 0) FROM changes"))
    await conn.close()
    return marks


async def remove_written(url: str, marks: dict[str, int]) -> None:
    """Delete what the write pairs created (rows past the marks), their sums taken away from
    the rollup first: the rollup's GROUP BY (`from_records_query`) over the trainings the
    service created (those with a change in the feed; the floor's never entered the rollup),
    negated. Rebuilding the whole rollup instead wrote a version of each of its groups into its
    history every run (180,000 rows, and the log's worth of a checkpoint that the next run's
    write pairs then paid for)."""
    from sqlalchemy import BigInteger, cast, select, text

    from app.core.commit import transaction
    from app.core.config import Settings
    from app.core.db import create_engine, create_sessionmaker
    from app.integrations.changes.models import Change
    from app.trainings import rollup
    from app.trainings.models import Training

    conn = await asyncpg.connect(asyncpg_dsn(url))
    # Fresh statistics first: the history triggers join the deleted rows to their tables'
    # open versions, and a plan from before the run (no open versions then) crawls.
    await conn.execute("ANALYZE")
    await conn.close()
    made = select(cast(Change.resource_id, BigInteger)).where(
        Change.seq > marks["changes"], Change.resource_type == "training", Change.action == "create"
    )
    settings = Settings(database_url=url, db_pool_size=2, _env_file=None)  # type: ignore[call-arg]
    engine = create_engine(settings, long_work=True)  # thousands of rows: the long budget
    async with transaction(create_sessionmaker(engine)) as session:
        gone = rollup.from_records_query(Training.id > marks["trainings"], Training.id.in_(made))
        deltas = rollup.SUMS.deltas()
        for *key, women, men, unreported, rows in await session.execute(gone):
            deltas[tuple(key)] = [-women, -men, -unreported, -rows]
        await rollup.SUMS.apply(session, deltas)  # emptied groups deleted
        for child in ("training_participants", "training_topics"):
            await session.execute(
                text(f"DELETE FROM {child} WHERE training_id > :mark"), {"mark": marks["trainings"]}
            )
        for table in WRITTEN:
            await session.execute(
                text(f"DELETE FROM {table} WHERE id > :mark"), {"mark": marks[table]}
            )
        # Their changes too (their readers go with them), so runs leave no state behind.
        await session.execute(
            text("DELETE FROM changes WHERE seq > :mark"), {"mark": marks["changes"]}
        )
    await engine.dispose()


class Trips(list[str]):
    """One POST's round trips (each statement briefly, BEGIN and COMMIT included), with the
    statements the database runs inside them for the history triggers (`inside`)."""

    def __init__(self, sent: list[str], inside: list[str]) -> None:
        super().__init__(sent)
        self.inside = inside


# A history trigger's statements per event on a versioned table (app/core/history.py): an
# insert adds the new versions, an update closes the open ones and adds the new.
TRIGGERED = {
    "insert": ("INSERT INTO {}_history",),
    "update": ("UPDATE {}_history", "INSERT INTO {}_history"),
}


def triggered(sql: str) -> list[str]:
    """The history triggers' statements one statement sets off: one per (table, event) it
    writes (statement-level triggers fire even when no row matched), an upsert both."""
    from app.history import VERSIONED

    versioned = {spec.table for spec in VERSIONED}
    events: list[tuple[str, str]] = []
    for part in re.split(r"\bINSERT INTO ", sql)[1:]:
        table = part.split()[0]
        events.append((table, "insert"))
        upsert = re.search(r"\bON CONFLICT\b[^)]*\)\s*DO UPDATE\b", part.split(" INSERT INTO ")[0])
        if upsert:
            events.append((table, "update"))
    events += [(table, "update") for table in re.findall(r"(?<!DO )\bUPDATE (\w+) SET", sql)]
    inside = []
    for table, event in dict.fromkeys(events):
        if table in versioned:
            inside += [statement.format(table) for statement in TRIGGERED[event]]
    return inside


async def round_trips(url: str, path: str, body: dict, headers: dict[str, str]) -> Trips:
    """The statements one POST sends to the database (BEGIN and COMMIT included), in order:
    the service in-process, the second of two new records. Counted at the driver (asyncpg),
    so the statements the service runs on the driver itself count too; with the statements
    the history triggers run inside them."""
    import httpx
    from asyncpg.connection import Connection
    from asyncpg.prepared_stmt import PreparedStatement

    from app.core.config import Settings
    from app.main import create_app

    # No delivery worker in this process: its polls would be counted as the request's.
    settings = Settings(
        database_url=url, log_level="WARNING", webhook_worker_in_serve=False, _env_file=None
    )  # type: ignore[call-arg]
    app = create_app(settings)
    sent: list[str] = []
    queries: list[str] = []
    # Every query reaches the server through one of these: statements with arguments (and
    # executemany), simple queries (BEGIN, COMMIT), and SQLAlchemy's prepared statements.
    do_execute, execute, fetch = Connection._do_execute, Connection.execute, PreparedStatement.fetch

    async def watched_do_execute(self, query, *args, **kwargs):
        sent.append(statement_name(query))
        queries.append(query)
        return await do_execute(self, query, *args, **kwargs)

    async def watched_execute(self, query, *args, **kwargs):
        if not args:  # with arguments it goes through _do_execute
            sent.append(statement_name(query))
            queries.append(query)
        return await execute(self, query, *args, **kwargs)

    async def watched_fetch(self, *args, **kwargs):
        sent.append(statement_name(self.get_query()))
        queries.append(self.get_query())
        return await fetch(self, *args, **kwargs)

    Connection._do_execute, Connection.execute = watched_do_execute, watched_execute
    PreparedStatement.fetch = watched_fetch
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                for _ in range(2):
                    ref = f"TRIPS{random.randrange(10**9)}"
                    posted = json.loads(json.dumps(body).replace('"%s"', json.dumps(ref)))
                    sent.clear()
                    queries.clear()
                    answer = await client.post(
                        path, json=posted, headers={**headers, "Idempotency-Key": ref}
                    )
                    answer.raise_for_status()
                    trips = Trips(list(sent), [t for q in queries for t in triggered(q)])
    finally:
        Connection._do_execute, Connection.execute = do_execute, execute
        PreparedStatement.fetch = fetch
    return trips


def flame_name(profile_name: str) -> str:
    """`nomination POST` → `nomination-post`: the flame graph's file name."""
    return profile_name.lower().replace(" ", "-")


def statement_name(sql: str) -> str:
    """`INSERT INTO audit_events`, `SELECT … FROM partners`: what a statement does, briefly."""
    words = sql.split()
    if (first := words[0].upper().rstrip(";")) in ("BEGIN", "COMMIT", "ROLLBACK"):
        return first
    if "synchronous_commit" in sql:  # driver.on_its_own's write, its commit not waiting
        inner = re.match(r"WITH written AS \((.*)\) SELECT written\.\*", sql, re.DOTALL)
        if inner:
            return statement_name(inner.group(1)) + " (commit not waiting for the disk)"
    if words[0].upper() == "WITH":  # a data-modifying CTE: the tables it writes
        writes = re.findall(r"\bINSERT INTO (\w+)|(?<!DO )\bUPDATE (\w+)", sql)
        written = [a or b for a, b in writes]
        return "WITH … " + ", ".join(dict.fromkeys(written))
    if words[0].upper() == "SELECT":
        table = re.search(r"\bFROM\s+(\w+)", sql, re.IGNORECASE)
        return f"SELECT … FROM {table.group(1) if table else '?'}"
    return " ".join(words[:3]).split("(")[0].strip()


def profile(
    pid: int,
    port: int,
    path: str,
    script: str | None,
    headers,
    name: str,
    connections: int = 16,
    watch: str | None = None,
) -> dict:
    """py-spy on the service while wrk drives `path`: a flame graph (bench/flame-NAME.svg)
    and the share of samples by where their innermost frame runs. With `watch` (the
    database's URL), then also what the database's sessions wait for (`session_waits`)."""
    spy = ROOT / ".venv" / "bin" / "py-spy"
    seconds = 10
    length = 2 * seconds + 2 + (WATCH_SECONDS + 1 if watch else 0)
    command = ["wrk", "-t1", f"-c{connections}", f"-d{length}s", "--timeout", "30s"]
    command += [x for k, v in headers.items() for x in ("-H", f"{k}: {v}")]
    command += ["-s", script] if script else []
    load = subprocess.Popen([*command, f"http://127.0.0.1:{port}{path}"], stdout=subprocess.DEVNULL)
    try:
        time.sleep(1)
        svg = ROOT / "bench" / f"flame-{flame_name(name)}.svg"
        common = [str(spy), "record", "-p", str(pid), "-d", str(seconds), "-r", "250"]
        subprocess.run([*common, "-o", str(svg), "--nonblocking"], check=True, capture_output=True)
        with tempfile.NamedTemporaryFile(suffix=".txt") as raw:
            subprocess.run(
                [*common, "-f", "raw", "-o", raw.name, "--nonblocking"],
                check=True,
                capture_output=True,
            )
            shares = where_time_goes(Path(raw.name).read_text())
        if watch:
            WAITS[name] = asyncio.run(session_waits(watch, pid))
            print(f"sessions under {name}: {WAITS[name]}", flush=True)
    finally:
        load.wait()
    print(f"profile {name}: {shares}", flush=True)
    return shares


WATCH_SECONDS = 5
WAITS: dict[str, dict[str, float]] = {}  # the write profiles' `session_waits`, for RESULTS.md


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


# The states `session_waits` counts, and the statement that counts them in one sample.
SESSION_STATES = (
    "in a transaction, waiting for the service's next statement",
    "waiting for a lock (the change counter's row, a rollup group's)",
    "waiting for the log to reach the disk",
    "working (or waiting on something else)",
)
SESSIONS_SQL = """
SELECT count(*) FILTER (WHERE state = 'idle in transaction'),
       count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock'),
       count(*) FILTER (WHERE state = 'active' AND wait_event LIKE 'WAL%'),
       count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock'
                        AND coalesce(wait_event, '') NOT LIKE 'WAL%')
FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
"""


async def session_waits(url: str, pid: int) -> dict[str, float]:
    """What the database's sessions are doing while a load runs, sampled for WATCH_SECONDS
    (pg_stat_activity, every 5 ms): on average how many are inside a transaction waiting for
    the service's next statement, waiting for a lock, waiting for the log to reach the disk,
    or working; and how busy the service's process was (100% is one core)."""
    connection = await asyncpg.connect(asyncpg_dsn(url))
    totals = [0] * len(SESSION_STATES)
    samples, started, cpu = 0, time.monotonic(), _cpu_seconds(pid)
    try:
        while time.monotonic() - started < WATCH_SECONDS:
            counts = await connection.fetchrow(SESSIONS_SQL)
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
            samples += 1
            await asyncio.sleep(0.005)
    finally:
        await connection.close()
    busy = (_cpu_seconds(pid) - cpu) / (time.monotonic() - started)
    states = {state: total / samples for state, total in zip(SESSION_STATES, totals, strict=True)}
    return {**states, "service busy": busy}


# Where a sample's innermost frame runs, by its file's path (first match wins).
PLACES = (
    ("the database driver (asyncpg)", ("(asyncpg/",)),
    ("SQLAlchemy", ("(sqlalchemy/", "(<sqlalchemy")),
    ("our code (app/)", ("(app/",)),
    ("FastAPI (routing, dependencies, validation)", ("(fastapi/",)),
    ("pydantic", ("(pydantic",)),
    ("Starlette", ("(starlette/",)),
    ("uvicorn and the event loop", ("(uvicorn/", "(asyncio/", "(selectors", "(httptools")),
)


# Shares of samples whose stack passes through a frame (they overlap; a sample counts in each).
WITHIN = (
    ("within the route function (its queries, JSON)", "run_endpoint_function (fastapi/"),
    ("within FastAPI's dependency solving", "solve_dependencies (fastapi/"),
    ("within route matching", "_match (fastapi/"),
    ("within our request layer (app/core/middleware.py)", "(app/core/middleware.py"),
    ("within sending the response", "Response.__call__ (starlette/"),
)


def where_time_goes(raw: str) -> dict[str, float]:
    counts: dict[str, int] = {}
    total = 0
    for line in raw.splitlines():
        if not line.strip():
            continue
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        for name, needle in WITHIN:
            if needle in stack:
                counts[name] = counts.get(name, 0) + int(count)
        inner = frames[-1]
        place = "innermost: other (C code, interpreter)"
        for name, needles in PLACES:
            if any(needle in inner for needle in needles):
                place = f"innermost: {name}"
                break
        counts[place] = counts.get(place, 0) + int(count)
        total += int(count)
    order = sorted(counts.items(), key=lambda x: (x[0].startswith("innermost"), -x[1]))
    return {k: round(100 * v / total, 1) for k, v in order}


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("WPS_BENCH_DATABASE_URL"))
    parser.add_argument("--trainings", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--write-connections", type=int, default=4)
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    parser.add_argument("--profile", action="store_true", help="py-spy flame graphs into bench/")
    parser.add_argument("--ten-x", action="store_true", help="reseed 10x and time the report")
    opts = parser.parse_args()
    if not opts.database_url:
        parser.error("--database-url (or WPS_BENCH_DATABASE_URL) is required")
    load_before = os.getloadavg()
    if asyncio.run(trainings_held(opts.database_url)) != opts.trainings:
        asyncio.run(seed(opts.database_url, opts.trainings, None))
    else:
        # A database seeded by an earlier run gets the migrations since (seeding runs them).
        from app.cli import migrate

        migrate("heads", database_url=opts.database_url)
        asyncio.run(vacuum(opts.database_url))  # seeding ends with its own
    analyst, admin = asyncio.run(bench_keys(opts.database_url))
    headers = {"Authorization": f"Bearer {analyst}"}
    writer = {"Authorization": f"Bearer {admin}"}
    env = {
        **os.environ,
        "WPS_DATABASE_URL": opts.database_url,
        "WPS_DB_POOL_SIZE": str(opts.connections),
        "WPS_LOG_LEVEL": "WARNING",
        "WPS_RATE_LIMIT_PER_MINUTE": "1000000000",
        "WPS_NOMINATION_RATE_LIMIT_PER_MINUTE": "1000000000",
        "WPS_KEY_CACHE_SECONDS": "3600",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    wps = str(ROOT / ".venv" / "bin" / "wps")
    uvicorn = str(ROOT / ".venv" / "bin" / "uvicorn")
    results = []
    profiles: dict[str, dict[str, float]] = {}
    serve = [wps, "serve", "--no-migrate", "--port"]
    service = start([*serve, str(SERVICE)], env, SERVICE)
    floor = start(
        [
            uvicorn,
            "bench.floor:app",
            "--port",
            str(FLOOR),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env,
        FLOOR,
    )
    marks = asyncio.run(high_water(opts.database_url))
    try:
        get_script = script_file(GET_SCRIPT % opts.trainings)
        nominate = script_file(post_script("/api/v1/nominations", NOMINATION, True))
        create = script_file(post_script("/api/v1/trainings", TRAINING, False))
        first = "/api/v1/trainings?limit=50"
        cursor = asyncio.run(deep_cursor(opts.database_url, 1000, first, headers))
        # (name, path, wrk script, key): the service against the floor on the same requests.
        against_floor = [
            ("list (50, program+FY)", LIST_QUERY, None, headers),
            ("get by id", "/", get_script, headers),
            ("women-trained report vs GROUP BY on base tables", REPORT_QUERY, None, headers),
            ("nomination POST (Idempotency-Key, audit, rate limit)", "/", nominate, writer),
            ("training POST (audit, rollup)", "/", create, writer),
        ]
        # Writes at --write-connections: sixteen concurrent creations into the same rollup
        # groups queue on their rows' locks, which measures the locks, not the service.
        writes = argparse.Namespace(**{**vars(opts), "connections": opts.write_connections})
        for name, path, script, key in against_floor:
            if "POST" in name and all(r["name"] != PAGES for r in results):
                # The deep page against the first before the write pairs: what they write
                # sorts first and would fill page 1 with other trainings than the seeded ones
                # the cursor was taken among.
                deep = (SERVICE, f"{first}&cursor={cursor}", None)
                results.insert(2, pair(PAGES, (SERVICE, first, None), deep, opts, headers))
            load = writes if "POST" in name else opts
            if "POST" in name:  # each write pair from the same state, whatever ran before it
                asyncio.run(vacuum(opts.database_url, WRITTEN_BY_POSTS))
            results.append(pair(name, (SERVICE, path, script), (FLOOR, path, script), load, key))
        report_small = next(r["a"] for r in results if r["name"].startswith("women-trained"))
        if opts.profile:
            profiles["get"] = profile(service.pid, SERVICE, "/", get_script, headers, "get")
            profiles["list"] = profile(service.pid, SERVICE, LIST_QUERY, None, headers, "list")
            for name, script in (("nomination POST", nominate), ("training POST", create)):
                profiles[name] = profile(
                    service.pid,
                    SERVICE,
                    "/",
                    script,
                    writer,
                    name,
                    opts.write_connections,
                    watch=opts.database_url,
                )
        floor.terminate()
        floor.wait()
        workers = start([*serve, str(WORKERS), "--workers", "2"], env, WORKERS)
        try:
            results.append(
                pair(
                    "get by id: 2 workers vs 1",
                    (WORKERS, "/", get_script),
                    (SERVICE, "/", get_script),
                    opts,
                    headers,
                )
            )
        finally:
            workers.terminate()
            workers.wait()
    finally:
        service.terminate()
        floor.terminate()
        service.wait()
        floor.wait()
        asyncio.run(remove_written(opts.database_url, marks))

    trips = {
        "nomination": asyncio.run(
            round_trips(opts.database_url, "/api/v1/nominations", NOMINATION, writer)
        ),
        "training": asyncio.run(
            round_trips(opts.database_url, "/api/v1/trainings", TRAINING, writer)
        ),
    }
    for name, counted in trips.items():
        print(
            f"one {name} POST: {len(counted)} round trips: {'; '.join(counted)};"
            f" inside them {len(counted.inside)} trigger statements: {'; '.join(counted.inside)}"
        )
    asyncio.run(remove_written(opts.database_url, marks))

    rows = import_rows(10_000, f"IMP{int(time.time())}")
    imports_ = {"a": [], "b": []}
    for round_ in range(opts.rounds):
        for side in ("a", "b") if round_ % 2 == 0 else ("b", "a"):
            timer = time_service_import if side == "a" else time_floor_import
            imports_[side].append(asyncio.run(timer(opts.database_url, rows)))
    service_s, floor_s = statistics.median(imports_["a"]), statistics.median(imports_["b"])
    print(
        f"import 10,000: {service_s:.2f}s vs executemany {floor_s:.2f}s"
        f" = {floor_s / service_s:.2f}x"
    )

    ten_x = None
    if opts.ten_x:
        asyncio.run(seed(opts.database_url, opts.trainings * 10, None))
        service = start([*serve, str(SERVICE)], env, SERVICE)
        try:
            report_big = report_rps(opts, headers)
        finally:
            service.terminate()
            service.wait()
        ten_x = (report_small, report_big)
        print(
            f"report at 10x data: {report_big:.0f} req/s vs {report_small:.0f}"
            f" = {report_small / report_big:.2f}x the time"
        )
        asyncio.run(seed(opts.database_url, opts.trainings, None))

    if opts.write:
        write_results(opts, results, (service_s, floor_s), ten_x, profiles, load_before, trips)


AIMS = {
    "list (50, program+FY)": ">= 0.6x the floor",
    "get by id": ">= 0.5x the floor",
    PAGES: "page 1,000 within 1.2x of page 1 (ratio <= 1.2)",
    "women-trained report vs GROUP BY on base tables": "within 1.3x (ratio >= 0.77)",
    "nomination POST (Idempotency-Key, audit, rate limit)": ">= 0.3x the floor",
    "training POST (audit, rollup)": ">= 0.3x the floor (the same rows, no rollup)",
    "get by id: 2 workers vs 1": "measured (2 cores, shared)",
}
CHECKS = {
    "list (50, program+FY)": lambda ratio: ratio >= 0.6,
    "get by id": lambda ratio: ratio >= 0.5,
    PAGES: lambda ratio: ratio <= 1.2,
    "women-trained report vs GROUP BY on base tables": lambda ratio: ratio >= 0.77,
    "nomination POST (Idempotency-Key, audit, rate limit)": lambda ratio: ratio >= 0.3,
    "training POST (audit, rollup)": lambda ratio: ratio >= 0.3,
}


def table(head: Sequence[str], rows: Iterable[Sequence[str]], right: Container[int]) -> list[str]:
    """A Markdown table's lines; the columns at the `right` positions aligned right."""
    rule = ["---:" if i in right else "---" for i in range(len(head))]
    return [f"| {' | '.join(cells)} |" for cells in (head, rule, *rows)]


def waits_section(connections: int) -> list[str]:
    """RESULTS.md's account of what the write pairs' database sessions waited for."""
    names = list(WAITS)
    lines = [
        "",
        f"What the database's sessions were doing while the write profiles ran ({connections} "
        f"connections; pg_stat_activity sampled every 5 ms for {WATCH_SECONDS} s; on average "
        "how many sessions were in each state, the rest idle between transactions), and how "
        "busy the service's process was (100% is one core):",
        "",
    ]
    rows = [[state, *(f"{WAITS[n][state]:.2f}" for n in names)] for state in SESSION_STATES]
    rows.append(["the service's process busy", *(f"{WAITS[n]['service busy']:.0%}" for n in names)])
    return lines + table(["state", *names], rows, right=range(1, len(names) + 1))


# What RESULTS.md keeps from its previous version: sections other benchmarks write.
KEPT_FROM = "## The UN's 20-year peacekeeping file"


def write_results(opts, results, imports_, ten_x, profiles, load_before, trips) -> None:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    before = ", ".join(f"{x:.1f}" for x in load_before)
    after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}. PostgreSQL, the service (one uvicorn worker unless "
        f"the pair says two), the floor (`bench/floor.py`, one worker) and wrk all on this "
        f"machine over loopback. {opts.trainings:,} trainings, {opts.trainings * 3:,} "
        f"participant rows. wrk -t{opts.threads} -c{opts.connections} -d{opts.duration}s, "
        f"{opts.rounds} rounds alternating the sides (A B, B A, ...); medians. The POST "
        f"pairs run at -c{opts.write_connections}.",
        "",
        f"Load average {before} when the run began, {after} when it ended, on "
        f"{os.cpu_count()} cores (the run's own servers and wrk included). Each figure is a "
        "ratio against its baseline measured in the same run, in alternating rounds, which "
        "cancels slow drift but not bursts.",
        "",
    ]
    lines += table(
        ["pair", "A req/s", "B req/s", "A/B", "aim"],
        (
            [r["name"], f"{r['a']:.0f}", f"{r['b']:.0f}", f"{r['ratio']:.2f}", AIMS[r["name"]]]
            for r in results
        ),
        right=(1, 2, 3),
    )
    met = [r["name"] for r in results if r["name"] in CHECKS and CHECKS[r["name"]](r["ratio"])]
    short = [
        f"{r['name']} ({r['ratio']:.2f})"
        for r in results
        if r["name"] in CHECKS and not CHECKS[r["name"]](r["ratio"])
    ]
    lines += ["", f"Aims met in this run: {', '.join(met) or 'none'}."]
    if short:
        lines.append(
            f"Short of their aims in this run: {'; '.join(short)}. Where the time goes is in "
            "the profile below."
        )
    service_s, floor_s = imports_
    lines += [
        "",
        "The writes: every request a new record (a unique `external_ref`; the nomination with "
        "a new Idempotency-Key each time) by an admin key; the floor inserts the same rows "
        "(record, children, audit row) in one transaction with no key check, validation, "
        "idempotency record, rate limit or rollup. The rows both sides created are deleted "
        "after the run.",
        "",
        f"One nomination POST sends {len(trips['nomination'])} statements to the database, "
        "each a round trip (the floor sends 4: BEGIN, the nomination, its audit row, COMMIT): "
        + "; ".join(f"`{t}`" for t in trips["nomination"])
        + f"; inside them the history trigger runs {len(trips['nomination'].inside)} ("
        + "; ".join(f"`{t}`" for t in trips["nomination"].inside)
        + "). Besides the floor's: the Idempotency-Key reserved on the request's own connection "
        "before its transaction begins (in autocommit, so a concurrent duplicate sees it at "
        "once; its commit does not wait for the disk, the request's own commit makes it "
        "durable, so a request waits for one flush, as the floor's does); the insert choosing "
        "the partner by its code (no row for an unknown code or a "
        "taken `external_ref`, told apart only then); and at commit one statement "
        "(app/core/commit.py: each participant's common table expression, compiled once) that "
        "keeps the Idempotency-Key's reply, writes the audit row, numbers the change for the "
        "feed (the counter, the change and its reader) and reads the webhook subscriptions it "
        "is matched against.",
        "",
        f"One training POST (with an Idempotency-Key) sends {len(trips['training'])} "
        "statements, each a round trip (the floor sends 6: BEGIN, the training, its participant "
        "and topic rows, its audit row, COMMIT): "
        + "; ".join(f"`{t}`" for t in trips["training"])
        + f"; inside them the history triggers run {len(trips['training'].inside)} ("
        + "; ".join(f"`{t}`" for t in trips["training"].inside)
        + "): a version of the training and of each of its rows, and for the women-trained "
        "rollup (an upsert fires both its insert and its update trigger) each group's open "
        "version closed, found by the open versions' own index (migration 0022), and its new "
        "one added. The rollup's sums, the audit row and the change's number go into the one "
        "commit statement, as the nomination's do.",
        "",
        f"Import of 10,000 trainings (30,000 participant rows): service {service_s:.2f} s, plain "
        f"asyncpg executemany of the same rows {floor_s:.2f} s: {floor_s / service_s:.2f}x its "
        "speed (aim: at least 0.33x). The service's side includes the commit step's work: an "
        "audit row and a numbered change with its readers for every training (the change feed "
        "and webhooks see each). Both inside a transaction that is rolled back.",
    ]
    if ten_x:
        small, big = ten_x
        lines += [
            "",
            f"Women-trained report at 10x the data ({opts.trainings * 10:,} trainings): "
            f"{big:.0f} req/s vs {small:.0f} req/s at {opts.trainings:,}: {small / big:.2f}x the "
            "time (aim: under 3x).",
        ]
    if profiles:
        lines += [
            "",
            "## Where the time goes (py-spy, the service under wrk)",
            "",
            "What a hot read costs the service besides the floor's work: FastAPI's own "
            "middleware, route matching and dependency solving; one ASGI layer of ours that "
            "reads only the five headers it needs, keeps its metric children and skips the "
            "access-log record when INFO is off; one dependency for the key, the per-key budget "
            "and the role (`RoleGate`), async parameter dependencies (no threadpool hop); a "
            "pooled connection handed out without a ping unless idle for 2 s (the built-in "
            "ping was three round trips per request); no session, BEGIN or COMMIT for the get "
            "or the list (their two statements run on the asyncpg connection in autocommit) "
            "and one orjson pass; the list's page statement is compiled once per filter shape "
            "(which filters are set, the caller's scope, the sort, cursor or not) from the "
            "same SQLAlchemy filters and scope, so a request only binds its values, and the "
            "cursor's filters identity is a digest of the parsed filters rather than of the "
            "compiled statement (a title search `q` still builds its statement per request).",
            "",
            "What a nomination POST costs besides the floor's work: the round trips listed "
            "above, the floor's four and the key's reservation; its statements are compiled "
            "once and run on the asyncpg connection itself, inside the session's transaction "
            "(no SQLAlchemy execution or unit of work on this path); the body validated by "
            "pydantic; the key, both per-key budgets, the Idempotency-Key and the session "
            "solved by FastAPI as dependencies; the session's commit; the response rendered "
            "through its schema. The driver's share below is mostly those round trips' socket "
            "calls; the event loop, uvicorn, FastAPI and our request layer make up the rest. "
            "A training POST costs the same besides its own statements (listed above): its "
            "codes resolved inside its insert, its rollup sums computed in the service and added "
            "by the commit statement, its response rendered from the values written.",
            "",
            "Share of samples by where their innermost frame runs, and (overlapping) by what "
            "they run within (flame graphs: "
            + ", ".join(f"`bench/flame-{flame_name(name)}.svg`" for name in profiles)
            + "). Time in a socket call (sending a query, a response) counts where it is made.",
            "",
        ]
        places = list(dict.fromkeys(p for shares in profiles.values() for p in shares))
        rows = [
            [p, *(f"{shares.get(p, 0.0):.1f}%" for shares in profiles.values())] for p in places
        ]
        lines += table(["place", *profiles], rows, right=range(1, len(profiles) + 1))
    if WAITS:
        lines += waits_section(opts.write_connections)
    lines += [
        "",
        "Regenerate with `python -m bench.run --database-url URL --write --profile` "
        "(see README, Benchmarks).",
        "",
    ]
    target = ROOT / "bench" / "RESULTS.md"
    previous = target.read_text() if target.exists() else ""
    if KEPT_FROM in previous:
        lines += [previous[previous.index(KEPT_FROM) :].rstrip(), ""]
    target.write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
