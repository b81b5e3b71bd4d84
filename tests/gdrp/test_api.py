"""GDRP advisory engagements and policy milestones over HTTP: fiscal years, counterparts by
sex, a milestone's engagement of the same partner, embassy scope, audit and CSV."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.facilities.helpers import patch
from tests.gdrp.helpers import ENGAGEMENTS, MILESTONES, add, engagement, milestone


async def test_engagement_round_trip(client: httpx.AsyncClient, keys: Keys) -> None:
    made = await add(client, keys, ENGAGEMENTS, engagement(partner="ua", program="gdrp"))
    assert (made["partner"], made["program"], made["fiscal_year"]) == ("UKR", "GDRP", 2022)
    assert made["counterparts"] == {"women": 4, "men": 9, "unreported": 0, "total": 13}
    assert made["focus"] == ["hr_reform", "wps_policy"]
    path = f"{ENGAGEMENTS}/{made['id']}"
    changed = await patch(client, keys, path, {"start_date": "2021-09-30", "focus": ["education"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["fiscal_year"] == 2021 and changed.json()["focus"] == ["education"]
    later = await patch(client, keys, path, {"end_date": "2021-01-01"})
    assert later.status_code == 422 and later.json()["errors"][0]["pointer"] == "/end_date"
    admin = keys.headers("admin")
    for body, pointer in (
        (engagement(counterparts={"women": -1}), "/counterparts/women"),
        (engagement(focus=["golf"]), "/focus/0"),
        (engagement(partner="ZZ"), "/partner"),
        (engagement(program="NOPE"), "/program"),
    ):
        response = await client.post(ENGAGEMENTS, json=body, headers=admin)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["pointer"] == pointer, response.text
    events = await client.get(
        "/api/v1/audit-events", params={"resource_type": "advisory_engagement"}, headers=admin
    )
    assert [e["action"] for e in events.json()["items"]].count("update") == 1


async def test_milestone_engagement_must_be_the_same_partner(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    ukraine = await add(client, keys, ENGAGEMENTS, engagement())
    georgia = await add(client, keys, ENGAGEMENTS, engagement(partner="GEO"))
    admin = keys.headers("admin")
    wrong = await client.post(MILESTONES, json=milestone(engagement=georgia["id"]), headers=admin)
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["pointer"] == "/engagement"
    missing = await client.post(MILESTONES, json=milestone(engagement=999), headers=admin)
    assert missing.status_code == 422 and missing.json()["errors"][0]["pointer"] == "/engagement"
    made = await add(client, keys, MILESTONES, milestone(engagement=ukraine["id"]))
    assert (made["engagement"], made["fiscal_year"]) == (ukraine["id"], 2022)
    path = f"{MILESTONES}/{made['id']}"
    # moving the milestone to Georgia keeps Ukraine's engagement: refused, nothing changed
    moved = await patch(client, keys, path, {"partner": "GEO"})
    assert moved.status_code == 422 and moved.json()["errors"][0]["pointer"] == "/engagement"
    both = await patch(client, keys, path, {"partner": "GEO", "engagement": georgia["id"]})
    assert both.status_code == 200 and both.json()["partner"] == "GEO"
    # an engagement named by a milestone keeps its partner and is not deleted
    kept = await patch(client, keys, f"{ENGAGEMENTS}/{georgia['id']}", {"partner": "UKR"})
    assert kept.status_code == 409
    etag = (await client.get(f"{ENGAGEMENTS}/{georgia['id']}", headers=admin)).headers["etag"]
    gone = await client.delete(
        f"{ENGAGEMENTS}/{georgia['id']}", headers={**admin, "If-Match": etag}
    )
    assert gone.status_code == 409


async def test_lists_filter_scope_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    await add(client, keys, ENGAGEMENTS, engagement())
    await add(client, keys, ENGAGEMENTS, engagement(partner="KEN", focus=["recruitment"]))
    await add(client, keys, MILESTONES, milestone())
    await add(
        client,
        keys,
        MILESTONES,
        milestone(partner="KEN", kind="gender_policy", adopted_on="2023-01-05"),
    )
    admin, embassy = keys.headers("admin"), keys.headers("embassy")  # embassy: KEN

    async def partners(path: str, headers: dict[str, str], **params: object) -> list[str]:
        response = await client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        return [item["partner"] for item in response.json()["items"]]

    assert await partners(ENGAGEMENTS, admin, focus="recruitment") == ["KEN"]
    assert await partners(ENGAGEMENTS, admin, partner="ua") == ["UKR"]
    assert await partners(MILESTONES, admin, kind="gender_policy") == ["KEN"]
    assert await partners(MILESTONES, admin, from_fy=2022, to_fy=2022) == ["UKR"]
    assert await partners(ENGAGEMENTS, embassy) == ["KEN"]
    assert await partners(MILESTONES, embassy) == ["KEN"]
    assert (await client.get(f"{MILESTONES}/1", headers=embassy)).status_code == 404
    assert (await client.get(f"{ENGAGEMENTS}/1", headers=embassy)).status_code == 404
    assert (await client.post(MILESTONES, json=milestone(), headers=embassy)).status_code == 403
    exported = await client.get(ENGAGEMENTS, params={"format": "csv"}, headers=admin)
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["counterparts.women"] == "4" and rows[0]["focus"] == "hr_reform;wps_policy"
