"""Bulk import of policy milestones: all or nothing, upsert on (partner, external_ref), an
engagement of the row's partner."""

from __future__ import annotations

import httpx

from tests.conftest import Keys
from tests.gdrp.helpers import ENGAGEMENTS, IMPORTS, MILESTONES, add, engagement, milestone


async def test_import_checks_the_engagement_and_upserts(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    ukraine = await add(client, keys, ENGAGEMENTS, engagement())
    admin = keys.headers("admin")
    rows = [
        milestone(external_ref="M-1", engagement=ukraine["id"]),
        milestone(partner="KEN", external_ref="M-2", engagement=ukraine["id"]),
    ]
    refused = await client.post(IMPORTS, json=rows, headers=admin)
    assert refused.status_code == 422
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [(2, "/engagement")]
    assert (await client.get(MILESTONES, headers=admin)).json()["items"] == []
    rows[1]["engagement"] = None
    made = await client.post(IMPORTS, json=rows, headers=admin)
    assert made.json()["created"] == 2, made.text
    rows[1]["title"] = "Gender policy of the Kenya Defence Forces"
    again = await client.post(IMPORTS, json=rows, headers=admin)
    assert (again.json()["updated"], again.json()["unchanged"]) == (1, 1)
    titles = [m["title"] for m in (await client.get(MILESTONES, headers=admin)).json()["items"]]
    assert titles[1] == "Gender policy of the Kenya Defence Forces"
