"""Obligations and disbursements: exact money, validation, ETags, scoping and audit."""

from __future__ import annotations

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.funding.models import Obligation, ObligationPurpose
from tests.conftest import Keys
from tests.funding.helpers import OBLIGATIONS, obligation


async def test_create_answers_201_with_location_etag_and_money_as_a_string(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await client.post(
        OBLIGATIONS,
        json=obligation(partner="ke", purposes=["women_training", "equipment"]),
        headers=keys.headers("integration"),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["location"] == f"{OBLIGATIONS}/{body['id']}"
    assert created.headers["etag"] == '"1"'
    assert body["amount_usd"] == "1000000.00"
    assert body["partner"] == "KEN"
    assert body["purposes"] == ["equipment", "women_training"]
    assert body["type"] == "obligation"
    assert body["program"] == "IMET"
    assert body["fiscal_year"] == 2022
    assert body["source_ref"] == "FA-2022-0001"

    fetched = await client.get(created.headers["location"], headers=keys.headers("analyst"))
    assert fetched.status_code == 200
    assert fetched.json() == body
    not_modified = await client.get(
        created.headers["location"],
        headers=keys.headers("analyst", **{"If-None-Match": created.headers["etag"]}),
    )
    assert not_modified.status_code == 304


async def test_amounts_are_quantized_to_cents_and_stored_exactly(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    as_number = await client.post(
        OBLIGATIONS,
        content=b'{"program": "GPOI", "fiscal_year": 2021, "amount_usd": 1234.5}',
        headers={**admin, "Content-Type": "application/json"},
    )
    assert as_number.status_code == 201, as_number.text
    assert as_number.json()["amount_usd"] == "1234.50"
    cents = await client.post(
        OBLIGATIONS, json=obligation(amount_usd="0.10", purposes=[]), headers=admin
    )
    assert cents.json()["amount_usd"] == "0.10"
    assert cents.json()["purposes"] == []
    stored = await session.scalar(
        select(Obligation.amount_usd).where(Obligation.id == cents.json()["id"])
    )
    assert str(stored) == "0.10"


async def test_money_validation_refuses_float_noise_extra_places_negatives_and_absurd_values(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = {**keys.headers("admin"), "Content-Type": "application/json"}
    for raw in (
        b"0.30000000000000004",
        b'"12.345"',
        b'"-5.00"',
        b'"0"',
        b'"1000000000000.00"',
        b"1e400",
        b'"NaN"',
        b'"1,000.00"',
        b"true",
        b'"' + b"9" * 5000 + b'"',
    ):
        body = b'{"program": "IMET", "fiscal_year": 2022, "amount_usd": ' + raw + b"}"
        refused = await client.post(OBLIGATIONS, content=body, headers=admin)
        assert refused.status_code == 422, (raw[:30], refused.text)
        assert refused.headers["content-type"] == "application/problem+json"
        assert [e["pointer"] for e in refused.json()["errors"]] == ["/amount_usd"], raw[:30]
    listed = await client.get(OBLIGATIONS, headers=keys.headers("admin"))
    assert listed.json()["items"] == []


async def test_validation_names_each_bad_field(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    bad = await client.post(
        OBLIGATIONS,
        json=obligation(
            program="1-imet",  # not a program code in any case
            fiscal_year=1800,
            type="grant",
            purposes=["women_training", "snacks"],
            source_ref="x" * 201,
            id=7,
        ),
        headers=admin,
    )
    assert bad.status_code == 422
    assert {e["pointer"] for e in bad.json()["errors"]} == {
        "/program",
        "/fiscal_year",
        "/type",
        "/purposes/1",
        "/source_ref",
        "/id",
    }
    repeated = await client.post(
        OBLIGATIONS, json=obligation(purposes=["equipment", "equipment"]), headers=admin
    )
    assert [e["pointer"] for e in repeated.json()["errors"]] == ["/purposes"]

    unknown_program = await client.post(OBLIGATIONS, json=obligation(program="NOPE"), headers=admin)
    assert unknown_program.status_code == 422
    assert unknown_program.json()["errors"][0]["pointer"] == "/program"
    unknown_partner = await client.post(OBLIGATIONS, json=obligation(partner="QQ"), headers=admin)
    assert unknown_partner.status_code == 422
    assert unknown_partner.json()["errors"][0]["pointer"] == "/partner"


async def test_only_admin_and_integration_write(client: httpx.AsyncClient, keys: Keys) -> None:
    for role in ("analyst", "embassy"):
        refused = await client.post(OBLIGATIONS, json=obligation(), headers=keys.headers(role))
        assert refused.status_code == 403, role
    anonymous = await client.post(OBLIGATIONS, json=obligation())
    assert anonymous.status_code == 401
    assert (await client.get(OBLIGATIONS, headers=keys.headers("admin"))).json()["items"] == []


async def test_patch_and_delete_need_if_match_and_are_audited(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    created = await client.post(OBLIGATIONS, json=obligation(partner="GHA"), headers=admin)
    url = created.headers["location"]
    etag = created.headers["etag"]

    missing = await client.patch(url, json={"amount_usd": "5.00"}, headers=admin)
    assert missing.status_code == 428

    updated = await client.patch(
        url,
        json={"amount_usd": "999999.99", "partner": None, "source_ref": None},
        headers={**admin, "If-Match": etag},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["amount_usd"] == "999999.99"
    assert updated.json()["partner"] is None
    assert updated.json()["source_ref"] is None
    assert updated.headers["etag"] == '"2"'

    stale = await client.patch(
        url, json={"amount_usd": "1.00"}, headers={**admin, "If-Match": etag}
    )
    assert stale.status_code == 412

    # Purposes live in their own table; changing only them still moves the ETag.
    retagged = await client.patch(
        url,
        json={"purposes": ["gender_advisors", "women_training"]},
        headers={**admin, "If-Match": updated.headers["etag"]},
    )
    assert retagged.status_code == 200, retagged.text
    assert retagged.json()["purposes"] == ["gender_advisors", "women_training"]
    assert retagged.headers["etag"] == '"3"'
    nulled = await client.patch(
        url, json={"fiscal_year": None}, headers={**admin, "If-Match": retagged.headers["etag"]}
    )
    assert nulled.status_code == 422
    assert nulled.json()["errors"][0]["pointer"] == "/fiscal_year"

    no_match = await client.delete(url, headers=admin)
    assert no_match.status_code == 428
    deleted = await client.delete(url, headers={**admin, "If-Match": retagged.headers["etag"]})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    assert (await session.scalars(select(ObligationPurpose))).all() == []
    await session.rollback()  # on SQLite the session's transaction holds the write lock

    events = (
        await client.get("/api/v1/audit-events?resource_type=obligation", headers=admin)
    ).json()["items"]
    obligation_id = str(created.json()["id"])
    assert [(e["action"], e["resource_id"], e["changed_fields"]) for e in events] == [
        ("delete", obligation_id, []),
        ("update", obligation_id, ["purposes"]),
        ("update", obligation_id, ["amount_usd", "partner", "source_ref"]),
        (
            "create",
            obligation_id,
            ["amount_usd", "fiscal_year", "partner", "program", "purposes", "source_ref", "type"],
        ),
    ]


async def test_embassy_keys_see_only_their_own_countrys_records(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    kenya = (await client.post(OBLIGATIONS, json=obligation(partner="KEN"), headers=admin)).json()
    ghana = (await client.post(OBLIGATIONS, json=obligation(partner="GHA"), headers=admin)).json()
    unallocated = (await client.post(OBLIGATIONS, json=obligation(), headers=admin)).json()

    mine = await client.get(OBLIGATIONS, headers=keys.headers("embassy"))
    assert [o["id"] for o in mine.json()["items"]] == [kenya["id"]]
    theirs = await client.get(f"{OBLIGATIONS}/{ghana['id']}", headers=keys.headers("embassy"))
    assert theirs.status_code == 404
    global_one = await client.get(
        f"{OBLIGATIONS}/{unallocated['id']}", headers=keys.headers("embassy")
    )
    assert global_one.status_code == 404
    asked_for_ghana = await client.get(
        OBLIGATIONS, params={"partner": "GHA"}, headers=keys.headers("embassy")
    )
    assert asked_for_ghana.json()["items"] == []
    gha = await client.get(OBLIGATIONS, headers=keys.headers("embassy_gha"))
    assert [o["id"] for o in gha.json()["items"]] == [ghana["id"]]
    everything = await client.get(OBLIGATIONS, headers=keys.headers("analyst"))
    assert len(everything.json()["items"]) == 3


async def test_list_filters_and_keyset_pagination(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    bodies = [
        obligation(),
        obligation(program="GPOI", partner="GHA", purposes=["peacekeeping"]),
        obligation(fiscal_year=2023, type="disbursement", purposes=[]),
        obligation(partner="KE"),
    ]
    ids = []
    for body in bodies:
        response = await client.post(OBLIGATIONS, json=body, headers=admin)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])

    async def listed(**params: object) -> list[int]:
        response = await client.get(OBLIGATIONS, params=params, headers=admin)
        assert response.status_code == 200, response.text
        return [o["id"] for o in response.json()["items"]]

    assert await listed(program="gpoi") == [ids[1]]
    assert await listed(fiscal_year=2023) == [ids[2]]
    assert await listed(type="disbursement") == [ids[2]]
    assert await listed(type="obligation") == [ids[0], ids[1], ids[3]]
    assert await listed(partner="KEN") == [ids[3]]
    unknown = await client.get(OBLIGATIONS, params={"partner": "QQ"}, headers=admin)
    assert unknown.status_code == 422  # issue 8: an unknown code is the client's error, not []
    assert unknown.json()["errors"][0]["parameter"] == "partner"
    assert await listed(purpose="women_training") == [ids[0], ids[3]]
    assert await listed(updated_since="2000-01-01T00:00:00Z") == ids
    assert await listed(updated_since="2999-01-01T00:00:00Z") == []
    bad = await client.get(OBLIGATIONS, params={"purpose": "snacks"}, headers=admin)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["parameter"] == "purpose"

    first = await client.get(OBLIGATIONS, params={"limit": 3, "include_total": True}, headers=admin)
    page = first.json()
    assert [o["id"] for o in page["items"]] == ids[:3]
    assert page["total"] == 4
    assert 'rel="next"' in first.headers["link"]
    second = await client.get(
        OBLIGATIONS, params={"limit": 3, "cursor": page["next_cursor"]}, headers=admin
    )
    assert [o["id"] for o in second.json()["items"]] == ids[3:]
    assert second.json()["next_cursor"] is None


async def test_idempotency_key_replays_the_first_create(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("integration", **{"Idempotency-Key": "fa-2022-0001"})
    first = await client.post(OBLIGATIONS, json=obligation(), headers=headers)
    again = await client.post(OBLIGATIONS, json=obligation(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    listed = await client.get(OBLIGATIONS, headers=keys.headers("admin"))
    assert len(listed.json()["items"]) == 1


async def test_list_as_csv_streams_every_visible_record(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    kenya = await client.post(
        OBLIGATIONS,
        json=obligation(partner="KEN", amount_usd="12.5", purposes=["women_training", "equipment"]),
        headers=admin,
    )
    await client.post(OBLIGATIONS, json=obligation(partner="GHA"), headers=admin)
    response = await client.get(OBLIGATIONS, headers=keys.headers("embassy", Accept="text/csv"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == (
        "id,type,program,fiscal_year,partner,amount_usd,purposes,source_ref,project,created_at,updated_at"
    )
    assert len(lines) == 2
    assert lines[1].startswith(
        f"{kenya.json()['id']},obligation,IMET,2022,KEN,12.50,equipment;women_training,FA-2022-0001,"
    )
    everything = await client.get(OBLIGATIONS, params={"format": "csv"}, headers=admin)
    assert len(everything.text.splitlines()) == 3


async def test_patch_moves_program_and_partner_and_refuses_unknown_fields(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(OBLIGATIONS, json=obligation(), headers=admin)
    url = created.headers["location"]
    moved = await client.patch(
        url,
        json={"program": "GPOI", "partner": "gh", "type": "disbursement", "fiscal_year": 2021},
        headers={**admin, "If-Match": created.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert (body["program"], body["partner"], body["type"], body["fiscal_year"]) == (
        "GPOI",
        "GHA",
        "disbursement",
        2021,
    )
    unchanged = await client.patch(
        url, json={"program": "GPOI"}, headers={**admin, "If-Match": moved.headers["etag"]}
    )
    assert unchanged.headers["etag"] == moved.headers["etag"]
    extra = await client.patch(
        url,
        json={"id": 5, "created_at": "2020-01-01T00:00:00Z"},
        headers={**admin, "If-Match": "*"},
    )
    assert extra.status_code == 422
    assert {e["pointer"] for e in extra.json()["errors"]} == {"/id", "/created_at"}
    unknown = await client.patch(url, json={"partner": "QQ"}, headers={**admin, "If-Match": "*"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["pointer"] == "/partner"
