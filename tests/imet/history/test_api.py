"""IMET history records: create, read with ETags, PATCH and DELETE with If-Match, one record per
partner and fiscal year, filters, CSV, embassy scoping and the audit trail."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.imet.history.helpers import HISTORY, history, record


async def test_create_answers_201_with_location_etag_and_the_record(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await client.post(
        HISTORY, json=history(partner="ke"), headers=keys.headers("integration")
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body == {
        "id": body["id"],
        "fiscal_year": 2016,
        "partner": "KEN",
        "women": 3,
        "men": 41,
        "source": "PM/SA IMET completions data call, FY2016",
        "source_ref": "IMET-FY16-KEN",
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert created.headers["location"] == f"{HISTORY}/{body['id']}"
    assert created.headers["etag"] == '"1"'

    read = await client.get(created.headers["location"], headers=keys.headers("analyst"))
    assert read.status_code == 200
    assert read.json() == body
    assert read.headers["etag"] == '"1"'
    not_modified = await client.get(
        created.headers["location"], headers=keys.headers("analyst", **{"If-None-Match": '"1"'})
    )
    assert not_modified.status_code == 304
    assert (await client.get(f"{HISTORY}/999999", headers=keys.headers("admin"))).status_code == 404


async def test_one_record_per_partner_and_fiscal_year(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    first = (await record(client, keys)).json()
    again = await client.post(
        HISTORY, json=history(partner="KE", women=4), headers=keys.headers("admin")
    )
    assert again.status_code == 409
    problem = again.json()
    assert problem["detail"] == f"KEN FY2016 already has IMET history record {first['id']}"
    assert problem["existing_record"] == first["id"]
    # Another year, or another partner, is another record.
    await record(client, keys, fiscal_year=2017)
    await record(client, keys, partner="GHA")


async def test_validation_names_each_bad_field(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    for body, pointer in (
        (history(women=-1), "/women"),
        (history(men="41"), "/men"),
        (history(fiscal_year=1800), "/fiscal_year"),
        (history(partner="ZZZ"), "/partner"),
        (history(partner="K3N"), "/partner"),
        (history(source=""), "/source"),
        (history(total=44), "/total"),
        ({k: v for k, v in history().items() if k != "source"}, "/source"),
    ):
        response = await client.post(HISTORY, json=body, headers=admin)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errors"][0]["pointer"] == pointer, body
    listed = await client.get(HISTORY, headers=admin)
    assert listed.json()["items"] == []


async def test_patch_and_delete_need_if_match_and_are_audited(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await record(client, keys)
    url = created.headers["location"]
    history_id = str(created.json()["id"])

    assert (await client.patch(url, json={"women": 5}, headers=admin)).status_code == 428
    updated = await client.patch(
        url,
        json={"women": 5, "partner": "GH", "source_ref": None},
        headers={**admin, "If-Match": created.headers["etag"]},
    )
    assert updated.status_code == 200, updated.text
    assert (updated.json()["women"], updated.json()["partner"]) == (5, "GHA")
    assert updated.json()["source_ref"] is None
    assert updated.headers["etag"] == '"2"'
    stale = await client.patch(
        url, json={"men": 1}, headers={**admin, "If-Match": created.headers["etag"]}
    )
    assert stale.status_code == 412
    nulled = await client.patch(
        url, json={"women": None}, headers={**admin, "If-Match": updated.headers["etag"]}
    )
    assert nulled.status_code == 422
    assert nulled.json()["errors"][0]["pointer"] == "/women"

    # Moving onto a partner's year that has a record already is the same 409 as creating it.
    other = (await record(client, keys, fiscal_year=2018)).json()
    clash = await client.patch(
        url,
        json={"partner": "KEN", "fiscal_year": 2018},
        headers={**admin, "If-Match": updated.headers["etag"]},
    )
    assert clash.status_code == 409
    assert clash.json()["existing_record"] == other["id"]

    assert (await client.delete(url, headers=admin)).status_code == 428
    deleted = await client.delete(url, headers={**admin, "If-Match": updated.headers["etag"]})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404

    events = (
        await client.get(
            "/api/v1/audit-events",
            params={"resource_type": "imet_history", "resource_id": history_id},
            headers=admin,
        )
    ).json()["items"]
    assert [(e["action"], e["changed_fields"], e["details"]) for e in events] == [
        ("delete", [], {"partner": "GHA", "fiscal_year": 2016}),
        ("update", ["partner", "source_ref", "women"], {"partner": "GHA", "fiscal_year": 2016}),
        (
            "create",
            ["fiscal_year", "men", "partner", "source", "source_ref", "women"],
            {"partner": "KEN", "fiscal_year": 2016},
        ),
    ]


async def test_embassy_keys_read_their_own_countrys_records_only(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    kenya = (await record(client, keys, partner="KEN")).json()
    ghana = (await record(client, keys, partner="GHA")).json()

    mine = await client.get(HISTORY, headers=keys.headers("embassy"))
    assert [h["id"] for h in mine.json()["items"]] == [kenya["id"]]
    theirs = await client.get(f"{HISTORY}/{ghana['id']}", headers=keys.headers("embassy"))
    assert theirs.status_code == 404
    assert theirs.json()["detail"] == f"IMET history record {ghana['id']} does not exist"
    asked = await client.get(HISTORY, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert asked.json()["items"] == []
    as_csv = await client.get(HISTORY, params={"format": "csv"}, headers=keys.headers("embassy"))
    assert [line["partner"] for line in csv.DictReader(io.StringIO(as_csv.text))] == ["KEN"]
    gha = await client.get(f"{HISTORY}/{ghana['id']}", headers=keys.headers("embassy_gha"))
    assert gha.status_code == 200
    everything = await client.get(HISTORY, headers=keys.headers("analyst"))
    assert len(everything.json()["items"]) == 2
    for method in ("PATCH", "DELETE"):
        refused = await client.request(
            method,
            f"{HISTORY}/{kenya['id']}",
            headers=keys.headers("embassy", **{"If-Match": '"1"'}),
            **({"json": {"women": 1}} if method == "PATCH" else {}),
        )
        assert refused.status_code == 403, method


async def test_list_filters_pagination_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    made = []
    for year in range(2013, 2020):
        for partner in ("KEN", "GHA"):
            made.append((await record(client, keys, partner=partner, fiscal_year=year)).json())
    analyst = keys.headers("analyst")

    async def ids(**params: object) -> list[int]:
        response = await client.get(HISTORY, params={"limit": 500, **params}, headers=analyst)
        assert response.status_code == 200, response.text
        return [h["id"] for h in response.json()["items"]]

    def expected(partner: str | None = None, first: int = 0, last: int = 9999) -> list[int]:
        return [
            h["id"]
            for h in made
            if (partner is None or h["partner"] == partner) and first <= h["fiscal_year"] <= last
        ]

    assert await ids(partner="gh") == expected("GHA")
    assert await ids(fiscal_year=2016) == expected(first=2016, last=2016)
    assert await ids(from_fy=2015, to_fy=2019) == expected(first=2015, last=2019)
    assert await ids(partner="KEN", to_fy=2014) == expected("KEN", last=2014)
    assert await ids(updated_since="2999-01-01T00:00:00Z") == []

    page = await client.get(HISTORY, params={"limit": 5, "include_total": "true"}, headers=analyst)
    assert page.json()["total"] == 14
    seen = [h["id"] for h in page.json()["items"]]
    cursor = page.json()["next_cursor"]
    while cursor:
        following = (
            await client.get(HISTORY, params={"limit": 5, "cursor": cursor}, headers=analyst)
        ).json()
        seen += [h["id"] for h in following["items"]]
        cursor = following["next_cursor"]
    assert seen == expected()

    for bad, parameter in (
        ({"partner": "ZZZ"}, "partner"),
        ({"fiscal_year": 1800}, "fiscal_year"),
        ({"from_fy": "x"}, "from_fy"),
    ):
        response = await client.get(HISTORY, params=bad, headers=analyst)
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["parameter"] == parameter

    as_csv = await client.get(
        HISTORY,
        params={"partner": "KEN", "from_fy": 2019},
        headers={**analyst, "Accept": "text/csv"},
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    header, line = as_csv.text.strip().split("\r\n")
    assert header == "id,fiscal_year,partner,women,men,source,source_ref,created_at,updated_at"
    assert line.startswith(
        f"{expected('KEN', first=2019)[0]},2019,KEN,3,41,"
        '"PM/SA IMET completions data call, FY2016",IMET-FY16-KEN,'
    )
