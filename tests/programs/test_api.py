"""Programs: reference data, admin edits, ETags and audit."""

from __future__ import annotations

import httpx

from tests.conftest import Keys


async def test_reference_programs_are_listed_in_code_order(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    response = await client.get("/api/v1/programs", headers=keys.headers("analyst"))
    assert response.status_code == 200
    body = response.json()
    assert [p["code"] for p in body["items"]] == ["CWD", "GDRP", "GPOI", "IMET"]
    assert body["next_cursor"] is None
    assert "total" not in body
    gpoi = next(p for p in body["items"] if p["code"] == "GPOI")
    assert gpoi["name"] == "Global Peace Operations Initiative"
    assert gpoi["outcomes"] == [1, 2, 4]


async def test_admin_creates_and_updates_a_program_with_if_match(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(
        "/api/v1/programs",
        json={"code": "PKO-X", "name": "Peacekeeping extra", "outcomes": [4, 1]},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/api/v1/programs/PKO-X"
    assert created.json()["outcomes"] == [1, 4]
    etag = created.headers["etag"]

    missing = await client.patch("/api/v1/programs/PKO-X", json={"name": "B"}, headers=admin)
    assert missing.status_code == 428
    assert missing.headers["content-type"] == "application/problem+json"

    updated = await client.patch(
        "/api/v1/programs/PKO-X", json={"name": "Renamed"}, headers={**admin, "If-Match": etag}
    )
    assert updated.status_code == 200
    assert updated.json()["name"] == "Renamed"
    assert updated.headers["etag"] != etag

    stale = await client.patch(
        "/api/v1/programs/PKO-X", json={"name": "Again"}, headers={**admin, "If-Match": etag}
    )
    assert stale.status_code == 412
    current = await client.get("/api/v1/programs/PKO-X", headers=admin)
    assert current.json()["name"] == "Renamed"

    not_modified = await client.get(
        "/api/v1/programs/pko-x", headers={**admin, "If-None-Match": updated.headers["etag"]}
    )
    assert not_modified.status_code == 304

    events = (await client.get("/api/v1/audit-events?resource_type=program", headers=admin)).json()
    assert [(e["action"], e["resource_id"], e["changed_fields"]) for e in events["items"]] == [
        ("update", "PKO-X", ["name"]),
        ("create", "PKO-X", ["code", "name", "outcomes"]),
    ]


async def test_program_validation_names_the_field(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    bad = await client.post(
        "/api/v1/programs",
        json={"code": "bad code", "name": "x", "id": 5, "outcomes": [5]},
        headers=admin,
    )
    assert bad.status_code == 422
    pointers = {e["pointer"] for e in bad.json()["errors"]}
    assert pointers == {"/code", "/id", "/outcomes/0"}
    duplicate = await client.post(
        "/api/v1/programs", json={"code": "GPOI", "name": "x"}, headers=admin
    )
    assert duplicate.status_code == 409
