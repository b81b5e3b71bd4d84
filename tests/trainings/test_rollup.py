"""The rollup behind the women-trained report stays equal to a GROUP BY over the records."""

from __future__ import annotations

import asyncio
import random

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.trainings import rollup
from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, assert_rollup_consistent, training

PARTNERS = ["KEN", "GHA", "NGA", "FRA", "BGD"]
TOPICS = ["nio", "peacekeeping", "leadership", "demining"]


def random_body(rng: random.Random, ref: str) -> dict:
    start = f"20{rng.randint(10, 22)}-{rng.randint(1, 12):02d}-01"
    return training(
        external_ref=ref,
        program=rng.choice(["GPOI", "CWD"]),
        kind=rng.choice(["course", "workshop"]),
        start_date=start,
        end_date=start,
        topics=rng.sample(TOPICS, rng.randint(0, 2)),
        participants=[
            {"partner": p, "women": rng.randint(0, 9), "men": rng.randint(0, 9)}
            for p in rng.sample(PARTNERS, rng.randint(0, 3))
        ],
    )


async def test_random_writes_keep_the_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    rng = random.Random(7)
    admin = keys.headers("admin")
    ids: dict[int, str] = {}
    for step in range(60):
        action = rng.random()
        if action < 0.45 or not ids:
            created = await client.post(TRAININGS, json=random_body(rng, f"R{step}"), headers=admin)
            assert created.status_code in (201, 409), created.text
            if created.status_code == 201:
                ids[created.json()["id"]] = created.headers["etag"]
        elif action < 0.75:
            training_id = rng.choice(list(ids))
            body = random_body(rng, f"R{step}")
            fields = rng.sample(sorted(body), 3)
            patch = {k: body[k] for k in fields if k != "end_date"}
            if "start_date" in patch:
                patch["end_date"] = patch["start_date"]
            response = await client.patch(
                f"{TRAININGS}/{training_id}",
                json=patch,
                headers={**admin, "If-Match": ids[training_id]},
            )
            assert response.status_code in (200, 409), response.text
            if response.status_code == 200:
                ids[training_id] = response.headers["etag"]
        elif action < 0.9:
            training_id = rng.choice(list(ids))
            response = await client.delete(
                f"{TRAININGS}/{training_id}", headers={**admin, "If-Match": ids.pop(training_id)}
            )
            assert response.status_code == 204
        else:
            rows = [random_body(rng, f"R{rng.randint(0, step)}") for _ in range(5)]
            unique = list({(r["program"], r["external_ref"]): r for r in rows}.values())
            response = await client.post("/api/v1/imports/trainings", json=unique, headers=admin)
            assert response.status_code == 200, response.text
            listed = await client.get(f"{TRAININGS}?limit=500", headers=admin)
            ids = {t["id"]: "*" for t in listed.json()["items"]}  # versions moved
        if step % 10 == 9:
            await assert_rollup_consistent(session)
    await assert_rollup_consistent(session)
    async with session.begin():
        before = await rollup.stored(session)
        await rollup.rebuild(session)
        assert await rollup.stored(session) == before


async def test_concurrent_writes_to_the_same_groups(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("integration")
    bodies = [
        training(external_ref=f"C{i}", participants=[{"partner": "KEN", "women": 1, "men": 2}])
        for i in range(16)
    ]
    responses = await asyncio.gather(
        *(client.post(TRAININGS, json=body, headers=admin) for body in bodies)
    )
    assert [r.status_code for r in responses] == [201] * 16
    report = await client.get("/api/v1/reports/women-trained", headers=admin)
    assert report.json()["totals"]["women"] == 16
    await assert_rollup_consistent(session)


async def test_sums_noted_for_commit_meet_a_later_write_that_empties_a_group(
    app: object, clean: None
) -> None:
    """A creation's sums wait for the commit statement; a write in the same transaction that
    may empty a group applies them with its own, so the group ends as their total."""
    from sqlalchemy import select

    from app.core.commit import transaction, work
    from app.partners.models import Partner
    from app.programs.models import Program
    from app.trainings.models import ROLLUP

    sessionmaker = app.state.sessionmaker  # type: ignore[attr-defined]
    async with sessionmaker() as db:
        program_id = await db.scalar(select(Program.id).where(Program.code == "GPOI"))
        partner_id = await db.scalar(select(Partner.id).where(Partner.code == "KEN"))
    group = ("", 2022, program_id, partner_id, "course")
    kept = ("", 2023, program_id, partner_id, "course")
    async with transaction(sessionmaker) as db:
        await rollup.apply(db, {group: [3, 1, 0, 1], kept: [2, 2, 0, 1]})
        assert set(work(db).adjustments[ROLLUP.name]) == {group, kept}  # noted, not written
        await rollup.apply(db, {group: [-3, -1, 0, -1]})  # the group's last row goes
        assert set(work(db).adjustments[ROLLUP.name]) == {kept}
    async with sessionmaker() as db:
        assert await rollup.stored(db) == {kept: (2, 2, 0, 1)}
