"""Idempotency-Key: replay, mismatch, scope per API key, release of the key on failure."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import httpx
import orjson
from fastapi import APIRouter
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from starlette.responses import JSONResponse, Response

from app.apikeys.models import ApiKey
from app.core.idempotency import IN_FLIGHT, IdempotencyKey, IdempotencyRecord, purge_expired
from app.core.models import utcnow
from app.core.security import Writer, hash_secret
from app.partners.models import Membership
from app.programs.models import Program
from tests.conftest import Keys, wps
from tests.core.apps import client_for, running_app

MEMBERSHIPS = "/api/v1/partners/KEN/memberships"


async def _count(session: AsyncSession, stmt: object) -> int:
    # End the read at once: on SQLite every transaction holds the write lock (BEGIN IMMEDIATE).
    try:
        return int((await session.execute(stmt)).scalar_one())  # type: ignore[call-overload]
    finally:
        await session.rollback()


async def _memberships(session: AsyncSession) -> int:
    return await _count(session, select(func.count()).select_from(Membership))


async def _programs(session: AsyncSession, code: str) -> int:
    return await _count(
        session, select(func.count()).select_from(Program).where(Program.code == code)
    )


async def _key_id(session: AsyncSession, secret: str) -> int:
    return await _count(session, select(ApiKey.id).where(ApiKey.key_hash == hash_secret(secret)))


async def test_replay_returns_the_first_response_and_acts_once(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = keys.headers("admin", **{"Idempotency-Key": "membership-1"})
    body = {"program": "GPOI", "start_date": "2008-01-01", "end_date": None}
    first = await client.post(MEMBERSHIPS, json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    for _ in range(2):
        again = await client.post(MEMBERSHIPS, json=body, headers=headers)
        assert again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.content == first.content
        assert again.headers["location"] == first.headers["location"]
        assert again.headers["etag"] == first.headers["etag"]
        assert again.headers["content-type"] == "application/json"
    assert await _memberships(session) == 1

    # Without the header the same body acts anew: the overlap is refused.
    anew = await client.post(MEMBERSHIPS, json=body, headers=keys.headers("admin"))
    assert anew.status_code == 409
    assert await _memberships(session) == 1


async def test_same_key_with_another_body_is_refused(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = keys.headers("admin", **{"Idempotency-Key": "prog-1"})
    first = await client.post(
        "/api/v1/programs", json={"code": "WPS-A", "name": "A"}, headers=headers
    )
    assert first.status_code == 201
    other = await client.post(
        "/api/v1/programs", json={"code": "WPS-B", "name": "B"}, headers=headers
    )
    assert other.status_code == 422, other.text
    assert other.headers["content-type"] == "application/problem+json"
    assert [e["parameter"] for e in other.json()["errors"]] == ["Idempotency-Key"]
    assert await _programs(session, "WPS-B") == 0
    # Same body on another path is another request too.
    elsewhere = await client.post(
        "/api/v1/partners/GHA/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01"},
        headers=headers,
    )
    assert elsewhere.status_code == 422
    assert await _memberships(session) == 0


async def test_keys_are_scoped_to_the_api_key(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    second = await client.post(
        "/api/v1/api-keys",
        json={"name": "second admin", "role": "admin", "owner": "Ops"},
        headers=admin,
    )
    assert second.status_code == 201
    other_admin = {"Authorization": f"Bearer {second.json()['key']}"}
    body = {"code": "WPS-S", "name": "Scoped"}
    first = await client.post(
        "/api/v1/programs", json=body, headers={**admin, "Idempotency-Key": "shared"}
    )
    assert first.status_code == 201
    # The other key's identical request is not a replay of the first key's: it acts, and conflicts.
    same = await client.post(
        "/api/v1/programs", json=body, headers={**other_admin, "Idempotency-Key": "shared"}
    )
    assert same.status_code == 409
    assert "idempotent-replayed" not in same.headers
    # ...and a different body under the same key string is no mismatch for the other key.
    different = await client.post(
        "/api/v1/programs",
        json={"code": "WPS-T", "name": "Other"},
        headers={**other_admin, "Idempotency-Key": "shared"},
    )
    assert different.status_code == 201, different.text
    assert await _programs(session, "WPS-S") == 1 and await _programs(session, "WPS-T") == 1


async def test_a_failed_request_releases_its_key(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = keys.headers("admin", **{"Idempotency-Key": "retry-me"})
    # Refused by body validation...
    invalid = await client.post(
        MEMBERSHIPS, json={"program": "GPOI", "start_date": "yesterday"}, headers=headers
    )
    assert invalid.status_code == 422
    # ...by the service (unknown program)...
    unknown = await client.post(
        MEMBERSHIPS, json={"program": "NOPE", "start_date": "2008-01-01"}, headers=headers
    )
    assert unknown.status_code == 422, unknown.text
    assert unknown.json()["errors"][0]["pointer"] == "/program"
    assert await _count(session, select(func.count()).select_from(IdempotencyRecord)) == 0
    # ...so the corrected retry with the same key acts.
    fixed = await client.post(
        MEMBERSHIPS, json={"program": "GPOI", "start_date": "2008-01-01"}, headers=headers
    )
    assert fixed.status_code == 201, fixed.text
    assert await _memberships(session) == 1
    # A conflict (409) releases the key too.
    clash = {"program": "GPOI", "start_date": "2009-01-01"}
    conflict_headers = keys.headers("admin", **{"Idempotency-Key": "clash"})
    assert (await client.post(MEMBERSHIPS, json=clash, headers=conflict_headers)).status_code == 409
    ended = await client.patch(
        fixed.headers["location"],
        json={"end_date": "2009-01-01"},
        headers={**keys.headers("admin"), "If-Match": fixed.headers["etag"]},
    )
    assert ended.status_code == 200
    retried = await client.post(MEMBERSHIPS, json=clash, headers=conflict_headers)
    assert retried.status_code == 201, retried.text
    assert "idempotent-replayed" not in retried.headers
    assert await _memberships(session) == 2


async def test_in_flight_duplicate_is_409_and_abandoned_keys_are_taken_over(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    secret = keys["admin"]
    key_id = await _key_id(session, secret)
    body = orjson.dumps({"code": "WPS-F", "name": "In flight"})
    digest = hashlib.sha256(b"POST /api/v1/programs?\n" + body).hexdigest()
    session.add(
        IdempotencyRecord(api_key_id=key_id, key="busy", request_hash=digest, state=IN_FLIGHT)
    )
    await session.commit()
    headers = keys.headers(
        "admin", **{"Idempotency-Key": "busy", "Content-Type": "application/json"}
    )
    busy = await client.post("/api/v1/programs", content=body, headers=headers)
    assert busy.status_code == 409, busy.text
    assert busy.headers["content-type"] == "application/problem+json"
    assert await _programs(session, "WPS-F") == 0

    # A request that died without releasing its key holds it only for the lease.
    await session.execute(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.key == "busy")
        .values(created_at=utcnow() - timedelta(minutes=5))
    )
    await session.commit()
    taken = await client.post("/api/v1/programs", content=body, headers=headers)
    assert taken.status_code == 201, taken.text
    assert await _programs(session, "WPS-F") == 1


async def test_responses_are_kept_at_least_24_hours(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = keys.headers("admin", **{"Idempotency-Key": "old"})
    body = {"program": "CWD", "start_date": "2001-01-01", "end_date": "2002-01-01"}
    first = await client.post(MEMBERSHIPS, json=body, headers=headers)
    assert first.status_code == 201

    async def age(hours: float) -> None:
        await session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.key == "old")
            .values(created_at=utcnow() - timedelta(hours=hours))
        )
        await session.commit()

    await age(23.5)
    replay = await client.post(MEMBERSHIPS, json=body, headers=headers)
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    await age(25)
    expired = await client.post(MEMBERSHIPS, json=body, headers=headers)
    assert expired.status_code == 409  # acted anew: the same range now overlaps
    assert "idempotent-replayed" not in expired.headers
    assert await _memberships(session) == 1


async def test_malformed_idempotency_key_is_a_422_naming_the_header(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    for bad in ("x" * 256, "has space", ""):
        response = await client.post(
            "/api/v1/programs",
            json={"code": "WPS-M", "name": "M"},
            headers=keys.headers("admin", **{"Idempotency-Key": bad}),
        )
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["errors"][0]["parameter"] == "Idempotency-Key"
    assert await _programs(session, "WPS-M") == 0


async def test_twenty_concurrent_identical_posts_make_one_row(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    headers = keys.headers("admin", **{"Idempotency-Key": "burst-1"})
    body = {"program": "GPOI", "start_date": "2012-01-01"}
    responses = await asyncio.gather(
        *(client.post(MEMBERSHIPS, json=body, headers=headers) for _ in range(20))
    )
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409}, [
        r.text for r in responses if r.status_code not in (201, 409)
    ]
    created = [r for r in responses if r.status_code == 201]
    assert created, statuses
    originals = [r for r in created if "idempotent-replayed" not in r.headers]
    assert len(originals) == 1
    assert all(r.content == originals[0].content for r in created)
    assert all(r.headers["location"] == originals[0].headers["location"] for r in created)
    assert await _memberships(session) == 1

    program_headers = keys.headers("admin", **{"Idempotency-Key": "burst-2"})
    programs = await asyncio.gather(
        *(
            client.post(
                "/api/v1/programs", json={"code": "WPS-C", "name": "Burst"}, headers=program_headers
            )
            for _ in range(20)
        )
    )
    assert {r.status_code for r in programs} <= {201, 409}
    assert (
        len(
            [r for r in programs if r.status_code == 201 and "idempotent-replayed" not in r.headers]
        )
        == 1
    )
    assert await _programs(session, "WPS-C") == 1


async def _age(session: AsyncSession, key: str, hours: float) -> None:
    await session.execute(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.key == key)
        .values(created_at=utcnow() - timedelta(hours=hours))
    )
    await session.commit()


async def _records(session: AsyncSession) -> set[str]:
    try:
        return set((await session.scalars(select(IdempotencyRecord.key))).all())
    finally:
        await session.rollback()


async def test_the_service_purges_expired_records_and_the_key_then_runs_anew(
    database_url: str, keys: Keys, session: AsyncSession
) -> None:
    body = {"program": "CWD", "start_date": "2001-01-01", "end_date": "2002-01-01"}
    async with (
        running_app(database_url, idempotency_purge_interval_seconds=3600) as first,
        client_for(first) as http,
    ):
        headers = keys.headers("admin", **{"Idempotency-Key": "purged"})
        assert (await http.post(MEMBERSHIPS, json=body, headers=headers)).status_code == 201
        fresh = keys.headers("admin", **{"Idempotency-Key": "fresh"})
        other = {**body, "start_date": "2003-01-01", "end_date": "2004-01-01"}
        assert (await http.post(MEMBERSHIPS, json=other, headers=fresh)).status_code == 201
    await _age(session, "purged", 25)
    async with (
        running_app(database_url, idempotency_purge_interval_seconds=0.05) as application,
        client_for(application) as http,
    ):
        for _ in range(100):
            if "purged" not in await _records(session):
                break
            await asyncio.sleep(0.05)
        assert await _records(session) == {"fresh"}  # the expired one only
        # Gone, the key is free: the request acts anew (the range now overlaps, so 409).
        again = await http.post(MEMBERSHIPS, json=body, headers=headers)
        assert again.status_code == 409, again.text
        assert "idempotent-replayed" not in again.headers


async def test_a_purge_run_is_bounded(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    for n in range(3):
        body = {"program": "CWD", "start_date": f"200{n}-01-01", "end_date": f"200{n}-06-01"}
        headers = keys.headers("admin", **{"Idempotency-Key": f"old-{n}"})
        assert (await client.post(MEMBERSHIPS, json=body, headers=headers)).status_code == 201
        await _age(session, f"old-{n}", 30 - n)
    assert await purge_expired(session, 24, 2) == 2
    await session.commit()
    assert await _records(session) == {"old-2"}  # the two oldest went first
    assert await purge_expired(session, 24, 2) == 1
    await session.commit()
    assert await _records(session) == set()


def test_wps_purge_deletes_expired_records(cli_env: dict[str, str]) -> None:
    url = cli_env["WPS_DATABASE_URL"]

    async def put(key: str, hours: float) -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.execute(
                insert(IdempotencyRecord).values(
                    api_key_id=1,
                    key=key,
                    request_hash="0" * 64,
                    state="done",
                    created_at=utcnow() - timedelta(hours=hours),
                )
            )
        await engine.dispose()

    async def left() -> set[str]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            keys = set((await conn.scalars(select(IdempotencyRecord.key))).all())
        await engine.dispose()
        return keys

    for n in range(5):
        asyncio.run(put(f"expired-{n}", 48))
    asyncio.run(put("recent", 1))
    done = wps("purge", env={**cli_env, "WPS_IDEMPOTENCY_PURGE_BATCH": "2"})
    assert done.returncode == 0, done.stderr
    assert "purged 5 expired idempotency records" in done.stdout
    assert asyncio.run(left()) == {"recent"}


async def test_a_route_that_would_not_keep_its_reply_refuses_before_acting(
    database_url: str, keys: Keys, session: AsyncSession
) -> None:
    runs: list[int] = []
    router = APIRouter()  # not route_class=IdempotentRoute

    @router.post("/forgetful", status_code=201)
    async def act(actor: Writer, idempotency_key: IdempotencyKey) -> Response:
        runs.append(1)
        return JSONResponse({}, status_code=201)

    async with running_app(database_url) as application:
        application.include_router(router)
        async with client_for(application) as http:
            headers = keys.headers("admin", **{"Idempotency-Key": "forgetful-1"})
            answer = await http.post("/forgetful", json={}, headers=headers)

    assert answer.status_code == 500
    assert runs == []
    reserved = (
        select(func.count())
        .select_from(IdempotencyRecord)
        .where(IdempotencyRecord.key == "forgetful-1")
    )
    assert await _count(session, reserved) == 0
