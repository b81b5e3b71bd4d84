"""The women-trained report as known at a past instant vs today's report, on the same data.

    .venv/bin/python -m bench.point_in_time --database-url \
        postgresql+asyncpg://postgres@127.0.0.1/wps_bench_history --trainings 20000

Seeds N trainings (bench/seed.py: COPY, so the history triggers write a version of every row,
and the rollup rebuilt, so its own history holds a version of every group), takes that instant
as "the past", then edits a tenth of the participant rows twice in bulk SQL and rebuilds the
rollup (so both histories hold later versions and the past figures differ from today's). Times,
alternating, median of the rounds: the report as known at the past instant (read from the
rollup's versions), the same rebuilt from the records' versions (the path before revision 0021,
still taken before the rollup's history began), today's report (the rollup) and the direct
GROUP BY over the base tables (as bench/floor.py answers it). Aim: the past figure costs about
what today's does, and no more than the GROUP BY (ratio <= 1.0).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import app.history  # noqa: F401 - the point-in-time sources
from app.core.commit import transaction
from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker
from app.core.history import known_as_of, rollups_from_records
from app.core.security import Principal, Role
from app.reports.women_trained import women_trained
from app.trainings import rollup
from bench.seed import asyncpg_dsn, seed

# The direct GROUP BY the trainings benchmark's floor answers (bench/floor.py's REPORT_SQL).
GROUP_BY_SQL = """
SELECT p.code AS program, t.fiscal_year, sum(tp.women) AS women, sum(tp.men) AS men,
       sum(tp.unreported) AS unreported
FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
JOIN programs p ON p.id = t.program_id
GROUP BY p.code, t.fiscal_year ORDER BY p.code, t.fiscal_year
"""
ANALYST = Principal(key_id=0, role=Role.analyst)
GROUPS = "program,fiscal_year"


async def timed(work: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await work()
    return time.perf_counter() - started


async def run(url: str, trainings: int, rounds: int) -> None:
    import asyncpg
    from sqlalchemy import text

    await seed(url, trainings, None)
    await asyncio.sleep(0.01)
    past = datetime.now(UTC)
    await asyncio.sleep(0.01)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for _ in range(2):
            await conn.execute(
                "UPDATE training_participants SET women = women + 1 WHERE men % 10 = 0"
            )
    finally:
        await conn.close()
    # The long budget: the rebuild is a repair over every row, and the records' path is timed.
    settings = Settings(database_url=url, db_pool_size=2, _env_file=None)  # type: ignore[call-arg]
    engine = create_engine(settings, long_work=True)
    sessionmaker = create_sessionmaker(engine)
    async with transaction(sessionmaker) as session:
        await rollup.rebuild(session)  # the bulk edits went around it
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("VACUUM ANALYZE")
        versions = await conn.fetchval("SELECT count(*) FROM training_participants_history")
        rows = await conn.fetchval("SELECT count(*) FROM training_participants")
        groups = await conn.fetchval("SELECT count(*) FROM women_trained_rollup_history")
    finally:
        await conn.close()

    async def report() -> object:
        async with sessionmaker() as session:
            return await women_trained(session, ANALYST, group_by=GROUPS)

    async def as_known() -> object:
        with known_as_of(past):
            return await report()

    async def from_records() -> object:
        with rollups_from_records():
            return await as_known()

    async def group_by() -> None:
        async with sessionmaker() as session:
            (await session.execute(text(GROUP_BY_SQL))).all()

    then = await as_known()
    assert then == await from_records(), "the two paths to the past figure differ"
    assert then != await report(), "the edits left the figures as they were"
    times: dict[str, list[float]] = {
        "as_known": [],
        "from_records": [],
        "current": [],
        "group_by": [],
    }
    sides = [
        ("as_known", as_known),
        ("from_records", from_records),
        ("current", report),
        ("group_by", group_by),
    ]
    for round_ in range(rounds):
        for name, work in sides if round_ % 2 == 0 else reversed(sides):
            times[name].append(await timed(work))
    await engine.dispose()
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{trainings:,} trainings, {rows:,} participant rows, {versions:,} versions of them,")
    print(f"  {groups:,} versions of rollup rows; medians of {rounds} alternating rounds:")
    for name, value in median.items():
        print(f"  {name}: {value * 1000:.1f} ms")
    for name in ("as_known", "from_records"):
        print(
            f"  {name} / current: {median[name] / median['current']:.2f}x,"
            f" / group_by: {median[name] / median['group_by']:.2f}x (aim for as_known: <= 1.0x)"
        )


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--trainings", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(run(args.database_url, args.trainings, args.rounds))


if __name__ == "__main__":
    main()
