"""Run the trainings benchmark: the service against the raw floor, alternating pairs.

    .venv/bin/python -m bench.run --database-url $URL \
        --key-file /tmp/wps-bench-key [--duration 10] [--rounds 3] [--ten-x]

Seed first with `python -m bench.seed`. Starts `wps serve` (one worker) and bench/floor.py
(one worker) on loopback, drives both with wrk, and writes bench/RESULTS.md.
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
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

import asyncpg

from bench.seed import asyncpg_dsn, seed

ROOT = Path(__file__).resolve().parents[1]
SERVICE, FLOOR = 8101, 8102
LIST_QUERY = "/api/v1/trainings?program=GPOI&fiscal_year=2022&limit=50"
REPORT_QUERY = "/api/v1/reports/women-trained?group_by=program,fiscal_year"
GET_SCRIPT = """
math.randomseed(os.time())
request = function()
  return wrk.format(nil, "/api/v1/trainings/" .. math.random(1, %d))
end
"""


def start(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/trainings/1", timeout=1)
            return process
        except urllib.error.HTTPError:
            return process  # answering (401/404): up
        except OSError:
            time.sleep(0.2)
    process.kill()
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
    """Alternate A and B each round (A B, B A, ...) so drift cancels; medians of each."""
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
    result["ratio"] = result["a"] / result["b"]
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

    from app.core.config import Settings
    from app.core.db import create_engine, create_sessionmaker
    from app.trainings import imports

    engine = create_engine(Settings(database_url=url, db_pool_size=2, _env_file=None))  # type: ignore[call-arg]
    body = orjson.dumps(rows)
    async with create_sessionmaker(engine)() as session:
        started = time.perf_counter()
        async with session.begin():
            summary = await imports.import_trainings(
                session, None, imports.parse(body, csv_body=False), dry_run=False
            )
            assert summary.created == len(rows), summary
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--key-file", required=True)
    parser.add_argument("--trainings", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--ten-x", action="store_true", help="reseed 10x and time the report")
    opts = parser.parse_args()
    key = Path(opts.key_file).read_text().strip()
    headers = {"Authorization": f"Bearer {key}"}
    env = {
        **os.environ,
        "WPS_DATABASE_URL": opts.database_url,
        "WPS_DB_POOL_SIZE": str(opts.connections),
        "WPS_LOG_LEVEL": "WARNING",
        "WPS_RATE_LIMIT_PER_MINUTE": "1000000000",
        "WPS_KEY_CACHE_SECONDS": "3600",
    }
    wps = str(ROOT / ".venv" / "bin" / "wps")
    uvicorn = str(ROOT / ".venv" / "bin" / "uvicorn")
    results = []
    service = start([wps, "serve", "--no-migrate", "--port", str(SERVICE)], env, SERVICE)
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
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(GET_SCRIPT % opts.trainings)
        results.append(
            pair(
                "list (50, program+FY)",
                (SERVICE, LIST_QUERY, None),
                (FLOOR, LIST_QUERY, None),
                opts,
                headers,
            )
        )
        results.append(
            pair("get by id", (SERVICE, "/", script.name), (FLOOR, "/", script.name), opts, headers)
        )
        first = "/api/v1/trainings?limit=50"
        cursor = asyncio.run(deep_cursor(opts.database_url, 1000, first, headers))
        results.append(
            pair(
                "list page 1 vs page 1,000",
                (SERVICE, first, None),
                (SERVICE, f"{first}&cursor={cursor}", None),
                opts,
                headers,
            )
        )
        results.append(
            pair(
                "women-trained report vs GROUP BY on base tables",
                (SERVICE, REPORT_QUERY, None),
                (FLOOR, REPORT_QUERY, None),
                opts,
                headers,
            )
        )
        report_small = results[-1]["a"]
    finally:
        service.terminate()
        floor.terminate()
        service.wait()
        floor.wait()

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
        asyncio.run(seed(opts.database_url, opts.trainings * 10, opts.key_file))
        key = Path(opts.key_file).read_text().strip()
        headers = {"Authorization": f"Bearer {key}"}
        service = start([wps, "serve", "--no-migrate", "--port", str(SERVICE)], env, SERVICE)
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
        asyncio.run(seed(opts.database_url, opts.trainings, opts.key_file))

    write_results(opts, results, (service_s, floor_s), ten_x)


def write_results(opts, results, imports_, ten_x) -> None:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    aims = {
        "list (50, program+FY)": ">= 0.6x the floor",
        "get by id": ">= 0.5x the floor",
        "list page 1 vs page 1,000": "page 1,000 within 1.2x of page 1 (ratio <= 1.2)",
        "women-trained report vs GROUP BY on base tables": "within 1.3x (ratio >= 0.77)",
    }
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}. PostgreSQL, the service (one uvicorn worker), the "
        f"floor and wrk all on this machine over loopback. {opts.trainings:,} trainings, "
        f"{opts.trainings * 3:,} participant rows. wrk -t{opts.threads} -c{opts.connections} "
        f"-d{opts.duration}s, {opts.rounds} rounds alternating the sides (A B, B A, ...); medians.",
        "",
        "| pair | A req/s | B req/s | A/B | aim |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | {r['a']:.0f} | {r['b']:.0f} | {r['ratio']:.2f} | {aims[r['name']]} |"
        )
    service_s, floor_s = imports_
    lines += [
        "",
        f"Import of 10,000 trainings (30,000 participant rows): service {service_s:.2f} s, plain "
        f"asyncpg executemany of the same rows {floor_s:.2f} s: {floor_s / service_s:.2f}x its "
        "speed (aim: at least 0.33x). Both inside a transaction that is rolled back.",
    ]
    if ten_x:
        small, big = ten_x
        lines += [
            "",
            f"Women-trained report at 10x the data ({opts.trainings * 10:,} trainings): "
            f"{big:.0f} req/s vs {small:.0f} req/s at {opts.trainings:,}: {small / big:.2f}x the "
            "time (aim: under 3x).",
        ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += [
        "",
        f"Load average when the run ended: {load} (other work on the machine adds noise; the "
        "alternation cancels slow drift, not bursts).",
        "",
        "Regenerate with `python -m bench.run` (see README, Benchmarks).",
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
