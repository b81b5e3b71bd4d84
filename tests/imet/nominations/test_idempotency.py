"""Idempotency-Key on nomination creation: retries over unreliable networks never duplicate.

Runs on both databases; on PostgreSQL the 20 requests really race on separate connections.
"""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.imet.nominations.helpers import NOMINATIONS, body, idem, stored


async def test_twenty_concurrent_identical_posts_create_one_nomination(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    sent = body()
    headers = idem(keys.headers("embassy"), "nbo-retry-1")
    responses = await asyncio.gather(
        *(client.post(NOMINATIONS, json=sent, headers=headers) for _ in range(20))
    )
    rows = await stored(session)
    assert len(rows) == 1
    assert {r.status_code for r in responses} <= {201, 409}, [r.text for r in responses]
    created = [r for r in responses if r.status_code == 201]
    assert created
    first = [r for r in created if "idempotent-replayed" not in r.headers]
    assert len(first) == 1  # the request that created the row; the rest are replays
    for response in created:
        assert response.json() == created[0].json()
        assert response.json()["id"] == rows[0]["id"]
        assert response.headers["location"] == f"{NOMINATIONS}/{rows[0]['id']}"
    for response in responses:
        if response.status_code == 409:
            assert response.headers["content-type"] == "application/problem+json"

    # Once settled, a retry is a replay of the same 201.
    retry = await client.post(NOMINATIONS, json=sent, headers=headers)
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == created[0].json()
    assert retry.headers["etag"] == created[0].headers["etag"]
    assert len(await stored(session)) == 1


async def test_same_key_with_a_different_body_is_refused(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = idem(keys.headers("embassy"), "nbo-2")
    first = await client.post(NOMINATIONS, json=body(external_ref="NBO-A"), headers=headers)
    assert first.status_code == 201
    other = await client.post(NOMINATIONS, json=body(external_ref="NBO-B"), headers=headers)
    assert other.status_code == 422
    assert other.json()["errors"][0]["parameter"] == "Idempotency-Key"
    assert [row["external_ref"] for row in await stored(session)] == ["NBO-A"]


async def test_keys_are_scoped_to_the_api_key(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    sent = body(external_ref="SHARED-1")
    ken = await client.post(NOMINATIONS, json=sent, headers=idem(keys.headers("embassy"), "k1"))
    gha = await client.post(NOMINATIONS, json=sent, headers=idem(keys.headers("embassy_gha"), "k1"))
    assert (ken.status_code, gha.status_code) == (201, 201)
    assert "idempotent-replayed" not in gha.headers
    assert (ken.json()["partner"], gha.json()["partner"]) == ("KEN", "GHA")
    assert len(await stored(session)) == 2


async def test_a_corrected_retry_after_a_422_is_created(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = idem(keys.headers("embassy"), "nbo-3")
    bad = body(ecl_score=150)
    refused = await client.post(NOMINATIONS, json=bad, headers=headers)
    assert refused.status_code == 422
    assert await stored(session) == []
    # A service-level refusal (an embassy naming a partner) also leaves the key reusable.
    refused_again = await client.post(NOMINATIONS, json=body(partner="KEN"), headers=headers)
    assert refused_again.status_code == 422
    corrected = await client.post(NOMINATIONS, json=body(ecl_score=95), headers=headers)
    assert corrected.status_code == 201, corrected.text
    assert "idempotent-replayed" not in corrected.headers
    assert corrected.json()["ecl_score"] == 95
    assert len(await stored(session)) == 1
