"""API keys: issued once, stored hashed, listed without secrets, revocable; and the `wps` CLI."""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app import cli
from app.core.config import get_settings
from tests.conftest import Keys

KEYS = "/api/v1/api-keys"


async def create(client: httpx.AsyncClient, keys: Keys, body: dict[str, Any]) -> httpx.Response:
    return await client.post(KEYS, json=body, headers=keys.headers("admin"))


async def test_create_shows_the_key_once(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await create(
        client, keys, {"name": "Embassy Nairobi", "role": "embassy", "partner": "ke"}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    secret = body["key"]
    assert secret.startswith("wps_") and len(secret) >= 40
    assert (body["name"], body["role"], body["partner"], body["revoked_at"]) == (
        "Embassy Nairobi",
        "embassy",
        "KEN",
        None,
    )
    assert body["prefix"] == secret[:12]
    assert created.headers["location"] == f"{KEYS}/{body['id']}"

    fetched = await client.get(created.headers["location"], headers=keys.headers("admin"))
    assert fetched.status_code == 200
    assert "key" not in fetched.json()
    assert fetched.json()["partner"] == "KEN"

    # The new key works, in its role.
    own = {"Authorization": f"Bearer {secret}"}
    assert (await client.get("/api/v1/partners/KEN", headers=own)).status_code == 200
    assert (await client.get(KEYS, headers=own)).status_code == 403

    second = await create(
        client, keys, {"name": "Embassy Nairobi", "role": "embassy", "partner": "KEN"}
    )
    assert second.json()["key"] != secret

    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "api_key", "resource_id": str(body["id"])},
        headers=keys.headers("admin"),
    )
    [event] = events.json()["items"]
    assert (event["action"], event["changed_fields"], event["actor_role"]) == (
        "create",
        ["name", "owner", "partner", "role"],
        "admin",
    )
    assert event["details"]["owner"] == "Embassy Nairobi"  # an embassy key's owner: its name
    assert secret not in events.text


async def test_list_never_contains_secrets_or_hashes(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await create(client, keys, {"name": "Analyst two", "role": "analyst"})
    secrets = [*keys.values(), created.json()["key"]]
    listed = await client.get(
        KEYS,
        params={"include_revoked": "true", "include_total": "true"},
        headers=keys.headers("admin"),
    )
    assert listed.status_code == 200
    assert listed.json()["total"] == 6
    for item in listed.json()["items"]:
        assert set(item) == {
            "id",
            "name",
            "role",
            "owner",
            "partner",
            "prefix",
            "created_at",
            "revoked_at",
        }
    for secret in secrets:
        assert secret not in listed.text
        assert hashlib.sha256(secret.encode()).hexdigest() not in listed.text
    embassies = await client.get(KEYS, params={"role": "embassy"}, headers=keys.headers("admin"))
    assert sorted(k["partner"] for k in embassies.json()["items"]) == ["GHA", "KEN"]


async def test_partner_rules_for_key_creation(client: httpx.AsyncClient, keys: Keys) -> None:
    for body, pointer in [
        ({"name": "x", "role": "embassy"}, "/partner"),
        ({"name": "x", "role": "analyst", "partner": "KEN"}, "/partner"),
        ({"name": "x", "role": "embassy", "partner": "ZZZ"}, "/partner"),
        ({"name": "x", "role": "embassy", "partner": "K1"}, "/partner"),
        ({"name": "x", "role": "root"}, "/role"),
        ({"name": "", "role": "admin", "owner": "A"}, "/name"),
        ({"name": "x", "role": "admin", "owner": "A", "key": "wps_mine"}, "/key"),
        ({"name": "x", "role": "admin"}, "/owner"),
        ({"name": "x", "role": "integration"}, "/owner"),
        ({"name": "x", "role": "admin", "owner": ""}, "/owner"),
    ]:
        refused = await create(client, keys, body)
        assert refused.status_code == 422, body
        assert refused.headers["content-type"] == "application/problem+json"
        assert [e["pointer"] for e in refused.json()["errors"]] == [pointer], body
    listed = await client.get(KEYS, params={"include_total": "true"}, headers=keys.headers("admin"))
    assert listed.json()["total"] == 5


async def test_revoke_requires_if_match_and_the_key_then_answers_401(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await create(
        client, keys, {"name": "Integration", "role": "integration", "owner": "Data desk"}
    )
    url = created.headers["location"]
    own = {"Authorization": f"Bearer {created.json()['key']}"}
    # Used once, so the key is in the authentication cache when it is revoked.
    assert (await client.get("/api/v1/programs", headers=own)).status_code == 200

    etag = (await client.get(url, headers=admin)).headers["etag"]
    assert (await client.delete(url, headers=admin)).status_code == 428
    assert (await client.delete(url, headers={**admin, "If-Match": '"999"'})).status_code == 412
    forbidden = await client.delete(url, headers=keys.headers("analyst", **{"If-Match": etag}))
    assert forbidden.status_code == 403
    assert (await client.get("/api/v1/programs", headers=own)).status_code == 200

    revoked = await client.delete(url, headers={**admin, "If-Match": etag})
    assert revoked.status_code == 204
    assert revoked.content == b""

    refused = await client.get("/api/v1/programs", headers=own)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert refused.headers["content-type"] == "application/problem+json"

    after = await client.get(url, headers=admin)
    assert after.json()["revoked_at"] is not None
    active = await client.get(KEYS, headers=admin)
    assert created.json()["id"] not in [k["id"] for k in active.json()["items"]]
    every = await client.get(KEYS, params={"include_revoked": "true"}, headers=admin)
    assert created.json()["id"] in [k["id"] for k in every.json()["items"]]
    assert (
        await client.delete(f"{KEYS}/999999", headers={**admin, "If-Match": "*"})
    ).status_code == 404

    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "api_key", "action": "revoke"},
        headers=admin,
    )
    assert [(e["resource_id"], e["changed_fields"]) for e in events.json()["items"]] == [
        (str(created.json()["id"]), ["revoked_at"])
    ]


async def test_non_admins_may_not_manage_keys(client: httpx.AsyncClient, keys: Keys) -> None:
    target = f"{KEYS}/1"
    for role in ("analyst", "integration", "embassy"):
        headers = keys.headers(role)
        assert (await client.get(KEYS, headers=headers)).status_code == 403, role
        assert (await client.get(target, headers=headers)).status_code == 403, role
        made = await client.post(KEYS, json={"name": "x", "role": "admin"}, headers=headers)
        assert made.status_code == 403, role
        gone = await client.delete(target, headers={**headers, "If-Match": "*"})
        assert gone.status_code == 403, role
    assert (await client.get(KEYS)).status_code == 401
    listed = await client.get(KEYS, params={"include_total": "true"}, headers=keys.headers("admin"))
    assert listed.json()["total"] == 5


# The `wps` command, against a scratch SQLite file


@pytest.fixture
def scratch_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("WPS_DATABASE_URL", f"sqlite+aiosqlite:///{path}")
    monkeypatch.delenv("WPS_BOOTSTRAP_ADMIN_KEY", raising=False)
    get_settings.cache_clear()
    try:
        cli.migrate("heads")
        yield path
    finally:
        get_settings.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    capsys.readouterr()
    cli.main(list(argv))
    return capsys.readouterr().out.strip().splitlines()


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


def test_cli_seed_is_idempotent_and_keeps_edits(
    scratch_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "seed") == ["seeded: 4 programs, 250 partners, 4 outcomes"]
    with sqlite3.connect(scratch_db) as db:
        db.execute("UPDATE partners SET name = 'Edited' WHERE code = 'KEN'")
    assert run(capsys, "seed") == ["seeded: 0 programs, 0 partners, 0 outcomes"]
    assert rows(scratch_db, "SELECT count(*) FROM partners") == [(250,)]
    assert rows(scratch_db, "SELECT count(*) FROM programs") == [(4,)]
    assert rows(scratch_db, "SELECT count(*) FROM outcomes") == [(4,)]
    assert rows(scratch_db, "SELECT name FROM partners WHERE code = 'KEN'") == [("Edited",)]


def test_cli_creates_lists_and_revokes_keys(
    scratch_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "seed")
    out = run(capsys, "keys", "create", "--role", "embassy", "--partner", "KE", "--name", "X")
    secret = out[-1]
    assert out[0].endswith("(embassy, KEN)")
    assert secret.startswith("wps_") and " " not in secret
    [(key_id, role, partner, key_hash)] = rows(
        scratch_db,
        "SELECT k.id, k.role, p.code, k.key_hash"
        " FROM api_keys k JOIN partners p ON p.id = k.partner_id",
    )
    assert (role, partner) == ("embassy", "KEN")
    assert key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in "".join(str(r) for r in rows(scratch_db, "SELECT * FROM api_keys"))

    with pytest.raises(SystemExit) as no_owner:
        cli.main(["keys", "create", "--role", "admin", "--name", "Ops"])
    assert "--owner" in str(no_owner.value.code)
    admin = run(capsys, "keys", "create", "--role", "admin", "--name", "Ops", "--owner", "Jo")[-1]
    assert admin.startswith("wps_") and admin != secret

    listed = run(capsys, "keys", "list")
    assert len(listed) == 2
    assert listed[0].split("\t")[:3] == [str(key_id), "embassy", "KEN"]
    assert "active" in listed[0]
    assert listed[1].split("\t")[-2:] == ["Ops", "Jo"]  # name, then owner
    assert secret not in "\n".join(listed) and admin not in "\n".join(listed)

    run(capsys, "keys", "revoke", str(key_id))
    revoked = rows(scratch_db, "SELECT revoked_at IS NOT NULL FROM api_keys WHERE id = ?", key_id)
    assert revoked == [(1,)]
    listed = run(capsys, "keys", "list")
    assert "revoked" in listed[0] and "active" in listed[1]

    with pytest.raises(SystemExit) as missing_partner:
        cli.main(["keys", "create", "--role", "embassy", "--name", "Y"])
    assert missing_partner.value.code not in (0, None)
    with pytest.raises(SystemExit) as unknown_partner:
        cli.main(["keys", "create", "--role", "embassy", "--partner", "ZZ", "--name", "Y"])
    assert unknown_partner.value.code not in (0, None)
    with pytest.raises(SystemExit) as unknown_key:
        cli.main(["keys", "revoke", "999"])
    assert "999" in str(unknown_key.value.code)
    assert len(rows(scratch_db, "SELECT id FROM api_keys")) == 2


def test_cli_openapi_check_fails_when_the_file_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    contract = tmp_path / "openapi" / "openapi.json"
    monkeypatch.setattr(cli, "CONTRACT", contract)
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    # The contract is built once (seconds of work): what is tested here is how the command
    # writes and checks the file (tests/test_contract.py checks the building).
    monkeypatch.setattr(cli, "contract", functools.cache(cli.contract))
    with pytest.raises(SystemExit) as absent:
        cli.main(["openapi", "--check"])
    assert absent.value.code not in (0, None)

    run(capsys, "openapi")
    assert contract.read_text(encoding="utf-8") == cli.contract()
    assert run(capsys, "openapi", "--check") == ["openapi/openapi.json matches the code"]

    contract.write_text(cli.contract().replace("partners_list", "partners_index"), encoding="utf-8")
    with pytest.raises(SystemExit) as drifted:
        cli.main(["openapi", "--check"])
    assert drifted.value.code not in (0, None)


@pytest.mark.parametrize(
    ("role", "partner"),
    [
        ("admin", None),
        ("analyst", None),
        ("integration", None),
        ("embassy", "KEN"),
        ("embassy_gha", "GHA"),
    ],
)
async def test_me_says_who_the_key_is_and_never_its_secret(
    client: httpx.AsyncClient, keys: Keys, role: str, partner: str | None
) -> None:
    answer = await client.get("/api/v1/me", headers=keys.headers(role))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["role"] == role.removesuffix("_gha")
    assert (body["name"], body["owner"], body["partner"]) == (role, role, partner)
    listed = await client.get(f"{KEYS}/{body['key_id']}", headers=keys.headers("admin"))
    assert listed.json()["name"] == role
    secret = keys[role]
    shown = answer.text
    assert set(body) == {"key_id", "name", "role", "owner", "partner"}
    assert secret not in shown and secret[:12] not in shown
    assert hashlib.sha256(secret.encode()).hexdigest() not in shown


async def test_me_needs_a_key_and_forgets_a_revoked_one(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    assert (await client.get("/api/v1/me")).status_code == 401
    made = await create(client, keys, {"name": "Short-lived", "role": "analyst"})
    own = {"Authorization": f"Bearer {made.json()['key']}"}
    assert (await client.get("/api/v1/me", headers=own)).json()["name"] == "Short-lived"
    location = made.headers["location"]
    etag = (await client.get(location, headers=keys.headers("admin"))).headers["etag"]
    revoked = await client.delete(location, headers=keys.headers("admin", **{"If-Match": etag}))
    assert revoked.status_code == 204, revoked.text
    assert (await client.get("/api/v1/me", headers=own)).status_code == 401
