"""Trainings: create, read, update, delete, with derived totals, ETags, audit and the rollup."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, assert_rollup_consistent, training


async def test_create_derives_totals_fiscal_year_and_alpha3(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await client.post(TRAININGS, json=training(), headers=keys.headers("integration"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["location"] == f"{TRAININGS}/{body['id']}"
    assert created.headers["etag"] == '"1"'
    assert body["fiscal_year"] == 2022
    assert body["totals"] == {"women": 9, "men": 25, "unreported": 0, "total": 34}
    assert body["participants"] == [
        {"partner": "GHA", "women": 6, "men": 18, "unreported": 0, "total": 24},
        {"partner": "KEN", "women": 3, "men": 7, "unreported": 0, "total": 10},
    ]
    assert body["topics"] == ["gender_integration", "peacekeeping"]
    assert body["host_country"] == "GHA"
    fetched = await client.get(f"{TRAININGS}/{body['id']}", headers=keys.headers("analyst"))
    assert fetched.status_code == 200
    assert fetched.json() == body  # the hand-built read path renders exactly TrainingRead
    assert fetched.headers["etag"] == '"1"'
    listed = await client.get(TRAININGS, headers=keys.headers("admin"))
    assert listed.json()["items"] == [body]
    cached = await client.get(
        f"{TRAININGS}/{body['id']}", headers=keys.headers("analyst", **{"If-None-Match": '"1"'})
    )
    assert cached.status_code == 304
    await assert_rollup_consistent(session)


async def test_update_replaces_participants_with_if_match_and_audits(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    created = await client.post(TRAININGS, json=training(), headers=admin)
    url = f"{TRAININGS}/{created.json()['id']}"
    etag = created.headers["etag"]

    missing = await client.patch(url, json={"title": "X"}, headers=admin)
    assert missing.status_code == 428
    updated = await client.patch(
        url,
        json={
            "participants": [{"partner": "NGA", "women": 10, "men": 5}],
            "start_date": "2021-09-30",
        },
        headers={**admin, "If-Match": etag},
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["fiscal_year"] == 2021
    assert body["participants"] == [
        {"partner": "NGA", "women": 10, "men": 5, "unreported": 0, "total": 15}
    ]
    assert body["totals"]["total"] == 15
    assert updated.headers["etag"] != etag
    stale = await client.patch(url, json={"title": "Y"}, headers={**admin, "If-Match": etag})
    assert stale.status_code == 412
    await assert_rollup_consistent(session)

    # Only child rows change: the version still moves, so ETags stay honest.
    etag2 = updated.headers["etag"]
    again = await client.patch(url, json={"topics": ["nio"]}, headers={**admin, "If-Match": etag2})
    assert again.status_code == 200
    assert again.json()["topics"] == ["nio"]
    assert again.headers["etag"] != etag2
    await assert_rollup_consistent(session)

    deleted_without = await client.delete(url, headers=admin)
    assert deleted_without.status_code == 428
    deleted = await client.delete(url, headers={**admin, "If-Match": again.headers["etag"]})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    await assert_rollup_consistent(session)

    events = (
        await client.get("/api/v1/audit-events?resource_type=training", headers=admin)
    ).json()["items"]
    assert [(e["action"], e["changed_fields"]) for e in events] == [
        ("delete", []),
        ("update", ["topics"]),
        ("update", ["participants", "start_date"]),
        ("create", sorted(training())),
    ]
