"""Result approval: draft -> submitted -> approved | returned, the four-eyes rule, and what
progress and the scorecard count."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys
from tests.indicators.helpers import INDICATORS, create, move, post_result, progress, put_target

CODE = "CWD-TEST-COUNT"
SCORECARD = "/api/v1/reports/scorecard"


async def _second_key(
    client: httpx.AsyncClient,
    keys: Keys,
    owner: str = "Second reviewer",
    role: str = "admin",
    name: str = "reviewer",
) -> dict[str, str]:
    """Another key, held by `owner`; `keys[name]` is its secret from then on."""
    made = await client.post(
        "/api/v1/api-keys",
        json={"name": name, "role": role, "owner": owner},
        headers=keys.headers("admin"),
    )
    assert made.status_code == 201, made.text
    keys[name] = made.json()["key"]
    return keys.headers(name)


async def _audit(
    client: httpx.AsyncClient, keys: Keys, kind: str, rid: object
) -> list[dict[str, Any]]:
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": kind, "resource_id": str(rid)},
        headers=keys.headers("admin"),
    )
    assert events.status_code == 200, events.text
    return list(events.json()["items"])


async def test_four_eyes_and_who_moves_what(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys)
    result = (await post_result(client, keys, CODE, fiscal_year=2022, value=10)).json()
    assert result["status"] == "draft"
    rid = result["id"]
    url = f"{INDICATORS}/{CODE}/results/{rid}/transitions"

    # Analysts and embassies never move results; integration keys submit but do not decide.
    for role in ("analyst", "embassy"):
        refused = await client.post(url, json={"to": "submitted"}, headers=keys.headers(role))
        assert refused.status_code == 403, refused.text
    early = await move(client, keys, CODE, rid, "approved", expect=409)
    assert early.json()["unmet"][0]["condition"] == "transition_allowed"

    submitted = await move(client, keys, CODE, rid, "submitted")  # an admin may submit too
    assert submitted.json()["status"] == "submitted"
    assert (await move(client, keys, CODE, rid, "approved", "integration", 403)).status_code

    # The key that submitted may not approve: another admin key must.
    own = await move(client, keys, CODE, rid, "approved", expect=409)
    assert own.headers["content-type"].startswith("application/problem+json")
    assert own.json()["code"] == "four_eyes"
    assert own.json()["unmet"] == [
        {
            "condition": "four_eyes",
            "detail": "four-eyes rule: owner 'admin' entered and submitted this result and may "
            "not approve it; an admin key of another owner must",
        }
    ]
    assert "four-eyes" in own.json()["detail"]
    second = await _second_key(client, keys)
    approved = await client.post(url, json={"to": "approved"}, headers=second)
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.headers["etag"] == '"3"'

    # Every move is audited, with where it came from and went.
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "indicator_result", "resource_id": str(rid)},
        headers=keys.headers("admin"),
    )
    moves = [
        (e["action"], e["details"]["from"], e["details"]["to"])
        for e in events.json()["items"]
        if e["action"] == "transition"
    ]
    assert moves == [("transition", "submitted", "approved"), ("transition", "draft", "submitted")]


async def test_return_needs_a_reason_and_resubmission(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys)
    rid = (await post_result(client, keys, CODE, fiscal_year=2022, value=10)).json()["id"]
    await move(client, keys, CODE, rid, "submitted", role="integration")
    bare = await move(client, keys, CODE, rid, "returned", expect=422)
    assert bare.json()["errors"][0]["pointer"] == "/reason"
    returned = await move(client, keys, CODE, rid, "returned", reason="KEN counted twice")
    assert (returned.json()["status"], returned.json()["return_reason"]) == (
        "returned",
        "KEN counted twice",
    )
    again = await move(client, keys, CODE, rid, "submitted", role="integration")
    assert (again.json()["status"], again.json()["return_reason"]) == ("submitted", None)
    # Reviewers find what awaits them.
    for status, found in (("submitted", [rid]), ("draft", []), ("approved", [])):
        listed = await client.get(
            f"{INDICATORS}/{CODE}/results",
            params={"status": status},
            headers=keys.headers("analyst"),
        )
        assert [r["id"] for r in listed.json()["items"]] == found
    bad = await client.post(
        f"{INDICATORS}/{CODE}/results/{rid}/transitions",
        json={"to": "draft"},
        headers=keys.headers("admin"),
    )
    assert bad.status_code == 403  # draft is reached by editing, never by a move


async def test_progress_counts_approved_results_only(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys)
    await put_target(client, keys, CODE, 2022, 20)
    kenya = (
        await post_result(
            client, keys, CODE, fiscal_year=2022, value=12, partner="KEN", role="integration"
        )
    ).json()
    ghana = (await post_result(client, keys, CODE, fiscal_year=2022, value=8, partner="GHA")).json()

    row = (await progress(client, keys, CODE, from_fy=2022, to_fy=2022))[2022]
    assert (row["actual"], row["status"], row["result_status"]) == (None, "behind", None)
    everything = await client.get(
        f"{INDICATORS}/{CODE}/progress",
        params={"from_fy": 2022, "to_fy": 2022, "include": "unapproved"},
        headers=keys.headers("analyst"),
    )
    assert everything.json()["filters"]["include"] == "unapproved"
    row = everything.json()["rows"][0]
    assert (row["actual"], row["status"], row["result_status"]) == ("20", "on_track", "draft")

    await move(client, keys, CODE, kenya["id"], "submitted", role="integration")
    await move(client, keys, CODE, kenya["id"], "approved")
    row = (await progress(client, keys, CODE, from_fy=2022, to_fy=2022))[2022]
    assert (row["actual"], row["result_status"], row["records"]["result_ids"]) == (
        "12",
        "approved",
        [kenya["id"]],
    )
    mixed = (await progress(client, keys, CODE, from_fy=2022, to_fy=2022, include="unapproved"))[
        2022
    ]
    assert (mixed["actual"], mixed["result_status"]) == ("20", "mixed")

    # The scorecard counts the same way.
    card = await client.get(
        SCORECARD, params={"fiscal_year": 2022, "outcome": 3}, headers=keys.headers("analyst")
    )
    item = {i["code"]: i for i in card.json()["outcomes"][0]["indicators"]}[CODE]
    assert (item["actual"], item["result_status"]) == ("12", "approved")
    assert "include" not in card.json()["filters"]
    card = await client.get(
        SCORECARD,
        params={"fiscal_year": 2022, "outcome": 3, "include": "unapproved"},
        headers=keys.headers("analyst"),
    )
    item = {i["code"]: i for i in card.json()["outcomes"][0]["indicators"]}[CODE]
    assert (item["actual"], item["result_status"]) == ("20", "mixed")
    assert card.json()["filters"]["include"] == "unapproved"
    bad = await client.get(
        SCORECARD, params={"include": "everything"}, headers=keys.headers("analyst")
    )
    assert bad.status_code == 422
    assert ghana["status"] == "draft"


async def test_editing_an_approved_result_reopens_it(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys)
    await _second_key(client, keys)
    rid = (
        await post_result(client, keys, CODE, fiscal_year=2022, value=10, role="integration")
    ).json()["id"]
    await move(client, keys, CODE, rid, "submitted", role="integration")
    approved = await move(client, keys, CODE, rid, "approved")
    assert (await progress(client, keys, CODE, from_fy=2022, to_fy=2022))[2022]["actual"] == "10"
    url = f"{INDICATORS}/{CODE}/results/{rid}"
    admin = keys.headers("admin")

    edited = await client.patch(
        url, json={"value": 11}, headers={**admin, "If-Match": approved.headers["etag"]}
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["status"], edited.json()["value"]) == ("draft", "11")
    assert (await progress(client, keys, CODE, from_fy=2022, to_fy=2022))[2022]["actual"] is None
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "indicator_result", "resource_id": str(rid)},
        headers=admin,
    )
    update = events.json()["items"][0]
    assert update["action"] == "update"
    assert update["details"]["status"] == {"from": "approved", "to": "draft"}

    # Locks still apply: a locked year's result neither changes nor moves unless forced.
    await move(client, keys, CODE, rid, "submitted", role="integration")
    assert (await client.put(f"{INDICATORS}/{CODE}/locks/2022", headers=admin)).status_code == 201
    locked = await move(client, keys, CODE, rid, "approved", "reviewer", expect=409)
    assert "locked" in locked.json()["detail"]
    forced = await client.post(
        f"{url}/transitions",
        json={"to": "approved"},
        params={"force": "true"},
        headers=keys.headers("reviewer"),  # the admin who edited it may not approve it
    )
    assert forced.status_code == 200, forced.text
    by_integration = await client.post(
        f"{url}/transitions",
        json={"to": "submitted"},
        params={"force": "true"},
        headers=keys.headers("integration"),
    )
    assert by_integration.status_code == 409  # approved results move only by being edited


async def test_derived_indicators_need_no_approval(client: httpx.AsyncClient, keys: Keys) -> None:
    trained = await progress(client, keys, "GPOI-WOMEN-TRAINED", from_fy=2022, to_fy=2022)
    assert trained[2022]["actual"] == "0"
    assert trained[2022]["result_status"] is None


async def test_four_eyes_is_per_person_not_per_key(client: httpx.AsyncClient, keys: Keys) -> None:
    """Issue 24, point 1: a second key of the same owner is the same pair of eyes."""
    await create(client, keys)
    rid = (await post_result(client, keys, CODE, fiscal_year=2022, value=10)).json()["id"]
    assert (await _audit(client, keys, "indicator_result", rid))[0]["details"]["owner"] == "admin"
    await move(client, keys, CODE, rid, "submitted", role="integration")

    # The admin who entered it may not approve it once another key submitted it...
    entered = await move(client, keys, CODE, rid, "approved", expect=409)
    assert entered.json()["code"] == "four_eyes"
    assert "owner 'admin' entered this result" in entered.json()["detail"]
    # ...nor through a second admin key of their own, whose creation the audit trail shows.
    twin = await _second_key(client, keys, owner="admin", name="twin")
    created = await client.get(
        "/api/v1/api-keys", params={"role": "admin"}, headers=keys.headers("admin")
    )
    owners = {k["name"]: k["owner"] for k in created.json()["items"]}
    assert owners == {"admin": "admin", "twin": "admin"}
    twin_id = next(k["id"] for k in created.json()["items"] if k["name"] == "twin")
    [made] = await _audit(client, keys, "api_key", twin_id)
    admin_id = next(k["id"] for k in created.json()["items"] if k["name"] == "admin")
    assert made["details"]["owner_holds_admin_keys"] == [admin_id]
    refused = await client.post(
        f"{INDICATORS}/{CODE}/results/{rid}/transitions", json={"to": "approved"}, headers=twin
    )
    assert refused.status_code == 409 and refused.json()["code"] == "four_eyes", refused.text

    # Another owner approves, and the approval is audited with whose hands the figure passed.
    await _second_key(client, keys, owner="Head of M&E")
    [made] = await _audit(
        client,
        keys,
        "api_key",
        (
            await client.get(
                "/api/v1/api-keys", params={"role": "admin"}, headers=keys.headers("admin")
            )
        ).json()["items"][-1]["id"],
    )
    assert "owner_holds_admin_keys" not in made["details"]
    approved = await move(client, keys, CODE, rid, "approved", "reviewer")
    assert (approved.json()["entered_by"], approved.json()["submitted_by"]) == (
        "admin",
        "integration",
    )
    approval = (await _audit(client, keys, "indicator_result", rid))[0]
    assert approval["details"]["to"] == "approved"
    assert (approval["details"]["owner"], approval["details"]["entered_by"]) == (
        "Head of M&E",
        "admin",
    )
    assert approval["details"]["submitted_by"] == "integration"


async def test_the_admin_who_last_edited_may_not_approve(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys)
    made = await post_result(client, keys, CODE, fiscal_year=2022, value=10, role="integration")
    url = f"{INDICATORS}/{CODE}/results/{made.json()['id']}"
    edited = await client.patch(
        url,
        json={"value": 12},
        headers=keys.headers("admin", **{"If-Match": made.headers["etag"]}),
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["entered_by"], edited.json()["edited_by"]) == ("integration", "admin")
    await move(client, keys, CODE, made.json()["id"], "submitted", role="integration")
    refused = await move(client, keys, CODE, made.json()["id"], "approved", expect=409)
    assert refused.json()["code"] == "four_eyes"
    assert "owner 'admin' last edited this result" in refused.json()["detail"]


async def test_integration_enters_edits_and_submits_its_drafts(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """Issue 24, point 2: a data desk enters figures itself; an admin decides on them."""
    await create(client, keys)
    made = await post_result(client, keys, CODE, fiscal_year=2022, value=10, role="integration")
    assert (made.json()["status"], made.json()["entered_by"]) == ("draft", "integration")
    url = f"{INDICATORS}/{CODE}/results/{made.json()['id']}"
    integration = keys.headers("integration")
    edited = await client.patch(
        url, json={"value": 11}, headers={**integration, "If-Match": made.headers["etag"]}
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["value"], edited.json()["edited_by"]) == ("11", "integration")

    # Another owner's data desk may not touch it; nobody but an admin forces a locked year.
    other = await _second_key(client, keys, owner="Other desk", role="integration", name="desk")
    foreign = await client.patch(
        url, json={"value": 1}, headers={**other, "If-Match": edited.headers["etag"]}
    )
    assert foreign.status_code == 403, foreign.text
    forcing = await client.post(
        f"{INDICATORS}/{CODE}/results",
        json={"fiscal_year": 2023, "value": 1},
        params={"force": "true"},
        headers=integration,
    )
    assert forcing.status_code == 403, forcing.text

    submitted = await move(client, keys, CODE, made.json()["id"], "submitted", "integration")
    # Once submitted, the figure is the admin's to decide on: the data desk no longer edits it.
    late = await client.patch(
        url, json={"value": 12}, headers={**integration, "If-Match": submitted.headers["etag"]}
    )
    assert late.status_code == 403, late.text
    returned = await move(client, keys, CODE, made.json()["id"], "returned", reason="check")
    fixed = await client.patch(
        url, json={"value": 12}, headers={**integration, "If-Match": returned.headers["etag"]}
    )
    assert fixed.status_code == 200, fixed.text
    await move(client, keys, CODE, made.json()["id"], "submitted", "integration")
    approved = await move(client, keys, CODE, made.json()["id"], "approved")
    assert (approved.json()["status"], approved.json()["value"]) == ("approved", "12")
    assert await move(client, keys, CODE, made.json()["id"], "approved", "integration", 403)
