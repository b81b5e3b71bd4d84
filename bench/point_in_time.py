"""The women-trained report as known at an instant vs a direct GROUP BY on the same data.

    .venv/bin/python -m bench.point_in_time --database-url \
        postgresql+asyncpg://postgres@127.0.0.1/wps_bench_history --trainings 100000

Seeds N trainings (bench/seed.py: COPY, so the history triggers write a version of every row),
then edits a tenth of the participant rows twice in bulk SQL (so history holds about 1.2
versions a row), and times, alternating, median of the rounds: the report as known now
(`as_known_on`: read from the history tables, the rollup rebuilt from them in the query), the
direct GROUP BY over the base tables (as bench/floor.py answers it), and the current report
(the rollup). Aim: the point-in-time report within 3x of the direct GROUP BY.
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
from app.core.history import known_as_of
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
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for _ in range(2):
            await conn.execute(
                "UPDATE training_participants SET women = women + 1 WHERE men % 10 = 0"
            )
        await conn.execute("VACUUM ANALYZE")
        versions = await conn.fetchval("SELECT count(*) FROM training_participants_history")
        rows = await conn.fetchval("SELECT count(*) FROM training_participants")
    finally:
        await conn.close()
    engine = create_engine(Settings(database_url=url, db_pool_size=2, _env_file=None))  # type: ignore[call-arg]
    sessionmaker = create_sessionmaker(engine)
    async with transaction(sessionmaker) as session:
        await rollup.rebuild(session)  # the bulk edits went around it
    now = datetime.now(UTC)

    async def as_known() -> None:
        async with sessionmaker() as session:
            with known_as_of(now):
                await women_trained(session, ANALYST, group_by=GROUPS)

    async def current() -> None:
        async with sessionmaker() as session:
            await women_trained(session, ANALYST, group_by=GROUPS)

    async def group_by() -> None:
        async with sessionmaker() as session:
            (await session.execute(text(GROUP_BY_SQL))).all()

    # Same figures both ways (the seed's rollup is rebuilt from the records).
    async with sessionmaker() as session:
        with known_as_of(now):
            then = await women_trained(session, ANALYST, group_by=GROUPS)
        assert then.rows == (await women_trained(session, ANALYST, group_by=GROUPS)).rows
    times: dict[str, list[float]] = {"as_known": [], "group_by": [], "current": []}
    sides = [("as_known", as_known), ("group_by", group_by), ("current", current)]
    for round_ in range(rounds):
        for name, work in sides if round_ % 2 == 0 else reversed(sides):
            times[name].append(await timed(work))
    await engine.dispose()
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{trainings:,} trainings, {rows:,} participant rows, {versions:,} versions of them")
    for name, value in median.items():
        print(f"  {name}: {value * 1000:.0f} ms")
    print(f"  as_known / group_by: {median['as_known'] / median['group_by']:.2f}x (aim: <= 3x)")


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--trainings", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(run(args.database_url, args.trainings, args.rounds))


if __name__ == "__main__":
    main()
