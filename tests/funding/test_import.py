"""Bulk import of obligations: JSON and CSV, dry run, all-or-nothing, upsert on
(program, source_ref), exact money, the export/import round trip, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.funding.models import Obligation, ObligationPurpose
from tests.conftest import Keys, wps
from tests.funding.helpers import OBLIGATIONS, REPORT, obligation

IMPORTS = "/api/v1/imports/obligations"
CSV_HEADER = "id,type,program,fiscal_year,partner,amount_usd,purposes,source_ref\n"


def batch(n: int) -> list[dict[str, Any]]:
    return [
        obligation(
            program=["IMET", "GPOI", "CWD"][i % 3],
            fiscal_year=2015 + i % 9,
            partner=[None, "KEN", "GH", "nga"][i % 4],
            type="disbursement" if i % 5 == 0 else "obligation",
            amount_usd=f"{1000 + i * 37}.{i % 100:02d}",
            purposes=[["women_training"], ["equipment", "women_training"], []][i % 3],
            source_ref=f"FA-{i:05d}",
        )
        for i in range(n)
    ]


async def listed(client: httpx.AsyncClient, keys: Keys, query: str = "") -> list[dict[str, Any]]:
    response = await client.get(f"{OBLIGATIONS}?limit=500{query}", headers=keys.headers("admin"))
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def import_events(
    client: httpx.AsyncClient, keys: Keys, action: str = "create"
) -> list[dict[str, Any]]:
    events = await client.get(
        f"/api/v1/audit-events?resource_type=obligation&action={action}&limit=500",
        headers=keys.headers("admin"),
    )
    return list(events.json()["items"])


async def test_json_import_creates_and_writes_an_audit_event_per_record(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = batch(4)
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("integration"))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "dry_run": False,
        "received": 4,
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    items = await listed(client, keys)
    assert [
        (i["program"], i["fiscal_year"], i["partner"], i["type"], i["amount_usd"], i["purposes"])
        for i in items
    ] == [
        ("IMET", 2015, None, "disbursement", "1000.00", ["women_training"]),
        ("GPOI", 2016, "KEN", "obligation", "1037.01", ["equipment", "women_training"]),
        ("CWD", 2017, "GHA", "obligation", "1074.02", []),
        ("IMET", 2018, "NGA", "obligation", "1111.03", ["women_training"]),
    ]
    events = await import_events(client, keys)
    assert sorted(int(e["resource_id"]) for e in events) == sorted(i["id"] for i in items)
    by_id = {int(e["resource_id"]): e for e in events}
    ken = next(i for i in items if i["partner"] == "KEN")
    # As a POST writes it (the fields given, "type" always), and saying the import wrote it.
    assert by_id[ken["id"]]["details"] == {
        "type": "obligation",
        "program": "GPOI",
        "fiscal_year": 2016,
        "partner": "KEN",
        "import": "json",
    }
    assert "type" in by_id[ken["id"]]["changed_fields"]
    assert {e["actor_role"] for e in events} == {"integration"}


async def test_csv_import_keeps_money_exact_and_splits_purposes(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    lines = [
        # The export's columns in any order; timestamps are ignored, an id this database does
        # not hold is kept; blank lines skipped.
        "source_ref,program,fiscal_year,amount_usd,purposes,partner,type,id,updated_at",
        "D-1,IMET,2022,0.10,women_training,,obligation,99,2020-01-01T00:00:00+00:00",
        "D-2,IMET,2022,0.20,women_training;equipment,KE,,,",
        "",
        "D-3,IMET,2022,2999999.70,women_training,GHA,obligation,,",
    ]
    headers = keys.headers("admin", **{"Content-Type": "text/csv; charset=utf-8"})
    response = await client.post(IMPORTS, content="\r\n".join(lines).encode(), headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["received"] == 4
    assert response.json()["created"] == 3
    items = await listed(client, keys)
    assert [(i["source_ref"], i["amount_usd"], i["partner"]) for i in items] == [
        ("D-1", "0.10", None),
        ("D-2", "0.20", "KEN"),
        ("D-3", "2999999.70", "GHA"),
    ]
    assert items[1]["purposes"] == ["equipment", "women_training"]
    assert [i["id"] for i in items] == [99, 100, 101]  # new ids follow the kept one
    report = await client.get(
        REPORT,
        params={"program": "IMET", "fiscal_year": 2022, "purpose": "women_training"},
        headers=keys.headers("analyst"),
    )
    assert report.json()["totals"] == {"amount_usd": "3000000.00", "records": 3}


async def test_csv_errors_name_the_line_and_column(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("integration", **{"Content-Type": "text/csv"})
    bad_header = "program,fiscal_year,amount_usd,colour\nIMET,2022,1.00,red\n"
    refused = await client.post(IMPORTS, content=bad_header.encode(), headers=headers)
    assert refused.status_code == 422
    assert [(e["row"], e["field"], e["message"]) for e in refused.json()["errors"]] == [
        (0, "colour", "unknown column")
    ]
    missing = await client.post(
        IMPORTS, content=b"program,fiscal_year\nIMET,2022\n", headers=headers
    )
    assert [(e["row"], e["field"]) for e in missing.json()["errors"]] == [(0, "amount_usd")]
    bad_rows = (
        CSV_HEADER + ",obligation,IMET,2022,,1.005,,A\n"  # three places
        ",obligation,NOPE,2022,,1.00,,B\n"
        ",obligation,IMET,twenty,ZZ,1.00,,C\n"
        ",grant,IMET,2022,,1.00,bribes,D\n"
        ",obligation,IMET,2022\n"
    )
    refused = await client.post(IMPORTS, content=bad_rows.encode(), headers=headers)
    assert refused.status_code == 422
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [
        (1, "amount_usd"),
        (2, "program"),
        (3, "fiscal_year"),
        (4, "type"),
        (4, "purposes"),
        (5, ""),
    ]
    assert await listed(client, keys) == []


async def test_dry_run_reports_and_writes_nothing(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPORTS, json=batch(3), headers=admin)).status_code == 200
    before = await listed(client, keys)
    rows = batch(5)
    rows[1]["amount_usd"] = "5.00"
    bad = [*rows, obligation(source_ref="bad", partner="XX")]
    dry = await client.post(f"{IMPORTS}?dry_run=true", json=bad, headers=admin)
    assert dry.status_code == 200, dry.text
    assert dry.json() == {
        "dry_run": True,
        "received": 6,
        "would_create": 2,
        "would_update": 1,
        "unchanged": 2,
        "errors": [{"row": 6, "field": "/partner", "message": "unknown country code 'XX'"}],
    }
    assert await listed(client, keys) == before
    assert len(await import_events(client, keys)) == len(before)  # the dry run wrote none

    real = await client.post(IMPORTS, json=rows, headers=admin)
    assert {k: real.json()[k] for k in ("created", "updated", "unchanged")} == {
        "created": 2,
        "updated": 1,
        "unchanged": 2,
    }


async def test_one_bad_row_in_a_thousand_writes_nothing(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = batch(1000)
    rows[736]["amount_usd"] = "-4.00"
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("integration"))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(737, "/amount_usd")]
    assert body["errors"][0]["message"] == body["errors"][0]["detail"]
    assert "negative" in body["errors"][0]["message"]
    assert "nothing was imported" in body["detail"]
    assert body["error_count"] == 1
    assert body["received"] == 1000
    assert await listed(client, keys) == []
    assert await import_events(client, keys) == []
    report = await client.get(REPORT, headers=keys.headers("admin"))
    assert report.json()["rows"] == []


async def test_upsert_on_program_and_source_ref(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPORTS, json=batch(30), headers=admin)).status_code == 200
    rows = batch(30)
    rows[3]["amount_usd"] = "0.10"
    rows[4]["purposes"] = ["research"]
    rows[5]["partner"] = None
    rows[6]["program"] = "GDRP"  # a new record: the key is (program, source_ref)
    rows.append(obligation(source_ref=None))  # no key: always created
    response = await client.post(IMPORTS, json=rows, headers=admin)
    assert response.status_code == 200, response.text
    counts = {k: response.json()[k] for k in ("received", "created", "updated", "unchanged")}
    assert counts == {"received": 31, "created": 2, "updated": 3, "unchanged": 26}

    changed = await listed(client, keys, "&program=GPOI&fiscal_year=2019")
    (fa4,) = [i for i in changed if i["source_ref"] == "FA-00004"]
    assert fa4["purposes"] == ["research"]
    got = await client.get(f"{OBLIGATIONS}/{fa4['id']}", headers=admin)
    assert got.headers["etag"] == '"2"'  # the update moved the version
    fa3 = [i for i in await listed(client, keys) if i["source_ref"] == "FA-00003"]
    assert [i["amount_usd"] for i in fa3] == ["0.10"]
    assert len(await listed(client, keys)) == 32
    updates = await import_events(client, keys, "update")
    assert sorted(e["changed_fields"] for e in updates) == [
        ["amount_usd"],
        ["partner"],
        ["purposes"],
    ]

    # A key repeated within a file, and a key matching two stored records, are refused.
    twice = [obligation(source_ref="R-1"), obligation(source_ref="R-1", amount_usd="2.00")]
    refused = await client.post(IMPORTS, json=twice, headers=admin)
    assert refused.status_code == 422
    assert [(e["row"], e["field"], e["message"]) for e in refused.json()["errors"]] == [
        (2, "/source_ref", "repeats the obligation of row 1")
    ]
    for _ in range(2):
        made = await client.post(OBLIGATIONS, json=obligation(source_ref="SHARED"), headers=admin)
        assert made.status_code == 201
    ambiguous = await client.post(IMPORTS, json=[obligation(source_ref="SHARED")], headers=admin)
    assert ambiguous.status_code == 422
    assert ambiguous.json()["errors"][0]["field"] == "/source_ref"
    assert "matches 2 stored obligations" in ambiguous.json()["errors"][0]["message"]


async def test_an_id_matches_only_the_record_it_was_exported_from(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    first = await client.post(IMPORTS, json=[obligation(source_ref="A")], headers=admin)
    assert first.json()["created"] == 1
    [stored] = await listed(client, keys)
    # The same id with another source_ref names another record (a file from elsewhere).
    other = obligation(id=stored["id"], source_ref="B", amount_usd="5.00")
    moved = await client.post(IMPORTS, json=[other], headers=admin)
    assert moved.json()["created"] == 1, moved.text
    kept = await client.get(f"{OBLIGATIONS}/{stored['id']}", headers=admin)
    assert (kept.json()["source_ref"], kept.json()["amount_usd"]) == ("A", "1000000.00")
    # Its own id and key update it; an id repeated in a file, or not an id, is refused.
    changed = obligation(id=stored["id"], source_ref="A", amount_usd="7.00")
    assert (await client.post(IMPORTS, json=[changed], headers=admin)).json()["updated"] == 1
    bad = [{**changed, "source_ref": "C"}, changed, obligation(id="7"), obligation(id=0)]
    refused = await client.post(IMPORTS, json=bad, headers=admin)
    assert [(e["row"], e["field"], e["message"]) for e in refused.json()["errors"]] == [
        (2, "/id", "repeats the obligation of row 1"),
        (3, "/id", "must be the id of an exported record"),
        (4, "/id", "must be the id of an exported record"),
    ]


async def test_kept_ids_are_never_taken_by_new_records(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = [*batch(1000), obligation(id=5, source_ref="KEPT")]
    imported = await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))
    assert imported.status_code == 200, imported.text
    kept = await client.get(f"{OBLIGATIONS}/5", headers=keys.headers("admin"))
    assert kept.json()["source_ref"] == "KEPT"
    assert imported.json()["created"] == 1001


async def test_shape_errors_and_roles(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    rows = [obligation(created_at="2022-01-01T00:00:00Z"), "not an object", {"program": "IMET"}]
    response = await client.post(IMPORTS, json=rows, headers=admin)
    assert response.status_code == 422
    errors = {(e["row"], e["field"], e["message"]) for e in response.json()["errors"]}
    assert (1, "/created_at", "unknown or read-only field") in errors
    assert (2, "", "expected an object") in errors
    assert {(3, "/fiscal_year"), (3, "/amount_usd")} <= {(r, f) for r, f, _ in errors}
    not_array = await client.post(IMPORTS, json={"program": "IMET"}, headers=admin)
    assert not_array.status_code == 422
    for role in ("analyst", "embassy"):
        denied = await client.post(IMPORTS, json=batch(1), headers=keys.headers(role))
        assert denied.status_code == 403
    assert await listed(client, keys) == []


async def test_export_import_round_trip_gives_the_same_report_bytes(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    rows = batch(90)
    rows[0]["source_ref"] = None
    rows[1]["source_ref"] = 'Quotes "and", commas'
    rows[2]["amount_usd"] = "0.10"
    assert (await client.post(IMPORTS, json=rows, headers=admin)).status_code == 200
    queries = [
        "group_by=fiscal_year",
        "group_by=program,partner",
        "group_by=purpose,fiscal_year",
        "group_by=partner&type=disbursement",
        "group_by=program&purpose=women_training&format=csv",
    ]
    before = [(await client.get(f"{REPORT}?{q}", headers=admin)).content for q in queries]
    exported = await client.get(f"{OBLIGATIONS}?format=csv", headers=admin)
    assert exported.status_code == 200
    assert len(list(csv.reader(io.StringIO(exported.text)))) == 1 + 90

    async with session.begin():
        await session.execute(delete(ObligationPurpose))
        await session.execute(delete(Obligation))
    assert await listed(client, keys) == []

    headers = keys.headers("integration", **{"Content-Type": "text/csv"})
    imported = await client.post(IMPORTS, content=exported.content, headers=headers)
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 90
    after = [(await client.get(f"{REPORT}?{q}", headers=admin)).content for q in queries]
    assert after == before
    again = await client.post(IMPORTS, content=exported.content, headers=headers)
    assert again.json()["unchanged"] == 90  # the record without a source_ref by its id
    assert again.json()["created"] == 0


# The CLI, against a scratch SQLite database


def test_cli_import_then_export_round_trips(cli_env: dict[str, str], tmp_path: Path) -> None:
    rows = batch(1200)
    source = tmp_path / "obligations.json"
    source.write_text(json.dumps(rows))

    dry = wps("import", "obligations", str(source), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["would_create"] == 1200
    done = wps("import", "obligations", str(source), env=cli_env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 1200
    assert "creating" in done.stderr  # the progress bar of a long run

    out = tmp_path / "out.csv"
    exported = wps("export", "obligations", "--output", str(out), "--program", "IMET", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    assert "exported 400 obligations" in exported.stderr
    with out.open(newline="") as f:
        lines = list(csv.DictReader(f))
    assert len(lines) == 400
    assert lines[0]["amount_usd"] == "1000.00"
    as_json = wps("export", "obligations", "--format", "json", "--partner", "KE", env=cli_env)
    records = json.loads(as_json.stdout)
    assert len(records) == 300
    assert records[0] == {
        "id": 2,
        **rows[1],
        "partner": "KEN",
        "purposes": sorted(rows[1]["purposes"]),
        "project": None,
    }
    again = wps("import", "obligations", str(out), env=cli_env)
    assert json.loads(again.stdout)["unchanged"] == 400

    bad = tmp_path / "bad.csv"
    bad.write_text("program,fiscal_year,amount_usd\nNOPE,2022,1.00\n")
    refused = wps("import", "obligations", str(bad), env=cli_env)
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["errors"][0]["field"] == "program"
