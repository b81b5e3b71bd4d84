"""Seed a PostgreSQL database with N trainings (3 participant rows each) for the benchmark.

    .venv/bin/python -m bench.seed --database-url $URL \
        --trainings 100000 --key-file /tmp/wps-bench-key

Migrates, seeds reference data, replaces every training with generated ones (COPY), rebuilds
the women-trained rollup from the records, ANALYZEs, and writes an analyst API key to
--key-file.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from datetime import UTC, date, datetime, timedelta

import asyncpg
from sqlalchemy import text

from app.apikeys.service import create_key
from app.cli import migrate
from app.core.commit import transaction
from app.core.config import Settings
from app.core.db import create_engine, create_sessionmaker
from app.core.security import Role
from app.seed import seed_reference_data
from app.trainings import rollup

KINDS = ["course", "train_the_trainer", "workshop", "exercise", "advisory"]
TOPICS = [
    "gender_integration",
    "sea_prevention",
    "nio",
    "peacekeeping",
    "demining",
    "eore",
    "stockpile_management",
    "defense_reform",
    "leadership",
]
CHUNK = 50_000


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def seed(url: str, trainings: int, key_file: str | None) -> None:
    started = time.perf_counter()
    await asyncio.to_thread(migrate, "heads", database_url=url)
    settings = Settings(database_url=url, db_pool_size=2, _env_file=None)  # type: ignore[call-arg]
    engine = create_engine(settings, long_work=True)  # set-up work: the long budget
    sessionmaker = create_sessionmaker(engine)
    async with transaction(sessionmaker) as session:
        await seed_reference_data(session)
        await session.execute(
            text(
                "TRUNCATE trainings, training_participants, training_topics, women_trained_rollup,"
                " trainings_history, training_participants_history, training_topics_history,"
                " women_trained_rollup_history"
            )
        )
        await session.execute(text("ALTER SEQUENCE trainings_id_seq RESTART WITH 1"))
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        programs = [r["id"] for r in await conn.fetch("SELECT id FROM programs ORDER BY id")]
        partners = [r["id"] for r in await conn.fetch("SELECT id FROM partners ORDER BY id")]
        rng = random.Random(2026)
        now = datetime.now(UTC)
        for first in range(1, trainings + 1, CHUNK):
            rows, participants, topics = [], [], []
            for training_id in range(first, min(first + CHUNK, trainings + 1)):
                fy = 2007 + training_id % 20
                start = date(fy - 1, 10, 1) + timedelta(days=rng.randint(0, 360))
                program = programs[(training_id // 20) % len(programs)]
                rows.append(
                    (
                        training_id,
                        program,
                        f"Training {training_id}",
                        KINDS[training_id % len(KINDS)],
                        start,
                        start + timedelta(days=rng.randint(0, 14)),
                        fy,
                        rng.choice(partners),
                        "Somewhere",
                        "direct" if training_id % 3 else "enabled",
                        rng.randint(4, 80),
                        f"B-{training_id}",
                        1,
                        now,
                        now,
                    )
                )
                for partner in rng.sample(partners, 3):
                    participants.append(
                        (
                            training_id,
                            partner,
                            rng.randint(0, 12),
                            rng.randint(0, 30),
                            rng.randint(0, 2),
                        )
                    )
                for topic in rng.sample(TOPICS, 1 + training_id % 2):
                    topics.append((training_id, topic))
            await conn.copy_records_to_table(
                "trainings",
                records=rows,
                columns=[
                    "id",
                    "program_id",
                    "title",
                    "kind",
                    "start_date",
                    "end_date",
                    "fiscal_year",
                    "host_country_id",
                    "location",
                    "delivery",
                    "hours",
                    "external_ref",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            )
            await conn.copy_records_to_table(
                "training_participants",
                records=participants,
                columns=["training_id", "partner_id", "women", "men", "unreported"],
            )
            await conn.copy_records_to_table(
                "training_topics", records=topics, columns=["training_id", "topic"]
            )
            print(f"  {min(first + CHUNK - 1, trainings)} trainings", flush=True)
        await conn.execute(f"ALTER SEQUENCE trainings_id_seq RESTART WITH {trainings + 1}")
    finally:
        await conn.close()
    async with transaction(sessionmaker) as session:
        await rollup.rebuild(session)
        secret = None
        if key_file:
            _, secret = await create_key(session, None, name="bench", role=Role.analyst)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    await conn.execute("VACUUM ANALYZE")
    await conn.close()
    await engine.dispose()
    if key_file and secret:
        with open(key_file, "w") as f:
            f.write(secret)
    print(f"seeded {trainings} trainings in {time.perf_counter() - started:.1f}s")


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--trainings", type=int, default=100_000)
    parser.add_argument("--key-file")
    args = parser.parse_args()
    asyncio.run(seed(args.database_url, args.trainings, args.key_file))


if __name__ == "__main__":
    main()
