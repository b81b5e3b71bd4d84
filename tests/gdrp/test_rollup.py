"""The rollup behind the policy-milestones report gives exactly what the records give: after
random writes (milestones created, edited, deleted and imported), for every grouping and
filter, against the same report asked as known now (which counts the records)."""

from __future__ import annotations

import random
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.gdrp import rollup
from app.gdrp.schemas import MilestoneKind
from tests.conftest import Keys
from tests.gdrp.helpers import IMPORTS, MILESTONES, add, milestone
from tests.history.rollups import rows_as_known
from tests.history.test_point_in_time import instant

REPORT = "/api/v1/reports/policy-milestones"
KINDS = [k.value for k in MilestoneKind]


def random_milestone(rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    body = milestone(
        partner=rng.choice(["UKR", "KEN", "GHA"]),
        program=rng.choice(["GDRP", "GDRP", "GPOI"]),
        kind=rng.choice(KINDS),
        adopted_on=f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    )
    if ref is not None:
        body["external_ref"] = ref
    return body


async def test_random_writes_keep_the_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    rng = random.Random(3)
    admin = keys.headers("admin")
    ids: list[int] = []
    for _ in range(60):
        action = rng.random()
        if action < 0.4 or not ids:
            ids.append((await add(client, keys, MILESTONES, random_milestone(rng)))["id"])
        elif action < 0.7:
            path = f"{MILESTONES}/{rng.choice(ids)}"
            other = random_milestone(rng)
            fields = rng.sample(["partner", "program", "kind", "adopted_on"], 2)
            edit = {k: other[k] for k in fields}
            etag = (await client.get(path, headers=admin)).headers["etag"]
            changed = await client.patch(path, json=edit, headers={**admin, "If-Match": etag})
            assert changed.status_code == 200, changed.text
        elif action < 0.85:
            path = f"{MILESTONES}/{ids.pop(rng.randrange(len(ids)))}"
            etag = (await client.get(path, headers=admin)).headers["etag"]
            gone = await client.delete(path, headers={**admin, "If-Match": etag})
            assert gone.status_code == 204
        else:
            rows = [random_milestone(rng, f"M{rng.randint(0, 8)}") for _ in range(5)]
            unique = list({r["external_ref"]: r for r in rows}.values())
            imported = await client.post(IMPORTS, json=unique, headers=admin)
            assert imported.status_code == 200, imported.text
            listed = await client.get(f"{MILESTONES}?limit=500", headers=admin)
            ids = [m["id"] for m in listed.json()["items"]]
    async with session.begin():
        stored = await rollup.stored(session)
        assert stored == await rollup.from_records(session)
        assert len(stored) > 15
        await rollup.rebuild(session)
        assert await rollup.stored(session) == stored
    at = await instant()
    counted = 0
    for params in (
        {"group_by": "fiscal_year"},
        {"group_by": "partner,kind"},
        {"group_by": "kind", "program": "GDRP", "from_fy": "2020", "to_fy": "2023"},
        {"group_by": "fiscal_year", "kind": "national_action_plan", "partner": "KEN"},
    ):
        for role in ("analyst", "embassy"):
            counted += await rows_as_known(client, REPORT, params, keys.headers(role), at)
    assert counted > 20
