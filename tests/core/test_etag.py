"""ETags on single resources: 304 on If-None-Match, If-Match required (428) and checked (412)."""

from __future__ import annotations

import asyncio

import httpx

from tests.conftest import Keys


async def test_partner_etag_304_and_if_match_flow(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    first = await client.get("/api/v1/partners/KEN", headers=admin)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag == '"1"'

    for if_none_match in (etag, f"W/{etag}", f'"99", {etag}', "*"):
        cached = await client.get(
            "/api/v1/partners/KEN", headers={**admin, "If-None-Match": if_none_match}
        )
        assert cached.status_code == 304, if_none_match
        assert cached.content == b""
        assert cached.headers["etag"] == etag
    other = await client.get("/api/v1/partners/KEN", headers={**admin, "If-None-Match": '"2"'})
    assert other.status_code == 200 and other.json()["code"] == "KEN"

    missing = await client.patch("/api/v1/partners/KEN", json={"name": "Kenya!"}, headers=admin)
    assert missing.status_code == 428
    assert missing.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/partners/KEN", headers=admin)).json()["name"] == "Kenya"

    wrong = await client.patch(
        "/api/v1/partners/KEN", json={"name": "Kenya!"}, headers={**admin, "If-Match": '"7"'}
    )
    assert wrong.status_code == 412
    assert wrong.json()["status"] == 412

    updated = await client.patch(
        "/api/v1/partners/ke",
        json={"name": "Republic of Kenya"},
        headers={**admin, "If-Match": etag},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "Republic of Kenya"
    new_etag = updated.headers["etag"]
    assert new_etag == '"2"'

    stale = await client.patch(
        "/api/v1/partners/KEN", json={"name": "Stale"}, headers={**admin, "If-Match": etag}
    )
    assert stale.status_code == 412
    old_copy = await client.get("/api/v1/partners/KEN", headers={**admin, "If-None-Match": etag})
    assert old_copy.status_code == 200
    assert old_copy.json()["name"] == "Republic of Kenya"
    assert old_copy.headers["etag"] == new_etag


async def test_outcome_etag_flow(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    first = await client.get("/api/v1/outcomes/2", headers=keys.headers("embassy"))
    etag = first.headers["etag"]
    cached = await client.get("/api/v1/outcomes/2", headers={**admin, "If-None-Match": etag})
    assert cached.status_code == 304
    assert (
        await client.patch("/api/v1/outcomes/2", json={"title": "x"}, headers=admin)
    ).status_code == 428
    ok = await client.patch(
        "/api/v1/outcomes/2", json={"title": "Outcome two"}, headers={**admin, "If-Match": "*"}
    )
    assert ok.status_code == 200 and ok.json()["title"] == "Outcome two"
    assert ok.headers["etag"] != etag
    stale = await client.patch(
        "/api/v1/outcomes/2", json={"title": "Again"}, headers={**admin, "If-Match": etag}
    )
    assert stale.status_code == 412
    fresh = await client.get("/api/v1/outcomes/2", headers={**admin, "If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.json()["title"] == "Outcome two"


async def test_membership_etag_flow(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    created = await client.post(
        "/api/v1/partners/KEN/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    location = created.headers["location"]
    etag = created.headers["etag"]
    got = await client.get(location, headers=keys.headers("analyst"))
    assert got.status_code == 200 and got.headers["etag"] == etag
    assert (await client.get(location, headers={**admin, "If-None-Match": etag})).status_code == 304

    end = {"end_date": "2020-01-01"}
    assert (await client.patch(location, json=end, headers=admin)).status_code == 428
    ended = await client.patch(location, json=end, headers={**admin, "If-Match": etag})
    assert ended.status_code == 200, ended.text
    assert ended.json()["end_date"] == "2020-01-01"
    reopen = await client.patch(
        location, json={"end_date": None}, headers={**admin, "If-Match": etag}
    )
    assert reopen.status_code == 412
    current = await client.get(location, headers=admin)
    assert current.json()["end_date"] == "2020-01-01"
    reopened = await client.patch(
        location, json={"end_date": None}, headers={**admin, "If-Match": current.headers["etag"]}
    )
    assert reopened.status_code == 200 and reopened.json()["end_date"] is None


async def _race(
    client: httpx.AsyncClient, url: str, bodies: list[dict[str, object]], headers: dict[str, str]
) -> list[httpx.Response]:
    return list(
        await asyncio.gather(*(client.patch(url, json=body, headers=headers) for body in bodies))
    )


async def test_concurrent_patches_with_one_etag_let_exactly_one_through(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    etag = (await client.get("/api/v1/partners/GHA", headers=admin)).headers["etag"]
    responses = await _race(
        client,
        "/api/v1/partners/GHA",
        [{"name": "Ghana A"}, {"name": "Ghana B"}],
        {**admin, "If-Match": etag},
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()["name"]
    stored = (await client.get("/api/v1/partners/GHA", headers=admin)).json()
    assert stored["name"] == winner
    events = (
        await client.get(
            "/api/v1/audit-events",
            params={"resource_type": "partner", "resource_id": "GHA"},
            headers=admin,
        )
    ).json()["items"]
    assert len(events) == 1  # the losing request left no audit trail


async def test_concurrent_membership_ends_let_exactly_one_through(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(
        "/api/v1/partners/GHA/memberships",
        json={"program": "IMET", "start_date": "2010-01-01"},
        headers=admin,
    )
    location = created.headers["location"]
    responses = await _race(
        client,
        location,
        [{"end_date": "2015-01-01"}, {"end_date": "2016-01-01"}, {"end_date": "2017-01-01"}],
        {**admin, "If-Match": created.headers["etag"]},
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 412, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()
    assert (await client.get(location, headers=admin)).json()["end_date"] == winner["end_date"]


async def test_if_match_compares_strongly(client: httpx.AsyncClient, keys: Keys) -> None:
    """RFC 9110 13.1.1: If-Match uses the strong comparison, so a weak ETag never matches."""
    admin = keys.headers("admin")
    etag = (await client.get("/api/v1/partners/KEN", headers=admin)).headers["etag"]
    for if_match in (f"W/{etag}", f'W/"99", W/{etag}', etag.strip('"'), '"01"'):
        refused = await client.patch(
            "/api/v1/partners/KEN", json={"name": "Weak"}, headers={**admin, "If-Match": if_match}
        )
        assert refused.status_code == 412, if_match
        assert refused.headers["content-type"] == "application/problem+json"
    current = await client.get("/api/v1/partners/KEN", headers=admin)
    assert current.json()["name"] == "Kenya" and current.headers["etag"] == etag

    for if_match in (f'W/"99", {etag}', "*"):
        accepted = await client.patch(
            "/api/v1/partners/KEN", json={"name": "Kenya"}, headers={**admin, "If-Match": if_match}
        )
        assert accepted.status_code == 200, (if_match, accepted.text)
        etag = accepted.headers["etag"]
