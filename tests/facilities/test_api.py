"""Training centers and facility upgrades over HTTP: the status workflow, completed_on and
the fiscal year, exact money, features, embassy scope, audit and CSV."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.facilities.helpers import (
    CENTERS,
    UPGRADES,
    add_center,
    add_upgrade,
    center,
    patch,
    upgrade,
)


async def test_center_round_trip_and_codes_in_any_case(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    made = await add_center(client, keys, code="gha-kaiptc", partner="gh")
    assert made["code"] == "GHA-KAIPTC" and made["partner"] == "GHA"
    got = await client.get(f"{CENTERS}/gha-kaiptc", headers=keys.headers("analyst"))
    assert got.status_code == 200 and got.json()["name"] == center()["name"]
    again = await client.post(CENTERS, json=center(), headers=keys.headers("admin"))
    assert again.status_code == 409
    unknown = await client.post(
        CENTERS, json=center(code="X-1", partner="ZZ"), headers=keys.headers("admin")
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["pointer"] == "/partner"


async def test_upgrade_moves_planned_in_progress_completed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await add_center(client, keys)
    made = (await add_upgrade(client, keys)).json()
    assert made["status"] == "planned" and made["fiscal_year"] is None
    assert made["partner"] == "GHA" and made["cost_usd"] == "125000.00"
    assert made["features"] == ["accommodation", "bathrooms", "showers"]
    path = f"{UPGRADES}/{made['id']}"
    started = await patch(client, keys, path, {"status": "in_progress"})
    assert started.status_code == 200, started.text
    # completed without its date: 422 naming completed_on, nothing changed
    refused = await patch(client, keys, path, {"status": "completed"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["pointer"] == "/completed_on"
    assert (await client.get(path, headers=keys.headers("admin"))).json()["status"] == "in_progress"
    # 2021-10-01 is the first day of FY2022
    done = await patch(client, keys, path, {"status": "completed", "completed_on": "2021-10-01"})
    assert done.status_code == 200, done.text
    assert done.json()["fiscal_year"] == 2022
    moved = await patch(client, keys, path, {"completed_on": "2021-09-30"})
    assert moved.json()["fiscal_year"] == 2021
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "facility_upgrade"},
        headers=keys.headers("admin"),
    )
    actions = [e["action"] for e in events.json()["items"]]
    assert actions.count("update") == 3 and actions.count("create") == 1


async def test_refused_moves_answer_409_naming_the_rule(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await add_center(client, keys)
    planned = (await add_upgrade(client, keys)).json()
    path = f"{UPGRADES}/{planned['id']}"
    skipped = await patch(client, keys, path, {"status": "completed", "completed_on": "2022-01-01"})
    assert skipped.status_code == 409
    assert "planned → in_progress → completed" in skipped.json()["detail"]
    # planned → cancelled is allowed; cancelled is final
    assert (await patch(client, keys, path, {"status": "cancelled"})).status_code == 200
    back = await patch(client, keys, path, {"status": "planned"})
    assert back.status_code == 409 and "final" in back.json()["detail"]
    done = await add_upgrade(client, keys, status="completed", completed_on="2022-03-01")
    reopened = await patch(client, keys, done.headers["location"], {"status": "in_progress"})
    assert reopened.status_code == 409
    # only a completed upgrade has a completion date
    dated = await client.post(
        UPGRADES, json=upgrade(completed_on="2022-01-01"), headers=keys.headers("admin")
    )
    assert dated.status_code == 422
    assert dated.json()["errors"][0]["pointer"] == "/completed_on"


async def test_bad_bodies_are_422_naming_the_field(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    admin = keys.headers("admin")
    for body, pointer in (
        (upgrade(training_center="NOPE-1"), "/training_center"),
        (upgrade(program="NOPE"), "/program"),
        (upgrade(cost_usd="10.005"), "/cost_usd"),
        (upgrade(women_beds_added=-1), "/women_beds_added"),
        (upgrade(features=["sauna"]), "/features/0"),
        (upgrade(features=["showers", "showers"]), "/features"),
        (upgrade(features=[]), "/features"),
        (upgrade(fiscal_year=2022), "/fiscal_year"),
    ):
        response = await client.post(UPGRADES, json=body, headers=admin)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errors"][0]["pointer"] == pointer, response.text


async def test_lists_filter_and_answer_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    await add_center(client, keys, code="KEN-IPSTC", partner="KEN", name="IPSTC", location="Karen")
    await add_upgrade(client, keys, status="completed", completed_on="2022-03-01")
    await add_upgrade(
        client, keys, training_center="KEN-IPSTC", features=["lactation_room"], cost_usd="0.10"
    )
    admin = keys.headers("admin")

    async def ids(**params: object) -> list[str]:
        response = await client.get(UPGRADES, params=params, headers=admin)
        assert response.status_code == 200, response.text
        return [item["training_center"] for item in response.json()["items"]]

    assert await ids(partner="ke") == ["KEN-IPSTC"]
    assert await ids(feature="showers") == ["GHA-KAIPTC"]
    assert await ids(status="planned") == ["KEN-IPSTC"]
    assert await ids(from_fy=2022, to_fy=2022) == ["GHA-KAIPTC"]
    assert await ids(training_center="ken-ipstc") == ["KEN-IPSTC"]
    exported = await client.get(UPGRADES, params={"format": "csv"}, headers=admin)
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["cost_usd"] for r in rows] == ["125000.00", "0.10"]
    assert (
        rows[0]["features"] == "accommodation;bathrooms;showers"
        and rows[0]["fiscal_year"] == "2022"
    )


async def test_embassy_reads_only_its_own_country(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    await add_center(client, keys, code="KEN-IPSTC", partner="KEN", name="IPSTC")
    ghana = (await add_upgrade(client, keys)).headers["location"]
    kenya = (await add_upgrade(client, keys, training_center="KEN-IPSTC")).headers["location"]
    embassy = keys.headers("embassy")  # KEN
    assert (await client.get(ghana, headers=embassy)).status_code == 404
    assert (await client.get(kenya, headers=embassy)).status_code == 200
    assert (await client.get(f"{CENTERS}/GHA-KAIPTC", headers=embassy)).status_code == 404
    listed = await client.get(UPGRADES, headers=embassy)
    assert [i["partner"] for i in listed.json()["items"]] == ["KEN"]
    centers = await client.get(CENTERS, params={"format": "csv"}, headers=embassy)
    assert "GHA-KAIPTC" not in centers.text and "KEN-IPSTC" in centers.text
    write = await client.post(UPGRADES, json=upgrade(), headers=embassy)
    assert write.status_code == 403


async def test_features_change_moves_the_etag_and_center_with_upgrades_stays(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await add_center(client, keys)
    made = await add_upgrade(client, keys)
    path = made.headers["location"]
    changed = await patch(client, keys, path, {"features": ["childcare"]})
    assert changed.json()["features"] == ["childcare"]
    assert changed.headers["etag"] != made.headers["etag"]
    admin = keys.headers("admin")
    etag = (await client.get(f"{CENTERS}/GHA-KAIPTC", headers=admin)).headers["etag"]
    kept = await client.delete(f"{CENTERS}/GHA-KAIPTC", headers={**admin, "If-Match": etag})
    assert kept.status_code == 409
