"""Bulk import of IMET history: JSON and CSV, dry run, all-or-nothing, upsert on (partner,
fiscal_year), the export/import round trip, and the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Keys, wps
from tests.imet.history.helpers import HISTORY, IMPORTS, history


def batch() -> list[dict[str, Any]]:
    return [
        history(partner=partner, fiscal_year=year, women=i, men=10 * i, source_ref=f"R-{i}")
        for i, (partner, year) in enumerate(
            [(p, y) for p in ("KEN", "gh", "NGA") for y in (2015, 2016, 2017)], start=1
        )
    ]


async def listed(client: httpx.AsyncClient, keys: Keys) -> list[dict[str, Any]]:
    response = await client.get(HISTORY, params={"limit": 500}, headers=keys.headers("admin"))
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_json_import_upserts_on_partner_and_year_with_an_audit_event_per_record(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    integration = keys.headers("integration")
    first = await client.post(IMPORTS, json=batch(), headers=integration)
    assert first.status_code == 200, first.text
    assert first.json() == {
        "dry_run": False,
        "received": 9,
        "created": 9,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    stored = await listed(client, keys)
    assert [(h["partner"], h["fiscal_year"], h["women"]) for h in stored][:4] == [
        ("KEN", 2015, 1),
        ("KEN", 2016, 2),
        ("KEN", 2017, 3),
        ("GHA", 2015, 4),
    ]

    changed = batch()
    changed[0]["women"] = 100
    changed[1]["partner"] = "KE"  # the same partner, by alpha-2: unchanged
    again = await client.post(IMPORTS, json=changed, headers=integration)
    assert again.json() == {
        "dry_run": False,
        "received": 9,
        "created": 0,
        "updated": 1,
        "unchanged": 8,
        "errors": [],
    }
    after = {h["id"]: h for h in await listed(client, keys)}
    assert after[stored[0]["id"]]["women"] == 100
    read = await client.get(f"{HISTORY}/{stored[0]['id']}", headers=keys.headers("admin"))
    assert read.headers["etag"] == '"2"'

    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "imet_history"},
        headers=keys.headers("admin"),
    )
    written = [(e["action"], e["resource_id"]) for e in events.json()["items"]]
    # Newest first: the one record the second import changed, then the nine it created.
    assert written[0] == ("update", str(stored[0]["id"]))
    assert sorted(written[1:]) == sorted(("create", str(h["id"])) for h in stored)
    assert events.json()["items"][0]["changed_fields"] == ["women"]
    assert events.json()["items"][0]["details"] == {
        "partner": "KEN",
        "fiscal_year": 2015,
        "import": "json",
    }


async def test_csv_dry_run_and_all_or_nothing(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("admin", **{"Content-Type": "text/csv"})
    good = (
        "fiscal_year,partner,women,men,source,source_ref\n"
        "2015,KEN,3,41,data call,\n"
        "2016,GHA,2,30,data call,R-2\n"
    )
    dry = await client.post(IMPORTS, params={"dry_run": "true"}, content=good, headers=headers)
    assert dry.json() == {
        "dry_run": True,
        "received": 2,
        "would_create": 2,
        "would_update": 0,
        "unchanged": 0,
        "errors": [],
    }
    assert await listed(client, keys) == []

    bad = good + "2017,ZZZ,1,1,data call,\n2018,KEN,-1,x,data call,\n2015,KEN,9,9,again,\n"
    refused = await client.post(IMPORTS, content=bad, headers=headers)
    assert refused.status_code == 422
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [
        (3, "partner"),
        (4, "women"),
        (4, "men"),
        (5, "fiscal_year"),  # repeats row 1's partner and year
    ]
    assert refused.json()["errors"][-1]["message"] == "repeats the imet_history of row 1"
    assert await listed(client, keys) == []

    missing = await client.post(IMPORTS, content="fiscal_year,partner\n2015,KEN\n", headers=headers)
    assert missing.status_code == 422
    assert {(e["field"], e["message"]) for e in missing.json()["errors"]} == {
        ("women", "required column is missing"),
        ("men", "required column is missing"),
        ("source", "required column is missing"),
    }
    done = await client.post(IMPORTS, content=good, headers=headers)
    assert done.json()["created"] == 2
    assert [h["source_ref"] for h in await listed(client, keys)] == [None, "R-2"]


async def test_an_export_imports_back_unchanged(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPORTS, json=batch(), headers=admin)).status_code == 200
    exported = await client.get(HISTORY, params={"format": "csv"}, headers=admin)
    back = await client.post(
        IMPORTS, content=exported.content, headers={**admin, "Content-Type": "text/csv"}
    )
    assert back.status_code == 200, back.text
    assert (back.json()["unchanged"], back.json()["created"], back.json()["updated"]) == (9, 0, 0)


def test_cli_import_then_export(cli_env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "history.json"
    source.write_text(json.dumps(batch()))
    dry = wps("import", "imet-history", str(source), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["would_create"] == 9
    done = wps("import", "imet-history", str(source), env=cli_env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 9

    out = tmp_path / "out.csv"
    exported = wps("export", "imet-history", "--output", str(out), "--from-fy", "2016", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    assert "exported 6 imet-history" in exported.stderr
    with out.open(newline="") as f:
        lines = list(csv.DictReader(f))
    assert {(line["partner"], line["fiscal_year"]) for line in lines} == {
        (p, y) for p in ("KEN", "GHA", "NGA") for y in ("2016", "2017")
    }
    as_json = wps("export", "imet-history", "--format", "json", "--partner", "GH", env=cli_env)
    exported_record = json.loads(as_json.stdout)[0]
    assert isinstance(exported_record.pop("id"), int)  # so a re-import matches it
    assert exported_record == {**batch()[3], "partner": "GHA"}
    again = wps("import", "imet-history", str(out), env=cli_env)
    assert json.loads(again.stdout)["unchanged"] == 6

    bad = tmp_path / "bad.csv"
    bad.write_text("fiscal_year,partner,women,men,source\n2015,NOPE,1,1,x\n")
    refused = wps("import", "imet-history", str(bad), env=cli_env)
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["errors"][0]["field"] == "partner"
