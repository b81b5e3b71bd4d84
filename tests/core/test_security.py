"""API keys and the protective headers every response carries."""

from __future__ import annotations

import hashlib
import os
import re

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.apikeys.models import ApiKey
from app.core import ratelimit
from app.core.config import Settings
from app.core.security import hash_secret
from tests.conftest import Keys, wps
from tests.core.apps import client_for, running_app, side_client

PROGRAMS = "/api/v1/programs"


def assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 401


async def _key_row(session: AsyncSession, secret: str) -> ApiKey:
    try:
        key = await session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_secret(secret)))
        assert key is not None
        session.expunge(key)  # keep its loaded values readable after the rollback below
        return key
    finally:
        await session.rollback()


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer not-a-key",
        "Bearer wps_" + "x" * 43,
        "Bearer wps_" + "x" * 500,
        "Token wps_abc",
    ],
)
async def test_missing_or_bad_key_is_401_with_www_authenticate(
    client: httpx.AsyncClient, keys: Keys, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    assert_unauthorized(await client.get(PROGRAMS, headers=headers))
    assert_unauthorized(
        await client.post(PROGRAMS, json={"code": "X-1", "name": "x"}, headers=headers)
    )


async def test_a_valid_key_of_another_case_or_with_a_suffix_is_refused(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    secret = keys["analyst"]
    assert (await client.get(PROGRAMS, headers=keys.headers("analyst"))).status_code == 200
    for variant in (secret + "x", secret[:-1], secret.upper()):
        assert_unauthorized(
            await client.get(PROGRAMS, headers={"Authorization": f"Bearer {variant}"})
        )


async def test_revocation_through_the_api_takes_effect_at_once(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    analyst = keys.headers("analyst")
    # The key is now in the authentication cache.
    assert (await client.get(PROGRAMS, headers=analyst)).status_code == 200
    key = await _key_row(session, keys["analyst"])
    admin = keys.headers("admin")
    current = await client.get(f"/api/v1/api-keys/{key.id}", headers=admin)
    assert current.status_code == 200
    revoked = await client.delete(
        f"/api/v1/api-keys/{key.id}", headers={**admin, "If-Match": current.headers["etag"]}
    )
    assert revoked.status_code == 204, revoked.text
    assert_unauthorized(await client.get(PROGRAMS, headers=analyst))
    assert_unauthorized(await client.get("/api/v1/partners/KEN", headers=analyst))
    # Other keys are unaffected; the revoked one is listed only on request.
    listed = (await client.get("/api/v1/api-keys", headers=admin)).json()["items"]
    assert key.id not in {k["id"] for k in listed}
    with_revoked = (
        await client.get("/api/v1/api-keys?include_revoked=true", headers=admin)
    ).json()["items"]
    entry = next(k for k in with_revoked if k["id"] == key.id)
    assert entry["revoked_at"] is not None


async def test_revoking_your_own_admin_key_locks_you_out(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    key = await _key_row(session, keys["admin"])
    etag = (await client.get(f"/api/v1/api-keys/{key.id}", headers=admin)).headers["etag"]
    gone = await client.delete(f"/api/v1/api-keys/{key.id}", headers={**admin, "If-Match": etag})
    assert gone.status_code == 204
    assert_unauthorized(await client.get("/api/v1/api-keys", headers=admin))


async def test_keys_are_stored_only_as_hashes_and_never_listed(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    created = await client.post(
        "/api/v1/api-keys",
        json={"name": "Data call script", "role": "integration", "owner": "M&E"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    secret = body["key"]
    assert secret.startswith("wps_") and len(secret) >= 40
    assert created.headers["location"] == f"/api/v1/api-keys/{body['id']}"
    assert body["role"] == "integration" and body["partner"] is None
    assert secret.startswith(body["prefix"]) and len(body["prefix"]) < len(secret) // 2

    # It works at once.
    assert (
        await client.get(PROGRAMS, headers={"Authorization": f"Bearer {secret}"})
    ).status_code == 200

    row = await _key_row(session, secret)
    assert row.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    try:
        dumped = (await session.execute(text("SELECT * FROM api_keys"))).all()
        audit = (await session.execute(text("SELECT * FROM audit_events"))).all()
    finally:
        await session.rollback()
    stored = repr(dumped) + repr(audit)
    assert secret not in stored
    assert secret[len(body["prefix"]) :] not in stored

    for url in ("/api/v1/api-keys", f"/api/v1/api-keys/{body['id']}", "/api/v1/audit-events"):
        response = await client.get(url, headers=admin)
        assert response.status_code == 200
        assert secret not in response.text
        assert '"key"' not in response.text


async def test_embassy_keys_need_a_known_partner_and_others_none(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    url = "/api/v1/api-keys"
    for body, pointer in [
        ({"name": "Embassy", "role": "embassy"}, "/partner"),
        ({"name": "Analyst", "role": "analyst", "partner": "KEN"}, "/partner"),
        ({"name": "Embassy", "role": "embassy", "partner": "ZZZ"}, "/partner"),
        ({"name": "Embassy", "role": "embassy", "partner": "K3N"}, "/partner"),
        ({"name": "Embassy", "role": "root"}, "/role"),
    ]:
        refused = await client.post(url, json=body, headers=admin)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["errors"][0]["pointer"] == pointer, refused.json()
    before = await _count_keys(session)
    made = await client.post(
        url, json={"name": "Embassy Nairobi", "role": "embassy", "partner": "ke"}, headers=admin
    )
    assert made.status_code == 201, made.text
    assert made.json()["partner"] == "KEN"
    assert await _count_keys(session) == before + 1
    for role in ("analyst", "integration", "embassy"):
        assert (
            await client.post(url, json={"name": "x", "role": "admin"}, headers=keys.headers(role))
        ).status_code == 403


async def _count_keys(session: AsyncSession) -> int:
    try:
        return int(await session.scalar(select(func.count()).select_from(ApiKey)) or 0)
    finally:
        await session.rollback()


async def test_bootstrap_admin_key_is_ensured_idempotently(
    database_url: str, keys: Keys, session: AsyncSession, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "wps_bootstrap-" + "b" * 40
    for _ in range(2):
        async with side_client(database_url, bootstrap_admin_key=secret) as http:
            response = await http.get(
                "/api/v1/api-keys", headers={"Authorization": f"Bearer {secret}"}
            )
            assert response.status_code == 200, response.text
    try:
        rows = (
            await session.scalars(select(ApiKey).where(ApiKey.key_hash == hash_secret(secret)))
        ).all()
        session.expunge_all()
    finally:
        await session.rollback()
    assert len(rows) == 1 and rows[0].role == "admin" and rows[0].revoked_at is None

    # Revoked by an admin, it stays revoked however often the service restarts with it.
    async with side_client(database_url, bootstrap_admin_key=secret) as http:
        auth = {"Authorization": f"Bearer {secret}"}
        etag = (await http.get(f"/api/v1/api-keys/{rows[0].id}", headers=auth)).headers["etag"]
        revoke = await http.delete(
            f"/api/v1/api-keys/{rows[0].id}", headers={**auth, "If-Match": etag}
        )
        assert revoke.status_code == 204
        assert_unauthorized(await http.get("/api/v1/api-keys", headers=auth))
    capsys.readouterr()
    async with side_client(database_url, bootstrap_admin_key=secret) as http:
        assert_unauthorized(await http.get("/api/v1/api-keys", headers=auth))
    assert "WPS_BOOTSTRAP_ADMIN_KEY names a revoked key" in capsys.readouterr().err
    assert await _count_keys(session) == 6  # the five fixture keys and the bootstrap key


@pytest.mark.parametrize(
    "value",
    ["wps_change_me", "x" * 48, "wps_" + "a" * 31, "wps_" + "a" * 40 + "!", "WPS_" + "a" * 40],
)
def test_a_malformed_or_weak_bootstrap_key_refuses_to_start(value: str) -> None:
    with pytest.raises(ValidationError, match="WPS_BOOTSTRAP_ADMIN_KEY"):
        Settings(_env_file=None, bootstrap_admin_key=value)  # type: ignore[call-arg]
    refused = wps("serve", env={**os.environ, "WPS_BOOTSTRAP_ADMIN_KEY": value})
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1, refused.stderr  # one line, no traceback
    assert refused.stderr.startswith("wps: WPS_BOOTSTRAP_ADMIN_KEY must be 'wps_'")
    assert value not in refused.stderr  # the secret is not echoed


class _MidWindow:
    """A clock in the middle of a rate-limit window, so a test's requests never straddle two
    (the windows are fixed minutes: at a boundary the counts start again)."""

    @staticmethod
    def time() -> float:
        return 1_800_000_030.0


async def test_rate_limit_answers_429_with_retry_after(
    database_url: str, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ratelimit, "time", _MidWindow)
    async with side_client(database_url, rate_limit_per_minute=3) as http:
        analyst = keys.headers("analyst")
        answers = [await http.get(PROGRAMS, headers=analyst) for _ in range(5)]
        assert [r.status_code for r in answers] == [200, 200, 200, 429, 429]
        limited = answers[3]
        assert limited.headers["content-type"] == "application/problem+json"
        assert limited.json()["status"] == 429
        retry_after = int(limited.headers["retry-after"])
        assert 1 <= retry_after <= 60
        # The budget is per key: another key still passes.
        assert (await http.get(PROGRAMS, headers=keys.headers("admin"))).status_code == 200
        # Unauthenticated requests are refused before any budget is spent.
        assert (await http.get(PROGRAMS)).status_code == 401
        # A request counts once, however many dependencies authenticate it.
        integration = keys.headers("integration")
        posts = [
            await http.post(
                "/api/v1/partners/GHA/memberships",
                json={
                    "program": "GPOI",
                    "start_date": f"200{i}-01-01",
                    "end_date": f"200{i}-06-01",
                },
                headers={**keys.headers("admin"), "Idempotency-Key": f"rl-{i}"},
            )
            for i in range(3)
        ]
        # The admin's GET above and two POSTs fill the budget of 3; the third POST is over it.
        assert [r.status_code for r in posts] == [201, 201, 429]
        assert [(await http.get(PROGRAMS, headers=integration)).status_code for _ in range(4)] == [
            200,
            200,
            200,
            429,
        ]


async def test_authenticated_responses_are_not_cached_and_never_sniffed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for response in (
        await client.get(PROGRAMS, headers=keys.headers("analyst")),
        await client.get("/api/v1/programs/NOPE", headers=keys.headers("analyst")),
        await client.get(PROGRAMS, headers={"Authorization": "Bearer wps_wrong"}),
        await client.post(PROGRAMS, json={}, headers=keys.headers("admin")),
    ):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
    health = await client.get("/healthz")
    assert health.headers["x-content-type-options"] == "nosniff"
    assert "no-store" not in health.headers.get("cache-control", "")
    not_found = await client.get("/nowhere")
    assert not_found.headers["x-content-type-options"] == "nosniff"


async def test_request_id_is_echoed_or_generated(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("analyst")
    echoed = await client.get(PROGRAMS, headers={**headers, "X-Request-ID": "client-req.42_a"})
    assert echoed.headers["x-request-id"] == "client-req.42_a"
    generated = {
        (await client.get(PROGRAMS, headers=headers)).headers["x-request-id"] for _ in range(3)
    }
    assert len(generated) == 3
    assert all(re.fullmatch(r"[0-9a-f]{32}", rid) for rid in generated)
    # Ids that could smuggle content into logs are replaced, not echoed; so are ids that
    # could pass for a log's own placeholders ("-") or a path ("..").
    for bad in ("has space", "x" * 65, "a\tb", "<script>", "-", "..", "-rf", ".hidden"):
        replaced = await client.get(PROGRAMS, headers={**headers, "X-Request-ID": bad})
        assert replaced.headers["x-request-id"] != bad
        assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["x-request-id"])
    problem = await client.get(
        "/api/v1/programs/NOPE", headers={**headers, "X-Request-ID": "rid-1"}
    )
    assert problem.json()["instance"] == "rid-1"
    # What reaches the audit trail is the validated id, never the client's raw value.
    made = await client.post(
        PROGRAMS,
        json={"code": "RID-1", "name": "Request id"},
        headers={**keys.headers("admin"), "X-Request-ID": "-"},
    )
    assert made.status_code == 201, made.text
    events = await client.get(
        "/api/v1/audit-events", params={"resource_type": "program"}, headers=keys.headers("admin")
    )
    stored = [e["request_id"] for e in events.json()["items"]]
    assert made.headers["x-request-id"] in stored and "-" not in stored


async def test_cors_preflight_follows_the_configured_origins(
    database_url: str, client: httpx.AsyncClient, keys: Keys
) -> None:
    preflight = {
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "Authorization, If-Match, Content-Type",
    }
    async with side_client(database_url, cors_origins="https://dash.example") as http:
        allowed = await http.options(
            "/api/v1/partners/KEN", headers={**preflight, "Origin": "https://dash.example"}
        )
        assert allowed.status_code == 200, allowed.text
        assert allowed.headers["access-control-allow-origin"] == "https://dash.example"
        assert "PATCH" in allowed.headers["access-control-allow-methods"]
        assert "if-match" in allowed.headers["access-control-allow-headers"].lower()

        other = await http.options(
            "/api/v1/partners/KEN", headers={**preflight, "Origin": "https://evil.example"}
        )
        assert other.status_code == 400
        assert "access-control-allow-origin" not in other.headers
        assert other.headers["content-type"] == "application/problem+json"
        refused = other.json()
        assert refused["status"] == 400 and "origin" in refused["detail"]
        assert refused["type"].endswith("/cors-preflight-refused")
        bad_method = await http.options(
            "/api/v1/partners/KEN",
            headers={
                **preflight,
                "Origin": "https://dash.example",
                "Access-Control-Request-Method": "TRACE",
            },
        )
        assert bad_method.status_code == 400
        assert bad_method.headers["content-type"] == "application/problem+json"
        assert "method" in bad_method.json()["detail"]

        simple = await http.get(
            PROGRAMS, headers={**keys.headers("analyst"), "Origin": "https://dash.example"}
        )
        assert simple.headers["access-control-allow-origin"] == "https://dash.example"
        exposed = simple.headers["access-control-expose-headers"].lower()
        assert "etag" in exposed and "x-request-id" in exposed and "link" in exposed

    # The shared app has no origins configured: no CORS grant at all.
    closed = await client.options(
        "/api/v1/partners/KEN", headers={**preflight, "Origin": "https://dash.example"}
    )
    assert "access-control-allow-origin" not in closed.headers


async def test_failed_authentication_is_limited_per_client_address(
    database_url: str, keys: Keys
) -> None:
    async with running_app(database_url, auth_failures_per_minute=3) as application:
        async with client_for(application) as http:
            bad = {"Authorization": "Bearer wps_" + "x" * 43}
            for _ in range(3):
                assert_unauthorized(await http.get(PROGRAMS, headers=bad))
            limited = await http.get(PROGRAMS, headers=bad)
            assert limited.status_code == 429, limited.text
            assert limited.headers["content-type"] == "application/problem+json"
            assert 1 <= int(limited.headers["retry-after"]) <= 60
            assert "address" in limited.json()["detail"]
            # No more lookups from this address, whatever key it sends, until the window ends.
            assert (await http.get(PROGRAMS, headers=keys.headers("analyst"))).status_code == 429
        # Another address is not affected.
        transport = httpx.ASGITransport(app=application, client=("192.0.2.7", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
            assert (await other.get(PROGRAMS, headers=keys.headers("analyst"))).status_code == 200


async def test_a_locked_out_address_still_lets_through_keys_that_authenticated_before(
    database_url: str, keys: Keys
) -> None:
    """An embassy's staff share one NAT address: a colleague's typos lock the address out
    for new keys, not for the keys already in use there (nothing cached: key_cache_seconds=0)."""
    settings = {"auth_failures_per_minute": 3, "key_cache_seconds": 0}
    async with (
        running_app(database_url, **settings) as application,
        client_for(application) as http,
    ):
        assert (await http.get(PROGRAMS, headers=keys.headers("embassy"))).status_code == 200
        bad = {"Authorization": "Bearer wps_" + "x" * 43}
        for _ in range(3):
            assert_unauthorized(await http.get(PROGRAMS, headers=bad))
        assert (await http.get(PROGRAMS, headers=bad)).status_code == 429
        assert (await http.get(PROGRAMS, headers=keys.headers("embassy"))).status_code == 200
        assert (await http.get(PROGRAMS, headers=keys.headers("analyst"))).status_code == 429


@pytest.mark.parametrize(
    "secret",
    [
        "not-a-key",
        "wps_short",
        "wps_" + "!" * 43,
        "wps_" + "x" * 31,
        "wps_" + "x" * 129,
        "WPS_" + "x" * 43,
    ],
)
async def test_a_key_that_cannot_be_valid_costs_no_lookup(
    database_url: str, keys: Keys, secret: str
) -> None:
    async with running_app(database_url) as application, client_for(application) as http:
        lookups: list[str] = []
        lookup = application.state.load_principal

        async def counted(session: AsyncSession, key_hash: str) -> object:
            lookups.append(key_hash)
            return await lookup(session, key_hash)

        application.state.load_principal = counted
        assert_unauthorized(await http.get(PROGRAMS, headers={"Authorization": f"Bearer {secret}"}))
        assert lookups == []
        # A well-formed key is looked up (and an unknown one refused the same way).
        assert_unauthorized(
            await http.get(PROGRAMS, headers={"Authorization": "Bearer wps_" + "y" * 43})
        )
        assert len(lookups) == 1


@pytest.mark.parametrize("authorization", [None, "Bearer wps_" + "z" * 43, "Bearer nope"])
async def test_the_key_is_checked_before_the_body(
    client: httpx.AsyncClient, keys: Keys, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    # A wrong content type, invalid JSON, bytes that are not UTF-8: 401 first, never 415/422.
    for content, content_type in [
        (b'{"code": "X"}', "text/plain"),
        (b"<xml/>", "application/xml"),
        (b"{", "application/json"),
        (b"\xff\xfe", "application/json"),
    ]:
        response = await client.post(
            PROGRAMS, content=content, headers={**headers, "Content-Type": content_type}
        )
        assert_unauthorized(response)
    # With a valid key the body's own problem is answered.
    admin = keys.headers("admin")
    assert (
        await client.post(
            PROGRAMS, content=b"{", headers={**admin, "Content-Type": "application/json"}
        )
    ).status_code == 422
    assert (
        await client.post(PROGRAMS, content=b"x", headers={**admin, "Content-Type": "text/plain"})
    ).status_code == 415
