"""Nominations over HTTP: create, read, list, correct, history; validation and access by role."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.imet.nominations.helpers import (
    CURRENT_FY,
    FAMILY_NAME,
    GIVEN_NAME,
    NOMINATIONS,
    body,
    idem,
    move,
    nominate,
    set_vetting,
    stored,
)


async def test_embassy_nominates_for_its_own_country(client: httpx.AsyncClient, keys: Keys) -> None:
    sent = body(external_ref="NBO-2026-017", course={**body()["course"], "masl_id": "d177011"})
    response = await client.post(NOMINATIONS, json=sent, headers=idem(keys.headers("embassy")))
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"{NOMINATIONS}/{created['id']}"
    assert response.headers["etag"] == '"1"'
    assert response.headers["cache-control"] == "no-store"
    assert created["partner"] == "KEN"
    assert created["status"] == "submitted"
    assert created["fiscal_year"] == CURRENT_FY
    assert created["external_ref"] == "NBO-2026-017"
    assert created["nominee"] == sent["nominee"]
    assert created["course"] == {**sent["course"], "masl_id": "D177011"}
    assert (created["ecl_score"], created["ecl_exempt"]) == (85, False)
    assert created["vetting"] == {
        "status": "pending",
        "case_ref": None,
        "decided_at": None,
        "expires_at": None,
    }
    assert created["created_at"] and created["updated_at"]

    read = await client.get(response.headers["location"], headers=keys.headers("embassy"))
    assert read.status_code == 200
    assert read.json() == created
    assert read.headers["cache-control"] == "no-store"
    assert read.headers["etag"] == '"1"'
    fresh = await client.get(
        response.headers["location"], headers=keys.headers("embassy", **{"If-None-Match": '"1"'})
    )
    assert fresh.status_code == 304
    by_admin = await client.get(response.headers["location"], headers=keys.headers("admin"))
    assert by_admin.json() == created


async def test_admin_names_the_partner_in_any_code(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    missing = await client.post(NOMINATIONS, json=body(), headers=idem(admin))
    assert missing.status_code == 422
    assert [e["pointer"] for e in missing.json()["errors"]] == ["/partner"]
    unknown = await client.post(NOMINATIONS, json=body(partner="ZZZ"), headers=idem(admin))
    assert unknown.status_code == 422
    assert [e["pointer"] for e in unknown.json()["errors"]] == ["/partner"]
    assert await stored(session) == []
    created = await client.post(NOMINATIONS, json=body(partner="gh"), headers=idem(admin))
    assert created.status_code == 201, created.text
    assert created.json()["partner"] == "GHA"


@pytest.mark.parametrize("partner", ["GHA", "KEN", "KE", None])
async def test_an_embassy_may_not_name_a_partner(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, partner: str | None
) -> None:
    response = await client.post(
        NOMINATIONS, json=body(partner=partner), headers=idem(keys.headers("embassy"))
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"pointer": "/partner", "detail": "not allowed for embassy keys"}
    ]
    assert await stored(session) == []


async def test_idempotency_key_is_required(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    response = await client.post(NOMINATIONS, json=body(), headers=keys.headers("embassy"))
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] == "Idempotency-Key"
    assert await stored(session) == []


def _nominee(**changes: Any) -> dict[str, Any]:
    return {**body()["nominee"], **changes}


@pytest.mark.parametrize(
    ("overrides", "pointer"),
    [
        ({"nominee": _nominee(given_name="Am\x00ina")}, "/nominee/given_name"),
        ({"nominee": _nominee(family_name="Odhi\u0007ambo")}, "/nominee/family_name"),
        ({"nominee": _nominee(family_name="x" * 201)}, "/nominee/family_name"),
        ({"nominee": _nominee(sex="f")}, "/nominee/sex"),
        ({"nominee": _nominee(service="marine_corps")}, "/nominee/service"),
        ({"nominee": _nominee(rank="")}, "/nominee/rank"),
        ({"ecl_score": 101}, "/ecl_score"),
        ({"ecl_score": -1}, "/ecl_score"),
        ({"ecl_score": 10**30}, "/ecl_score"),
        ({"course": {**body()["course"], "min_ecl": 120}}, "/course/min_ecl"),
        ({"course": {**body()["course"], "masl_id": "D17 7011"}}, "/course/masl_id"),
        ({"fiscal_year": CURRENT_FY - 2}, "/fiscal_year"),
        ({"fiscal_year": CURRENT_FY + 3}, "/fiscal_year"),
        ({"external_ref": "bad ref"}, "/external_ref"),
        ({"nominee": {**_nominee(), "nickname": "A"}}, "/nominee/nickname"),
    ],
)
async def test_bad_input_is_refused_with_a_pointer_and_nothing_stored(
    client: httpx.AsyncClient,
    keys: Keys,
    session: AsyncSession,
    overrides: dict[str, Any],
    pointer: str,
) -> None:
    response = await client.post(
        NOMINATIONS, json=body(**overrides), headers=idem(keys.headers("embassy"))
    )
    assert response.status_code == 422, response.text
    assert [e["pointer"] for e in response.json()["errors"]] == [pointer]
    assert await stored(session) == []


@pytest.mark.parametrize(
    "field",
    [
        {"status": "approved"},
        {"id": 99},
        {"created_at": "2020-01-01T00:00:00Z"},
        {"updated_at": "2020-01-01T00:00:00Z"},
        {"version": 7},
        {"vetting": {"status": "approved"}},
    ],
)
async def test_read_only_fields_cannot_be_set_on_create(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, field: dict[str, Any]
) -> None:
    response = await client.post(
        NOMINATIONS, json=body(**field), headers=idem(keys.headers("embassy"))
    )
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error == {"pointer": "/" + next(iter(field)), "detail": "unknown or read-only field"}
    assert await stored(session) == []


@pytest.mark.parametrize(
    "field",
    [
        {"status": "approved"},
        {"id": 99},
        {"partner": "GHA"},
        {"created_at": "2020-01-01T00:00:00Z"},
        {"fiscal_year": CURRENT_FY + 1},
        {"external_ref": "OTHER-1"},
        {"vetting": {"status": "approved"}},
    ],
)
async def test_read_only_fields_cannot_be_patched(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, field: dict[str, Any]
) -> None:
    created = await nominate(client, keys)
    before = await stored(session)
    for role in ("embassy", "admin"):
        response = await client.patch(
            f"{NOMINATIONS}/{created['id']}",
            json=field,
            headers=keys.headers(role, **{"If-Match": '"1"'}),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["pointer"] == "/" + next(iter(field))
    assert await stored(session) == before


async def test_external_ref_is_unique_per_partner(client: httpx.AsyncClient, keys: Keys) -> None:
    first = await nominate(client, keys, external_ref="NBO-1")
    again = await client.post(
        NOMINATIONS, json=body(external_ref="NBO-1"), headers=idem(keys.headers("embassy"))
    )
    assert again.status_code == 409
    assert again.json()["existing_nomination"] == first["id"]
    by_admin = await client.post(
        NOMINATIONS,
        json=body(external_ref="NBO-1", partner="KEN"),
        headers=idem(keys.headers("admin")),
    )
    assert by_admin.status_code == 409
    other_country = await nominate(client, keys, role="embassy_gha", external_ref="NBO-1")
    assert other_country["partner"] == "GHA"


async def _ids(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[int]:
    response = await client.get(NOMINATIONS, params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    return [item["id"] for item in response.json()["items"]]


async def test_list_filters(client: httpx.AsyncClient, keys: Keys) -> None:
    woman = await nominate(client, keys)
    man = await nominate(
        client,
        keys,
        nominee=_nominee(sex="male"),
        fiscal_year=CURRENT_FY + 1,
        course={**body()["course"], "masl_id": "P309012"},
    )
    reviewed = await nominate(client, keys, role="admin", partner="GHA")
    assert (await move(client, keys, reviewed["id"], "under_review")).status_code == 200
    assert (await set_vetting(client, keys, man["id"])).status_code == 200
    admin = keys.headers("admin")

    assert await _ids(client, admin) == [woman["id"], man["id"], reviewed["id"]]
    assert await _ids(client, admin, sex="male") == [man["id"]]
    assert await _ids(client, admin, sex="female") == [woman["id"], reviewed["id"]]
    assert await _ids(client, admin, fiscal_year=CURRENT_FY + 1) == [man["id"]]
    assert await _ids(client, admin, status="under_review") == [reviewed["id"]]
    assert await _ids(client, admin, vetting_status="approved") == [man["id"]]
    assert await _ids(client, admin, vetting_status="pending") == [woman["id"], reviewed["id"]]
    assert await _ids(client, admin, course="p309012") == [man["id"]]
    assert await _ids(client, admin, partner="GH") == [reviewed["id"]]
    assert await _ids(client, admin, external_ref=woman["external_ref"]) == [woman["id"]]
    # The embassy sees its own two only.
    assert await _ids(client, keys.headers("embassy")) == [woman["id"], man["id"]]

    changed = await client.get(f"{NOMINATIONS}/{man['id']}", headers=admin)
    since = changed.json()["updated_at"]
    assert await _ids(client, admin, updated_since=since) == [man["id"]]

    for bad in ({"status": "done"}, {"sex": "x"}, {"limit": 501}, {"partner": "ZZZ"}):
        response = await client.get(NOMINATIONS, params=bad, headers=admin)
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["parameter"] == next(iter(bad))


async def test_keyset_pagination_with_total(client: httpx.AsyncClient, keys: Keys) -> None:
    made = [(await nominate(client, keys))["id"] for _ in range(5)]
    seen: list[int] = []
    params: dict[str, Any] = {"limit": 2, "include_total": "true"}
    while True:
        response = await client.get(NOMINATIONS, params=params, headers=keys.headers("embassy"))
        page = response.json()
        assert page["total"] == 5
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        if page["next_cursor"] is None:
            assert "link" not in response.headers
            break
        assert 'rel="next"' in response.headers["link"]
        params = {"limit": 2, "include_total": "true", "cursor": page["next_cursor"]}
    assert seen == made


async def test_patch_while_submitted_with_if_match(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}"
    embassy = keys.headers("embassy")
    change = {"nominee": {"rank": "Lieutenant Colonel"}, "course": {"min_ecl": None}}

    no_etag = await client.patch(url, json=change, headers=embassy)
    assert no_etag.status_code == 428

    updated = await client.patch(url, json=change, headers={**embassy, "If-Match": '"1"'})
    assert updated.status_code == 200, updated.text
    assert updated.headers["etag"] == '"2"'
    assert updated.json()["nominee"] == {**created["nominee"], "rank": "Lieutenant Colonel"}
    assert updated.json()["course"]["min_ecl"] is None
    assert updated.json()["course"]["title"] == created["course"]["title"]

    stale = await client.patch(url, json={"ecl_score": 90}, headers={**embassy, "If-Match": '"1"'})
    assert stale.status_code == 412

    null_name = await client.patch(
        url, json={"nominee": {"given_name": None}}, headers={**embassy, "If-Match": '"2"'}
    )
    assert null_name.status_code == 422
    assert null_name.json()["errors"][0]["pointer"] == "/nominee/given_name"

    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    locked = await client.patch(url, json={"ecl_score": 90}, headers={**embassy, "If-Match": '"3"'})
    assert locked.status_code == 409
    assert (await client.get(url, headers=embassy)).json()["ecl_score"] == 85


async def test_history_names_who_when_and_fields_never_personal_values(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}"
    patched = await client.patch(
        url,
        json={"nominee": {"family_name": "Wanjiru", "rank": "Major"}, "ecl_exempt": True},
        headers=keys.headers("embassy", **{"If-Match": '"1"'}),
    )
    assert patched.status_code == 200
    assert (await move(client, keys, created["id"], "under_review", reason="complete")).is_success
    assert (await set_vetting(client, keys, created["id"])).status_code == 200

    response = await client.get(f"{url}/history", headers=keys.headers("embassy"))
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    events = response.json()["items"]
    assert [(e["action"], e["actor_role"], e["changed_fields"]) for e in events] == [
        (
            "vetting",
            "admin",
            ["vetting.case_ref", "vetting.decided_at", "vetting.expires_at", "vetting.status"],
        ),
        ("transition", "admin", ["status"]),
        ("update", "embassy", ["ecl_exempt", "nominee.family_name"]),
        ("create", "embassy", sorted(e for e in events[-1]["changed_fields"])),
    ]
    create = events[-1]
    assert {"nominee.given_name", "nominee.family_name", "course.masl_id"} <= set(
        create["changed_fields"]
    )
    assert create["details"] == {
        "partner": "KEN",
        "fiscal_year": CURRENT_FY,
        "external_ref": created["external_ref"],
    }
    # The free-text reason is not part of the trail (it is kept apart, for admins to purge).
    assert events[1]["details"] == {"from": "submitted", "to": "under_review"}
    assert all(e["occurred_at"] and e["actor_key_id"] for e in events)
    text = response.text
    for value in (GIVEN_NAME, FAMILY_NAME, "Wanjiru", "Peace support", "INVEST-2026-1234"):
        assert value not in text


NOMINATION_ROUTES = [
    ("GET", ""),
    ("POST", ""),
    ("GET", "/{id}"),
    ("PATCH", "/{id}"),
    ("POST", "/{id}/transitions"),
    ("PUT", "/{id}/vetting"),
    ("GET", "/{id}/history"),
]


@pytest.mark.parametrize("role", ["analyst", "integration"])
async def test_analysts_and_integration_get_no_nominee_data(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, role: str
) -> None:
    created = await nominate(client, keys)
    before = await stored(session)
    bodies = {
        "POST": body(),
        "PATCH": {"ecl_score": 90},
        "PUT": {"status": "denied", "decided_at": "2026-01-01"},
    }
    for method, path in NOMINATION_ROUTES:
        url = NOMINATIONS + path.format(id=created["id"])
        json = {"to": "withdrawn"} if path.endswith("transitions") else bodies.get(method)
        response = await client.request(
            method,
            url,
            json=json,
            headers=idem(keys.headers(role, **{"If-Match": '"1"'})),
        )
        assert response.status_code == 403, (method, path, response.text)
        assert GIVEN_NAME not in response.text
    assert await stored(session) == before


async def test_creation_rate_limit_per_key(
    app: Any, client: httpx.AsyncClient, keys: Keys, session: AsyncSession, monkeypatch: Any
) -> None:
    monkeypatch.setattr(app.state.settings, "nomination_rate_limit_per_minute", 2)
    await nominate(client, keys)
    await nominate(client, keys)
    limited = await client.post(NOMINATIONS, json=body(), headers=idem(keys.headers("embassy")))
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert len(await stored(session)) == 2
    # Reads are not creation, and another key has its own budget.
    assert (await client.get(NOMINATIONS, headers=keys.headers("embassy"))).status_code == 200
    await nominate(client, keys, role="embassy_gha")
    assert len(await stored(session)) == 3


async def test_list_as_csv_streams_every_visible_row(client: httpx.AsyncClient, keys: Keys) -> None:
    mine = [await nominate(client, keys) for _ in range(3)]
    await nominate(client, keys, role="embassy_gha")
    response = await client.get(
        NOMINATIONS, params={"limit": 1}, headers=keys.headers("embassy", Accept="text/csv")
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    header, *lines = response.text.strip().split("\r\n")
    assert header.split(",")[:6] == [
        "id",
        "partner",
        "fiscal_year",
        "external_ref",
        "status",
        "nominee_given_name",
    ]
    assert "vetting_expires_at" in header
    assert [line.split(",")[0] for line in lines] == [str(n["id"]) for n in mine]
    assert all(",KEN," in line and f",{GIVEN_NAME}," in line for line in lines)
    men = await client.get(
        NOMINATIONS, params={"format": "csv", "sex": "male"}, headers=keys.headers("admin")
    )
    assert men.text.strip().count("\r\n") == 0  # the header only
    bad = await client.get(
        NOMINATIONS, params={"format": "csv", "partner": "ZZZ"}, headers=keys.headers("admin")
    )
    assert bad.status_code == 422
    refused = await client.get(
        NOMINATIONS, params={"format": "csv"}, headers=keys.headers("analyst")
    )
    assert refused.status_code == 403
