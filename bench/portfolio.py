"""The facility-upgrades and policy-milestones reports on ten times the base volume against
the base volume (not part of the test run).

    .venv/bin/python -m bench.portfolio --database-url sqlite+aiosqlite:////tmp/wps-portfolio.db
    .venv/bin/python -m bench.portfolio --database-url postgresql+asyncpg://postgres@127.0.0.1/wps_bench

The base volume (1x) is a portfolio larger than GPOI's and GDRP's today: 200 training centers
in 100 partners with 4,000 upgrades (three features each on average, two in three completed)
and 4,000 policy milestones over FY2008-2027. For each volume the records are written in bulk,
and the reports' rollups rebuilt from them; then every report call below is asked in-process
over HTTP (middleware, key check, SQL GROUP BY over the report's rollup, JSON) `--rounds`
times, alternating the calls; the median of each call is compared across volumes. Aim: 10x
under 3x the time of 1x. The records are deleted after each volume.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import delete, insert, select

from app.apikeys.service import create_key
from app.cli import migrate
from app.core.bulk import chunks
from app.core.commit import transaction
from app.core.config import Settings
from app.core.fiscal_year import fiscal_year
from app.core.models import utcnow
from app.core.security import Role
from app.facilities import rollup as upgrades_rollup
from app.facilities.models import FacilityUpgrade, TrainingCenter, UpgradeFeature
from app.facilities.schemas import Feature
from app.gdrp import rollup as milestones_rollup
from app.gdrp.models import PolicyMilestone
from app.gdrp.schemas import MilestoneKind
from app.main import create_app
from app.partners.models import Partner
from app.programs.models import Program
from app.seed import seed_reference_data

CENTERS, UPGRADES, MILESTONES = 200, 4_000, 4_000
CALLS = [
    "/api/v1/reports/facility-upgrades?program=GPOI&group_by=fiscal_year",
    "/api/v1/reports/facility-upgrades?group_by=fiscal_year,feature",
    "/api/v1/reports/facility-upgrades?group_by=partner&from_fy=2015&to_fy=2022",
    "/api/v1/reports/policy-milestones?program=GDRP&group_by=fiscal_year,kind",
    "/api/v1/reports/policy-milestones?group_by=partner",
]
FEATURES = list(Feature)
KINDS = list(MilestoneKind)
FIRST_DAY = date(2007, 10, 1)


async def fill(session: Any, scale: int) -> None:
    """`scale` times the base volume, written in bulk."""
    partners = (await session.scalars(select(Partner.id).order_by(Partner.id).limit(100))).all()
    programs = dict((await session.execute(select(Program.code, Program.id))).all())
    now = {"version": 1, "created_at": utcnow(), "updated_at": utcnow()}
    centers = [
        {"code": f"C{scale}-{n}", "name": f"Center {n}", "partner_id": partners[n % 100], **now}
        for n in range(CENTERS * scale)
    ]
    center_ids: list[int] = []
    for chunk in chunks(centers, "centers", None):
        result = await session.execute(
            insert(TrainingCenter).returning(TrainingCenter.id, sort_by_parameter_order=True),
            list(chunk),
        )
        center_ids += result.scalars().all()
    upgrades, features = [], []
    for n in range(UPGRADES * scale):
        done = n % 3 != 0
        day = FIRST_DAY + timedelta(days=(n * 37) % 7300)
        upgrades.append(
            {
                "training_center_id": center_ids[n % len(center_ids)],
                "program_id": programs["GPOI"] if n % 10 else programs["CWD"],
                "women_beds_added": n % 40,
                "status": "completed" if done else "planned",
                "completed_on": day if done else None,
                "fiscal_year": fiscal_year(day) if done else None,
                "cost_usd": f"{1000 + n % 250_000}.{n % 100:02d}",
                **now,
            }
        )
    upgrade_ids: list[int] = []
    for chunk in chunks(upgrades, "upgrades", None):
        result = await session.execute(
            insert(FacilityUpgrade).returning(FacilityUpgrade.id, sort_by_parameter_order=True),
            list(chunk),
        )
        upgrade_ids += result.scalars().all()
    for n, upgrade_id in enumerate(upgrade_ids):
        for k in range(1 + n % 5):
            features.append({"upgrade_id": upgrade_id, "feature": FEATURES[(n + k) % 7]})
    for chunk in chunks(features, "features", None):
        await session.execute(insert(UpgradeFeature), list(chunk))
    milestones = []
    for n in range(MILESTONES * scale):
        day = FIRST_DAY + timedelta(days=(n * 53) % 7300)
        milestones.append(
            {
                "partner_id": partners[n % 100],
                "program_id": programs["GDRP"] if n % 4 else programs["GPOI"],
                "kind": KINDS[n % len(KINDS)],
                "title": f"Milestone {n}",
                "adopted_on": day,
                "fiscal_year": fiscal_year(day),
                **now,
            }
        )
    for chunk in chunks(milestones, "milestones", None):
        await session.execute(insert(PolicyMilestone), list(chunk))
    # Written in bulk past the service: the reports' rollups are recomputed from them.
    await rebuild_rollups(session)


async def rebuild_rollups(session: Any) -> None:
    await upgrades_rollup.rebuild(session)
    await milestones_rollup.rebuild(session)


async def clear(session: Any) -> None:
    for model in (UpgradeFeature, FacilityUpgrade, TrainingCenter, PolicyMilestone):
        await session.execute(delete(model))
    await rebuild_rollups(session)


async def time_calls(http: httpx.AsyncClient, headers: dict[str, str], rounds: int) -> list[float]:
    """The median seconds of each call, the calls alternated within each round."""
    times: list[list[float]] = [[] for _ in CALLS]
    for call in CALLS:  # warm up: statement caches, the planner
        assert (await http.get(call, headers=headers)).status_code == 200
    for _ in range(rounds):
        for n, call in enumerate(CALLS):
            started = time.perf_counter()
            response = await http.get(call, headers=headers)
            times[n].append(time.perf_counter() - started)
            assert response.status_code == 200, response.text[:300]
    return [statistics.median(t) for t in times]


async def bench(url: str, rounds: int) -> None:
    await asyncio.to_thread(migrate, "heads", database_url=url)
    settings = Settings(database_url=url, log_level="WARNING", _env_file=None)  # type: ignore[call-arg]
    app = create_app(settings)
    medians: dict[int, list[float]] = {}
    async with app.router.lifespan_context(app):
        sessionmaker = app.state.sessionmaker
        async with transaction(sessionmaker) as session:
            await seed_reference_data(session)
            await clear(session)
            _, secret = await create_key(session, None, name="bench-portfolio", role=Role.admin)
        headers = {"Authorization": f"Bearer {secret}"}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for scale in (1, 10):
                async with transaction(sessionmaker) as session:
                    await fill(session, scale)
                if url.startswith("postgresql"):  # fresh statistics, as autovacuum would give
                    async with app.state.engine.begin() as conn:
                        await conn.exec_driver_sql("ANALYZE")
                medians[scale] = await time_calls(http, headers, rounds)
                async with transaction(sessionmaker) as session:
                    await clear(session)
    backend = url.split(":", 1)[0]
    print(f"{backend}, median of {rounds} rounds per call:")
    print("| report call | 1x ms | 10x ms | 10x / 1x |")
    print("| --- | ---: | ---: | ---: |")
    for call, one, ten in zip(CALLS, medians[1], medians[10], strict=True):
        print(f"| `{call.removeprefix('/api/v1/reports/')}` | {one * 1000:.1f} | "
              f"{ten * 1000:.1f} | {ten / one:.2f}x |")  # fmt: skip
    worst = max(ten / one for one, ten in zip(medians[1], medians[10], strict=True))
    print(f"worst ratio {worst:.2f}x (aim: under 3x)")


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    asyncio.run(bench(args.database_url, args.rounds))


if __name__ == "__main__":
    main()
