"""The rollup behind the facility-upgrades report gives exactly what the records give: after
random writes (upgrades created, moved through their statuses, edited, deleted and imported,
a center moved to another country), for every grouping and filter, through the report against
the same report asked as known now (which sums the records), and row for row."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.facilities import rollup
from app.facilities.schemas import Feature
from tests.conftest import Keys
from tests.facilities.helpers import CENTERS, IMPORTS, UPGRADES, add_center, add_upgrade, patch
from tests.history.rollups import rows_as_known
from tests.history.test_point_in_time import instant

REPORT = "/api/v1/reports/facility-upgrades"
CENTER_CODES = {"GHA-A": "GHA", "GHA-B": "GHA", "KEN-A": "KEN"}
FEATURES = [f.value for f in Feature]
NEXT = {"planned": ["in_progress", "cancelled"], "in_progress": ["completed", "cancelled"]}


def completed_on(rng: random.Random) -> str:
    return f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def random_upgrade(rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    status = rng.choice(["planned", "in_progress", "completed", "completed", "cancelled"])
    cost = rng.choice([None, f"{rng.randint(0, 90_000)}.{rng.randint(0, 99):02d}"])
    body = {
        "training_center": rng.choice(list(CENTER_CODES)),
        "program": rng.choice(["GPOI", "GPOI", "CWD"]),
        "features": sorted(rng.sample(FEATURES, rng.randint(1, 3))),
        "women_beds_added": rng.randint(0, 30),
        "status": status,
        "completed_on": completed_on(rng) if status == "completed" else None,
        "cost_usd": cost,
    }
    if ref is not None:
        body["external_ref"] = ref
    return body


def random_edit(rng: random.Random, stored: dict[str, Any]) -> dict[str, Any]:
    other = random_upgrade(rng)
    edit = {k: other[k] for k in rng.sample(["features", "women_beds_added", "cost_usd"], 2)}
    if rng.random() < 0.3:
        edit["training_center"] = other["training_center"]
    if stored["status"] in NEXT and rng.random() < 0.6:
        edit["status"] = rng.choice(NEXT[stored["status"]])
        if edit["status"] == "completed":
            edit["completed_on"] = completed_on(rng)
    elif stored["status"] == "completed" and rng.random() < 0.5:
        edit["completed_on"] = completed_on(rng)  # another fiscal year, perhaps
    return edit


async def random_writes(client: httpx.AsyncClient, keys: Keys, rng: random.Random) -> None:
    admin = keys.headers("admin")
    for code, partner in CENTER_CODES.items():
        await add_center(client, keys, code=code, partner=partner)
    ids: list[int] = []
    for _ in range(80):
        action = rng.random()
        if action < 0.3 or not ids:
            ids.append((await add_upgrade(client, keys, **random_upgrade(rng))).json()["id"])
        elif action < 0.65:
            upgrade_id = rng.choice(ids)
            path = f"{UPGRADES}/{upgrade_id}"
            stored = (await client.get(path, headers=admin)).json()
            changed = await patch(client, keys, path, random_edit(rng, stored))
            assert changed.status_code == 200, changed.text
        elif action < 0.8:
            upgrade_id = ids.pop(rng.randrange(len(ids)))
            path = f"{UPGRADES}/{upgrade_id}"
            etag = (await client.get(path, headers=admin)).headers["etag"]
            gone = await client.delete(path, headers={**admin, "If-Match": etag})
            assert gone.status_code == 204
        elif action < 0.9:
            code = rng.choice(list(CENTER_CODES))
            moved = await patch(
                client, keys, f"{CENTERS}/{code}", {"partner": rng.choice(["GHA", "KEN", "NGA"])}
            )
            assert moved.status_code == 200, moved.text
        else:
            # New records and some that may update earlier imports (planned ones can move on).
            rows = [random_upgrade(rng, f"U{rng.randint(0, 12)}") for _ in range(5)]
            for row in rows:
                row["status"] = rng.choice(["planned", "in_progress"])
                row["completed_on"] = None
            if rng.random() < 0.5:
                rows[0].update(status="completed", completed_on=completed_on(rng))
            unique = list({(r["program"], r["external_ref"]): r for r in rows}.values())
            imported = await client.post(IMPORTS, json=unique, headers=admin)
            assert imported.status_code in (200, 409), imported.text
            listed = await client.get(f"{UPGRADES}?limit=500", headers=admin)
            ids = [u["id"] for u in listed.json()["items"]]


CALLS: list[dict[str, str]] = [
    {"group_by": "fiscal_year"},
    {"group_by": "partner"},
    {"group_by": "feature"},
    {"group_by": "fiscal_year,feature"},
    {"group_by": "feature,partner", "program": "GPOI"},
    {"group_by": "fiscal_year", "feature": "showers"},
    {"group_by": "feature", "feature": "bathrooms"},
    {"group_by": "partner,fiscal_year", "from_fy": "2020", "to_fy": "2023"},
    {"group_by": "feature", "partner": "GHA", "fiscal_year": "2022"},
]


async def test_random_writes_keep_the_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    rng = random.Random(5)
    await random_writes(client, keys, rng)
    async with session.begin():
        stored = await rollup.stored(session)
        assert stored == await rollup.from_records(session)
        assert len(stored) > 20
        await rollup.rebuild(session)
        assert await rollup.stored(session) == stored
    at = await instant()
    counted = 0
    for params in CALLS:
        for role in ("analyst", "embassy_gha"):
            counted += await rows_as_known(client, REPORT, params, keys.headers(role), at)
    assert counted > 50


async def report(client: httpx.AsyncClient, keys: Keys, **params: str) -> dict[str, Any]:
    answer = await client.get(REPORT, params=params, headers=keys.headers("analyst"))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


async def test_edits_move_the_sums(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    made = await add_upgrade(client, keys, status="completed", completed_on="2022-05-01")
    path = f"{UPGRADES}/{made.json()['id']}"
    await add_upgrade(client, keys, status="completed", completed_on="2022-06-01", cost_usd=None)
    by_feature = await report(client, keys, group_by="feature")
    assert {r["feature"]: r["completed"] for r in by_feature["rows"]} == {
        "accommodation": 2,
        "bathrooms": 2,
        "showers": 2,
    }
    # Each upgrade once in the totals; an unknown cost adds 0.
    assert by_feature["totals"] == {
        "completed": 2,
        "women_beds_added": 48,
        "cost_usd": "125000.00",
    }
    # The cost changed, a feature removed, another fiscal year.
    changed = await patch(
        client,
        keys,
        path,
        {"cost_usd": "0.10", "features": ["showers"], "completed_on": "2022-10-01"},
    )
    assert changed.status_code == 200, changed.text
    by_year = await report(client, keys, group_by="fiscal_year,feature")
    assert [(r["fiscal_year"], r["feature"], r["cost_usd"]) for r in by_year["rows"]] == [
        (2022, "accommodation", "0.00"),
        (2022, "bathrooms", "0.00"),
        (2022, "showers", "0.00"),
        (2023, "showers", "0.10"),
    ]
    assert by_year["totals"]["cost_usd"] == "0.10"
    # Completed is final: cancelling it is refused and changes nothing.
    refused = await patch(client, keys, path, {"status": "cancelled", "completed_on": None})
    assert refused.status_code == 409
    assert await report(client, keys, group_by="fiscal_year,feature") == by_year
    etag = (await client.get(path, headers=keys.headers("admin"))).headers["etag"]
    gone = await client.delete(path, headers={**keys.headers("admin"), "If-Match": etag})
    assert gone.status_code == 204
    after = await report(client, keys, group_by="fiscal_year")
    assert after["rows"] == [
        {"fiscal_year": 2022, "completed": 1, "women_beds_added": 24, "cost_usd": "0.00"}
    ]


async def test_cancelled_before_completion_never_counts(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    await add_center(client, keys)
    made = await add_upgrade(client, keys, status="in_progress")
    path = f"{UPGRADES}/{made.json()['id']}"
    assert (await patch(client, keys, path, {"status": "cancelled"})).status_code == 200
    assert (await report(client, keys, group_by="partner"))["rows"] == []
    async with session.begin():
        assert await rollup.stored(session) == {}


async def test_a_center_moving_country_moves_its_upgrades(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await add_center(client, keys)
    await add_upgrade(client, keys, status="completed", completed_on="2022-05-01")
    moved = await patch(client, keys, f"{CENTERS}/GHA-KAIPTC", {"partner": "KEN"})
    assert moved.status_code == 200, moved.text
    rows = (await report(client, keys, group_by="partner"))["rows"]
    assert rows == [
        {"partner": "KEN", "completed": 1, "women_beds_added": 24, "cost_usd": "125000.00"}
    ]
    assert Decimal(rows[0]["cost_usd"]) == Decimal("125000")
