"""Implementers and projects over HTTP: codes, references, embassy scoping, filters, CSV,
versions, the audit trail, deletes refused while a record names them, and `project` on
obligations and trainings (unknown or of another program: 422 naming `project`)."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from tests.conftest import Keys
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.projects.helpers import IMPLEMENTERS, PROJECTS, implementer, make_project, project
from tests.trainings.helpers import TRAININGS, training


async def events(client: httpx.AsyncClient, keys: Keys, kind: str, code: str) -> list[Any]:
    response = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": kind, "resource_id": code},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 200, response.text
    return [(e["action"], e["changed_fields"]) for e in response.json()["items"]]


def pointer(response: httpx.Response) -> str:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return str(response.json()["errors"][0]["pointer"])


async def test_implementers_are_coded_read_by_every_key_and_audited(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    made = await client.post(
        IMPLEMENTERS, json=implementer(code="halo", country="gb"), headers=admin
    )
    assert made.status_code == 201, made.text
    assert made.headers["location"] == "/api/v1/implementers/HALO"
    assert made.json() | {"id": 0, "created_at": "", "updated_at": ""} == {
        "id": 0,
        "code": "HALO",
        "name": "The HALO Trust",
        "kind": "ngo",
        "country": "GBR",
        "created_at": "",
        "updated_at": "",
    }
    again = await client.post(IMPLEMENTERS, json=implementer(), headers=admin)
    assert again.status_code == 409
    assert (
        pointer(
            await client.post(
                IMPLEMENTERS, json=implementer(code="X1", country="ZZ"), headers=admin
            )
        )
        == "/country"
    )
    assert (
        pointer(
            await client.post(
                IMPLEMENTERS, json=implementer(code="X1", kind="charity"), headers=admin
            )
        )
        == "/kind"
    )
    for role in ("embassy", "analyst", "integration"):
        read = await client.get(f"{IMPLEMENTERS}/halo", headers=keys.headers(role))
        assert read.status_code == 200 and read.json()["code"] == "HALO"

    url = f"{IMPLEMENTERS}/HALO"
    etag = made.headers["etag"]
    assert (await client.patch(url, json={"name": "HALO"}, headers=admin)).status_code == 428
    patched = await client.patch(
        url, json={"name": "HALO Trust", "country": "USA"}, headers={**admin, "If-Match": etag}
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["name"], patched.json()["country"]) == ("HALO Trust", "USA")
    assert patched.headers["etag"] != etag
    code_change = await client.patch(
        url, json={"code": "H2"}, headers={**admin, "If-Match": patched.headers["etag"]}
    )
    assert pointer(code_change) == "/code"  # the code is the identity

    await client.post(
        IMPLEMENTERS, json=implementer(code="MAG", name="MAG", country="GBR"), headers=admin
    )
    listed = await client.get(IMPLEMENTERS, params={"country": "us"}, headers=admin)
    assert [i["code"] for i in listed.json()["items"]] == ["HALO"]
    by_kind = await client.get(IMPLEMENTERS, params={"kind": "contractor"}, headers=admin)
    assert by_kind.json()["items"] == []
    searched = await client.get(IMPLEMENTERS, params={"q": "trust"}, headers=admin)
    assert [i["code"] for i in searched.json()["items"]] == ["HALO"]

    deleted = await client.delete(url, headers={**admin, "If-Match": patched.headers["etag"]})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    assert await events(client, keys, "implementer", "HALO") == [
        ("delete", []),
        ("update", ["country", "name"]),
        ("create", ["code", "country", "kind", "name"]),
    ]


async def test_projects_resolve_references_and_refuse_bad_ones_naming_the_field(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPLEMENTERS, json=implementer(), headers=admin)).status_code == 201
    made = await client.post(
        PROJECTS, json=project(code="cwd-afg-01", program="cwd", partner="af"), headers=admin
    )
    assert made.status_code == 201, made.text
    assert made.headers["location"] == "/api/v1/projects/CWD-AFG-01"
    body = made.json()
    assert (body["code"], body["program"], body["partner"], body["implementer"]) == (
        "CWD-AFG-01",
        "CWD",
        "AFG",
        "HALO",
    )
    assert (await client.post(PROJECTS, json=project(), headers=admin)).status_code == 409
    for wrong, field in (
        ({"implementer": "NOBODY"}, "/implementer"),
        ({"program": "NOPE"}, "/program"),
        ({"partner": "ZZ"}, "/partner"),
        ({"end_date": "2020-09-30"}, "/end_date"),
        ({"code": "X" * 41}, "/code"),
        ({"code": "1-BAD"}, "/code"),
    ):
        response = await client.post(
            PROJECTS, json=project(**{"code": "CWD-NEW", **wrong}), headers=admin
        )
        assert pointer(response) == field, wrong
    multi = await client.post(
        PROJECTS, json=project(code="GPOI-GLOBAL", program="GPOI", partner=None), headers=admin
    )
    assert multi.status_code == 201 and multi.json()["partner"] is None

    url = made.headers["location"]
    stale = await client.patch(
        url, json={"start_date": "2024-01-01"}, headers={**admin, "If-Match": made.headers["etag"]}
    )
    assert pointer(stale) == "/start_date"  # after the stored end date
    patched = await client.patch(
        url,
        json={"end_date": "2024-09-30", "award_ref": None, "partner": "KEN"},
        headers={**admin, "If-Match": made.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["end_date"], patched.json()["award_ref"]) == ("2024-09-30", None)
    assert await events(client, keys, "project", "CWD-AFG-01") == [
        ("update", ["award_ref", "end_date", "partner"]),
        (
            "create",
            [
                "award_ref",
                "code",
                "description",
                "end_date",
                "implementer",
                "partner",
                "program",
                "start_date",
                "title",
            ],
        ),
    ]


async def test_an_embassy_key_reads_only_projects_in_its_own_country(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await make_project(client, keys, code="CWD-AFG-01", partner="AFG")
    await make_project(client, keys, code="GPOI-KEN-01", program="GPOI", partner="KEN")
    await make_project(client, keys, code="GPOI-GLOBAL", program="GPOI", partner=None)
    embassy = keys.headers("embassy")
    listed = await client.get(PROJECTS, headers=embassy)
    assert [p["code"] for p in listed.json()["items"]] == ["GPOI-KEN-01"]
    assert (await client.get(f"{PROJECTS}/gpoi-ken-01", headers=embassy)).status_code == 200
    for hidden in ("CWD-AFG-01", "GPOI-GLOBAL", "NOT-THERE"):
        response = await client.get(f"{PROJECTS}/{hidden}", headers=embassy)
        assert response.status_code == 404, hidden
        assert "does not exist" in response.json()["detail"]
    csv_lines = (await client.get(PROJECTS, params={"format": "csv"}, headers=embassy)).text
    assert "CWD-AFG-01" not in csv_lines and "GPOI-KEN-01" in csv_lines
    analyst = await client.get(PROJECTS, headers=keys.headers("analyst"))
    assert len(analyst.json()["items"]) == 3


async def test_project_filters_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    await make_project(client, keys, code="CWD-AFG-01", title="Mine clearance Helmand")
    await make_project(
        client, keys, implementer_code="MAG", code="CWD-IRQ-01", partner="IRQ", title="Survey"
    )
    await make_project(client, keys, code="GPOI-KEN-01", program="GPOI", partner="KEN")
    admin = keys.headers("admin")

    async def codes(**params: str) -> list[str]:
        response = await client.get(PROJECTS, params=params, headers=admin)
        assert response.status_code == 200, response.text
        return [p["code"] for p in response.json()["items"]]

    assert await codes() == ["CWD-AFG-01", "CWD-IRQ-01", "GPOI-KEN-01"]
    assert await codes(program="cwd") == ["CWD-AFG-01", "CWD-IRQ-01"]
    assert await codes(partner="iq") == ["CWD-IRQ-01"]
    assert await codes(implementer="mag") == ["CWD-IRQ-01"]
    assert await codes(q="HELMAND") == ["CWD-AFG-01"]
    assert await codes(q="gpoi-ken") == ["GPOI-KEN-01"]
    unknown = await client.get(PROJECTS, params={"implementer": "NOBODY"}, headers=admin)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["parameter"] == "implementer"
    exported = await client.get(PROJECTS, params={"format": "csv", "program": "CWD"}, headers=admin)
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["code"], r["implementer"], r["partner"]) for r in rows] == [
        ("CWD-AFG-01", "HALO", "AFG"),
        ("CWD-IRQ-01", "MAG", "IRQ"),
    ]


async def test_obligations_and_trainings_name_a_project_of_their_program(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await make_project(client, keys, code="CWD-AFG-01")
    await make_project(client, keys, code="GPOI-GHA-01", program="GPOI", partner="GHA")
    admin = keys.headers("admin")

    funded = await client.post(
        OBLIGATIONS, json=obligation(program="CWD", project="cwd-afg-01"), headers=admin
    )
    assert funded.status_code == 201, funded.text
    assert funded.json()["project"] == "CWD-AFG-01"
    assert (await client.get(funded.headers["location"], headers=admin)).json()[
        "project"
    ] == "CWD-AFG-01"
    for wrong in ("GPOI-GHA-01", "NO-SUCH-PROJECT"):
        refused = await client.post(
            OBLIGATIONS, json=obligation(program="CWD", project=wrong), headers=admin
        )
        assert pointer(refused) == "/project", wrong
    # Moving the record to another program leaves its project behind: refused.
    moved = await client.patch(
        funded.headers["location"],
        json={"program": "GPOI"},
        headers={**admin, "If-Match": funded.headers["etag"]},
    )
    assert pointer(moved) == "/project"
    both = await client.patch(
        funded.headers["location"],
        json={"program": "GPOI", "project": "GPOI-GHA-01"},
        headers={**admin, "If-Match": funded.headers["etag"]},
    )
    assert both.status_code == 200, both.text
    assert (both.json()["program"], both.json()["project"]) == ("GPOI", "GPOI-GHA-01")
    cleared = await client.patch(
        funded.headers["location"],
        json={"project": None},
        headers={**admin, "If-Match": both.headers["etag"]},
    )
    assert cleared.status_code == 200 and cleared.json()["project"] is None

    trained = await client.post(TRAININGS, json=training(project="GPOI-GHA-01"), headers=admin)
    assert trained.status_code == 201, trained.text
    assert trained.json()["project"] == "GPOI-GHA-01"
    fetched = await client.get(trained.headers["location"], headers=admin)
    assert fetched.json()["project"] == "GPOI-GHA-01"
    assert (
        pointer(
            await client.post(
                TRAININGS, json=training(external_ref="X-2", project="CWD-AFG-01"), headers=admin
            )
        )
        == "/project"
    )
    moved = await client.patch(
        trained.headers["location"],
        json={"program": "CWD"},
        headers={**admin, "If-Match": fetched.headers["etag"]},
    )
    assert pointer(moved) == "/project"

    listed = await client.get(TRAININGS, params={"project": "gpoi-gha-01"}, headers=admin)
    assert [t["id"] for t in listed.json()["items"]] == [trained.json()["id"]]
    assert listed.json()["items"][0]["project"] == "GPOI-GHA-01"
    none = await client.get(OBLIGATIONS, params={"project": "GPOI-GHA-01"}, headers=admin)
    assert none.json()["items"] == []
    unknown = await client.get(OBLIGATIONS, params={"project": "NOPE-1"}, headers=admin)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["parameter"] == "project"
    exported = await client.get(TRAININGS, params={"format": "csv"}, headers=admin)
    assert {r["project"] for r in csv.DictReader(io.StringIO(exported.text))} == {"GPOI-GHA-01"}


async def test_imports_take_a_project_column_and_refuse_a_foreign_one(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await make_project(client, keys, code="CWD-AFG-01")
    admin = keys.headers("admin")
    sheet = (
        "program,fiscal_year,amount_usd,type,project,source_ref\n"
        "CWD,2022,100.00,obligation,cwd-afg-01,A-1\n"
        "CWD,2022,40.00,disbursement,CWD-AFG-01,A-2\n"
    )
    imported = await client.post(
        "/api/v1/imports/obligations",
        content=sheet,
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 2
    listed = await client.get(OBLIGATIONS, params={"project": "CWD-AFG-01"}, headers=admin)
    assert sorted(o["amount_usd"] for o in listed.json()["items"]) == ["100.00", "40.00"]

    refused = await client.post(
        "/api/v1/imports/trainings",
        json=[training(external_ref="T-1", project="CWD-AFG-01"), training(project="NOPE-9")],
        headers=admin,
    )
    assert refused.status_code == 422, refused.text
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [
        (1, "/project"),
        (2, "/project"),
    ]


async def test_a_project_or_implementer_still_named_is_not_deleted(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    made = await make_project(client, keys)
    admin = keys.headers("admin")
    url = f"{PROJECTS}/{made['code']}"
    funded = await client.post(
        OBLIGATIONS, json=obligation(program="CWD", project=made["code"]), headers=admin
    )
    assert funded.status_code == 201, funded.text
    etag = (await client.get(url, headers=admin)).headers["etag"]
    refused = await client.delete(url, headers={**admin, "If-Match": etag})
    assert refused.status_code == 409, refused.text
    assert "obligations" in refused.json()["detail"]
    moved = await client.patch(url, json={"program": "GPOI"}, headers={**admin, "If-Match": etag})
    assert moved.status_code == 409
    halo = await client.get(f"{IMPLEMENTERS}/HALO", headers=admin)
    kept = await client.delete(
        f"{IMPLEMENTERS}/HALO", headers={**admin, "If-Match": halo.headers["etag"]}
    )
    assert kept.status_code == 409 and "projects" in kept.json()["detail"]

    gone = await client.delete(
        funded.headers["location"], headers={**admin, "If-Match": funded.headers["etag"]}
    )
    assert gone.status_code == 204
    assert (await client.delete(url, headers={**admin, "If-Match": etag})).status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    assert [a for a, _ in await events(client, keys, "project", made["code"])] == [
        "delete",
        "create",
    ]
