"""Results of manual indicators: every validation rule, updates, scoping, locks and forcing."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys
from tests.indicators.helpers import INDICATORS, create, pointers, post_result, put_target

COUNT = f"{INDICATORS}/CWD-TEST-COUNT"


async def test_breakdown_must_add_up_unless_a_rationale_flags_it(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys)
    good = await post_result(
        client, keys, "CWD-TEST-COUNT", fiscal_year=2021, value=100, women=40, men=60
    )
    body = good.json()
    assert (body["value"], body["women"], body["men"], body["unreported"]) == ("100", 40, 60, None)
    assert (body["flagged"], body["flags"], body["partner"]) == (False, [], None)
    assert good.headers["location"] == f"{COUNT}/results/{body['id']}"

    refused = await post_result(
        client, keys, "CWD-TEST-COUNT", 422, fiscal_year=2022, value=100, women=40, men=50
    )
    assert pointers(refused) == ["/women"]
    assert "90" in refused.json()["errors"][0]["detail"]
    flagged = await post_result(
        client,
        keys,
        "CWD-TEST-COUNT",
        fiscal_year=2022,
        value=100,
        women=40,
        men=50,
        rationale="Ten participants left before the sex count was taken",
    )
    assert (flagged.json()["flagged"], flagged.json()["flags"]) == (True, ["breakdown_mismatch"])
    assert flagged.json()["rationale"].startswith("Ten participants")
    listed = await client.get(
        f"{COUNT}/results", params={"flagged": "true"}, headers=keys.headers("analyst")
    )
    assert [r["fiscal_year"] for r in listed.json()["items"]] == [2022]


async def test_figures_must_fit_the_measure(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys)
    await create(client, keys, code="CWD-TEST-PCT", measure="percent")
    await create(client, keys, code="CWD-TEST-STORY", measure="qualitative")
    await create(client, keys, code="CWD-TEST-USD", measure="currency")
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("CWD-TEST-COUNT", {"fiscal_year": 2022}, "/value"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": "10.5"}, "/value"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": -1}, "/value"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "women": -1}, "/women"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "women": 1.5}, "/women"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "narrative": "x"}, "/narrative"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "numerator": 1}, "/numerator"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "id": 7}, "/id"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "flagged": True}, "/flagged"),
        ("CWD-TEST-COUNT", {"fiscal_year": 1900, "value": 1}, "/fiscal_year"),
        ("CWD-TEST-COUNT", {"fiscal_year": 2022, "value": 1, "partner": "QQQ"}, "/partner"),
        ("CWD-TEST-PCT", {"fiscal_year": 2022, "value": 40}, "/value"),
        ("CWD-TEST-PCT", {"fiscal_year": 2022, "numerator": 4}, "/denominator"),
        ("CWD-TEST-PCT", {"fiscal_year": 2022, "numerator": 4, "denominator": 0}, "/denominator"),
        (
            "CWD-TEST-PCT",
            {"fiscal_year": 2022, "numerator": 1, "denominator": 2, "women": 1},
            "/women",
        ),
        ("CWD-TEST-STORY", {"fiscal_year": 2022}, "/narrative"),
        ("CWD-TEST-STORY", {"fiscal_year": 2022, "narrative": "x", "value": 1}, "/value"),
        ("CWD-TEST-STORY", {"fiscal_year": 2022, "narrative": "bad\u0000"}, "/narrative"),
        ("CWD-TEST-USD", {"fiscal_year": 2022, "value": "10.001"}, "/value"),
        ("CWD-TEST-USD", {"fiscal_year": 2022, "value": 5, "women": 5}, "/women"),
    ]
    for code, body, pointer in cases:
        response = await post_result(client, keys, code, 422, **body)
        assert pointer in pointers(response), (code, body, response.json())

    share = await post_result(
        client, keys, "CWD-TEST-PCT", fiscal_year=2022, numerator=2, denominator=3
    )
    assert (share.json()["value"], share.json()["numerator"], share.json()["denominator"]) == (
        "66.7",
        "2",
        "3",
    )
    story = await post_result(
        client, keys, "CWD-TEST-STORY", fiscal_year=2022, narrative="Teams now led by women."
    )
    assert (story.json()["value"], story.json()["narrative"]) == (None, "Teams now led by women.")
    money = await post_result(client, keys, "CWD-TEST-USD", fiscal_year=2022, value="1000000.1")
    assert money.json()["value"] == "1000000.10"


async def test_derived_indicators_take_no_results(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await post_result(client, keys, "GPOI-WOMEN-TRAINED", 409, fiscal_year=2022, value=1)
    assert "derived" in response.json()["detail"]
    assert "women_trained" in response.json()["detail"]


async def test_one_result_per_year_and_partner_then_patch(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    await create(client, keys)
    first = (await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=10)).json()
    again = await post_result(client, keys, "CWD-TEST-COUNT", 409, fiscal_year=2022, value=11)
    assert f"/results/{first['id']}" in again.json()["detail"]
    kenya = await post_result(
        client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=4, partner="KE"
    )
    assert kenya.json()["partner"] == "KEN"

    url = f"{COUNT}/results/{first['id']}"
    assert (await client.patch(url, json={"value": 12}, headers=admin)).status_code == 428
    bad = await client.patch(url, json={"women": 5, "men": 6}, headers={**admin, "If-Match": '"1"'})
    assert bad.status_code == 422 and pointers(bad) == ["/women"]  # 11 != 10: re-checked
    fixed = await client.patch(
        url, json={"value": 12, "women": 5, "men": 7}, headers={**admin, "If-Match": '"1"'}
    )
    assert fixed.status_code == 200, fixed.text
    assert (fixed.json()["value"], fixed.json()["women"], fixed.headers["etag"]) == ("12", 5, '"2"')
    identity = await client.patch(
        url, json={"fiscal_year": 2023}, headers={**admin, "If-Match": '"2"'}
    )
    assert identity.status_code == 422
    stale = await client.patch(url, json={"value": 13}, headers={**admin, "If-Match": '"1"'})
    assert stale.status_code == 412
    got = await client.get(url, headers=keys.headers("analyst"))
    assert got.json() == fixed.json()


async def test_embassies_see_their_own_countrys_results(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys)
    overall = (await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=9)).json()
    ken = (
        await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=4, partner="KEN")
    ).json()
    gha = (
        await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=5, partner="GHA")
    ).json()
    embassy = keys.headers("embassy")
    listed = await client.get(f"{COUNT}/results", headers=embassy)
    assert [r["id"] for r in listed.json()["items"]] == [ken["id"]]
    assert (await client.get(f"{COUNT}/results/{gha['id']}", headers=embassy)).status_code == 404
    assert (
        await client.get(f"{COUNT}/results/{overall['id']}", headers=embassy)
    ).status_code == 404
    asked = await client.get(f"{COUNT}/results", params={"partner": "GHA"}, headers=embassy)
    assert asked.status_code == 403
    every = await client.get(f"{COUNT}/results", headers=keys.headers("analyst"))
    assert {r["id"] for r in every.json()["items"]} == {overall["id"], ken["id"], gha["id"]}
    ghana = await client.get(
        f"{COUNT}/results", params={"partner": "GH"}, headers=keys.headers("analyst")
    )
    assert [r["id"] for r in ghana.json()["items"]] == [gha["id"]]


async def test_a_cumulative_series_never_silently_decreases(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys, code="CWD-RUNNING", aggregation="cumulative")
    await post_result(client, keys, "CWD-RUNNING", fiscal_year=2021, value=100)
    await post_result(client, keys, "CWD-RUNNING", fiscal_year=2023, value=150)
    below = await post_result(client, keys, "CWD-RUNNING", 422, fiscal_year=2022, value=90)
    assert pointers(below) == ["/value"] and "FY2021" in below.json()["detail"]
    above = await post_result(client, keys, "CWD-RUNNING", 422, fiscal_year=2022, value=151)
    assert "FY2023" in above.json()["detail"]
    fine = await post_result(client, keys, "CWD-RUNNING", fiscal_year=2022, value=120)
    assert fine.json()["flagged"] is False
    # Another partner's series is its own: a smaller figure there is no drop.
    await post_result(client, keys, "CWD-RUNNING", fiscal_year=2024, value=5, partner="KEN")
    drop = await post_result(
        client,
        keys,
        "CWD-RUNNING",
        fiscal_year=2024,
        value=140,
        rationale="Recount removed duplicate records",
    )
    assert (drop.json()["flagged"], drop.json()["flags"]) == (True, ["cumulative_decrease"])
    # A PATCH that would break the series is refused the same way.
    patched = await client.patch(
        f"{INDICATORS}/CWD-RUNNING/results/{fine.json()['id']}",
        json={"value": 99},
        headers={**keys.headers("admin"), "If-Match": '"1"'},
    )
    assert patched.status_code == 422


async def test_locked_years_refuse_changes_unless_forced(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    await create(client, keys)
    result = (await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=10)).json()
    await put_target(client, keys, "CWD-TEST-COUNT", 2022, 20)
    lock_url = f"{COUNT}/locks/2022"
    locked = await client.put(lock_url, headers=admin)
    assert locked.status_code == 201 and locked.json()["fiscal_year"] == 2022
    assert (await client.put(lock_url, headers=admin)).status_code == 200  # already locked
    assert (await client.put(lock_url, headers=keys.headers("analyst"))).status_code == 403
    definition = await client.get(COUNT, headers=admin)
    assert definition.json()["locked_fiscal_years"] == [2022]

    url = f"{COUNT}/results/{result['id']}"
    refusals = [
        await client.patch(url, json={"value": 11}, headers={**admin, "If-Match": '"1"'}),
        await client.post(
            f"{COUNT}/results",
            json={"fiscal_year": 2022, "value": 3, "partner": "KEN"},
            headers=admin,
        ),
        await client.put(f"{COUNT}/targets/2022", json={"value": 25}, headers=admin),
        await client.delete(url, headers={**admin, "If-Match": '"1"'}),
    ]
    for refused in refusals:
        assert refused.status_code == 409, refused.text
        assert "locked" in refused.json()["detail"]
    # Other years are open.
    await post_result(client, keys, "CWD-TEST-COUNT", fiscal_year=2023, value=12)

    forced = await client.patch(
        url, json={"value": 11}, params={"force": "true"}, headers={**admin, "If-Match": '"1"'}
    )
    assert forced.status_code == 200 and forced.json()["value"] == "11"
    target = await client.put(
        f"{COUNT}/targets/2022", json={"value": 25}, params={"force": "true"}, headers=admin
    )
    assert target.status_code == 200
    events = await client.get(
        "/api/v1/audit-events", params={"resource_type": "indicator_result"}, headers=admin
    )
    by_id = [e for e in events.json()["items"] if e["resource_id"] == str(result["id"])]
    assert [(e["action"], (e["details"] or {}).get("forced")) for e in by_id] == [
        ("update", True),
        ("create", None),
    ]
    target_events = await client.get(
        "/api/v1/audit-events", params={"resource_type": "indicator_target"}, headers=admin
    )
    assert target_events.json()["items"][0]["details"]["forced"] is True
    lock_events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "indicator", "action": "lock"},
        headers=admin,
    )
    assert [e["details"] for e in lock_events.json()["items"]] == [{"fiscal_year": 2022}]

    # Unlocking names the indicator's ETag (the lock answered it): stale once it changed.
    assert (await client.delete(lock_url, headers=admin)).status_code == 428
    assert locked.headers["etag"] == definition.headers["etag"]
    edited = await client.patch(
        COUNT, json={"description": "closed"}, headers={**admin, "If-Match": "*"}
    )
    assert edited.status_code == 200
    stale = await client.delete(lock_url, headers={**admin, "If-Match": locked.headers["etag"]})
    assert stale.status_code == 412
    unlocked = await client.delete(lock_url, headers={**admin, "If-Match": edited.headers["etag"]})
    assert unlocked.status_code == 204
    gone = await client.delete(lock_url, headers={**admin, "If-Match": "*"})
    assert gone.status_code == 404
    free = await client.patch(url, json={"value": 12}, headers={**admin, "If-Match": '"2"'})
    assert free.status_code == 200
