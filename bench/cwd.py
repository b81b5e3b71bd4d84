"""The cwd-teams report on ten times the data vs once (not part of the test run).

    .venv/bin/python -m bench.cwd --database-url sqlite+aiosqlite:////tmp/wps-cwd.db
    .venv/bin/python -m bench.cwd --database-url postgresql+asyncpg://postgres@127.0.0.1/wps_bench

Fills the database with a CWD portfolio (1x: 2,000 teams in 40 countries, each with four
rosters of three roles; 10x: 20,000 teams, 80,000 rosters, 240,000 member rows), then times
GET /api/v1/reports/cwd-teams?group_by=composition,partner in-process (the full stack: key
check, the sum of the rollup's changes up to as_of per group, GROUP BY in the database, JSON;
the rollup is rebuilt after the bulk fill), median
of the rounds, at 1x and at 10x. Aim: 10x under 3x the time of 1x. Prints the ratio and a
line for bench/RESULTS.md.
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
from app.core.commit import transaction
from app.core.config import Settings
from app.core.models import utcnow
from app.core.security import Role
from app.cwd import rollup
from app.cwd.models import CwdRoster, CwdRosterMember, CwdTeam
from app.cwd.schemas import Activity
from app.main import create_app
from app.partners.models import Partner
from app.programs.models import Program
from app.seed import seed_reference_data

BASE_TEAMS = 2_000
ROSTER_DATES = [date(2021, 3, 31), date(2021, 9, 30), date(2022, 3, 31), date(2022, 9, 30)]
REPORT = "/api/v1/reports/cwd-teams?as_of=2022-06-30&group_by=composition,partner"
ACTIVITIES = list(Activity)


def _members(n: int, k: int) -> list[tuple[str, int, int]]:
    """Three roles; the mix moves with the team and the roster (all women, all men, mixed)."""
    kind = (n + k) % 3
    women, men = (8, 0) if kind == 0 else (0, 8) if kind == 1 else (4, 4)
    return [
        ("team_leader", 1 if kind != 1 else 0, 1 if kind == 1 else 0),
        ("deminer", women, men),
        ("medic", 1, 0 if kind == 0 else 1),
    ]


async def fill(sessionmaker: Any, teams: int) -> None:
    """Replace every CWD team with `teams` of them, in bulk."""
    now = utcnow()
    async with transaction(sessionmaker) as session:
        await session.execute(delete(CwdTeam))
        program_id = await session.scalar(select(Program.id).where(Program.code == "CWD"))
        partners = list(
            (await session.scalars(select(Partner.id).order_by(Partner.code).limit(40))).all()
        )
        stamp = {"version": 1, "created_at": now, "updated_at": now}
        for start in range(0, teams, 5_000):
            rows = [
                {
                    "program_id": program_id,
                    "partner_id": partners[n % len(partners)],
                    "name": f"Team {n}",
                    "activity": ACTIVITIES[n % len(ACTIVITIES)],
                    "formed_on": date(2021, 1, 1) + timedelta(days=n % 60),
                    "disbanded_on": None if n % 10 else date(2022, 12, 31),
                    **stamp,
                }
                for n in range(start, min(start + 5_000, teams))
            ]
            ids = (await session.scalars(insert(CwdTeam).returning(CwdTeam.id), rows)).all()
            rosters = [
                {
                    "team_id": team_id,
                    "as_of": day,
                    "women": 0,
                    "men": 0,
                    "unreported": 0,
                    "women_in_leadership": 0,
                    **stamp,
                }
                for team_id in ids
                for day in ROSTER_DATES
            ]
            members = _roster_members(rosters)
            roster_ids = (
                await session.scalars(insert(CwdRoster).returning(CwdRoster.id), rosters)
            ).all()
            await session.execute(
                insert(CwdRosterMember),
                [
                    {"roster_id": roster_id, "role": role, "women": w, "men": m, "unreported": 0}
                    for roster_id, listed in zip(roster_ids, members, strict=True)
                    for role, w, m in listed
                ],
            )
        # Written in bulk past the service: the report's rollup is recomputed from them.
        await rollup.rebuild(session)


def _roster_members(rosters: list[dict[str, Any]]) -> list[list[tuple[str, int, int]]]:
    """Each roster's members, and its totals filled in (as the service derives them)."""
    found = []
    for k, roster in enumerate(rosters):
        listed = _members(roster["team_id"], k % len(ROSTER_DATES))
        roster["women"] = sum(w for _, w, _ in listed)
        roster["men"] = sum(m for _, _, m in listed)
        roster["women_in_leadership"] = sum(w for role, w, _ in listed if role == "team_leader")
        found.append(listed)
    return found


async def timed(http: httpx.AsyncClient, headers: dict[str, str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = await http.get(REPORT, headers=headers)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.text[:500]
    return statistics.median(times)


async def bench(url: str, rounds: int) -> None:
    await asyncio.to_thread(migrate, "heads", database_url=url)
    settings = Settings(database_url=url, log_level="WARNING", _env_file=None)  # type: ignore[call-arg]
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        sessionmaker = app.state.sessionmaker
        async with transaction(sessionmaker) as session:
            await seed_reference_data(session)
            _, secret = await create_key(session, None, name="bench-cwd", role=Role.admin)
        headers = {"Authorization": f"Bearer {secret}"}
        transport = httpx.ASGITransport(app=app)
        found: dict[int, float] = {}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", timeout=600
        ) as http:
            for scale in (1, 10):
                teams = BASE_TEAMS * scale
                await fill(sessionmaker, teams)
                await timed(http, headers, 1)  # warm the statement caches
                found[scale] = await timed(http, headers, rounds)
                report = (await http.get(REPORT, headers=headers)).json()
                print(
                    f"{scale}x: {teams:,} teams, {teams * 4:,} rosters, "
                    f"{report['totals']['teams']:,} active on 2022-06-30 in "
                    f"{len(report['rows'])} groups; report {found[scale] * 1000:.1f} ms"
                )
            await fill(sessionmaker, 0)
    ratio = found[10] / found[1]
    backend = url.split(":", 1)[0].split("+")[0]
    print(f"10x / 1x = {ratio:.2f} (aim: under 3x)")
    print(
        f"| cwd-teams report (group_by=composition,partner), {backend} | "
        f"{found[1] * 1000:.0f} ms ({BASE_TEAMS:,} teams) | "
        f"{found[10] * 1000:.0f} ms ({BASE_TEAMS * 10:,} teams) | {ratio:.2f}x | under 3x |"
    )


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(bench(args.database_url, args.rounds))


if __name__ == "__main__":
    main()
