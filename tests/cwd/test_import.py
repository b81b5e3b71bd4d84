"""Bulk import of CWD teams with their rosters: dry run, all or nothing, a summary, rosters in
the file replacing the stored ones, errors pointing at the CSV line, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import Keys, wps
from tests.cwd.helpers import IMPORTS, TEAMS, members, team
from tests.projects.helpers import make_project


def batch() -> list[dict[str, Any]]:
    return [
        team(
            rosters=[
                {"as_of": "2022-03-31", "members": members(women=9, leaders=1)},
                {"as_of": "2022-09-30", "members": members(women=6, men=4, leaders=2)},
            ]
        ),
        team(name="Survey 1", activity="survey", partner="GH", formed_on="2021-01-01"),
    ]


async def test_dry_run_then_import_then_unchanged(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("integration")
    dry = await client.post(IMPORTS, json=batch(), params={"dry_run": "true"}, headers=admin)
    assert dry.status_code == 200, dry.text
    assert dry.json() == {
        "dry_run": True,
        "received": 2,
        "would_create": 2,
        "would_update": 0,
        "unchanged": 0,
        "errors": [],
    }
    assert (await client.get(TEAMS, headers=admin)).json()["items"] == []
    done = await client.post(IMPORTS, json=batch(), headers=admin)
    assert done.json() == {
        "dry_run": False,
        "received": 2,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    listed = (await client.get(TEAMS, params={"as_of": "2022-06-30"}, headers=admin)).json()
    assert [(t["name"], t["partner"], t["composition"], t["women"]) for t in listed["items"]] == [
        ("Team 7", "KEN", "all_women", 9),
        ("Survey 1", "GHA", "unknown", 0),
    ]
    rosters = await client.get(f"{TEAMS}/{listed['items'][0]['id']}/rosters", headers=admin)
    assert [r["women_in_leadership"] for r in rosters.json()["items"]] == [1, 2]
    again = await client.post(IMPORTS, json=batch(), headers=admin)
    assert (again.json()["unchanged"], again.json()["created"]) == (2, 0)
    # A team's rosters in the file replace its stored ones.
    changed = batch()
    changed[0]["rosters"] = [{"as_of": "2022-12-31", "members": members(men=2)}]
    updated = await client.post(IMPORTS, json=changed, headers=admin)
    assert (updated.json()["updated"], updated.json()["unchanged"]) == (1, 1)
    history = await client.get(f"{TEAMS}/{listed['items'][0]['id']}/rosters", headers=admin)
    assert [r["as_of"] for r in history.json()["items"]] == ["2022-12-31"]
    events = await client.get(
        "/api/v1/audit-events", params={"limit": 500}, headers=keys.headers("admin")
    )
    # A change per team created, then one for the team whose rosters changed; none for the
    # import that changed nothing (newest first).
    written = [
        (e["action"], e["resource_id"], e["changed_fields"])
        for e in events.json()["items"]
        if e["resource_type"] == "cwd_team"
    ]
    team_7 = str(listed["items"][0]["id"])
    assert written[0] == ("update", team_7, ["rosters"])
    assert sorted(w[:2] for w in written[1:]) == sorted(
        ("create", str(t["id"])) for t in listed["items"]
    )


async def test_all_or_nothing_with_every_error(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    bad = [
        *batch(),
        team(name="Late", rosters=[{"as_of": "2020-01-01", "members": members(women=1)}]),
        team(
            name="Twice",
            rosters=[
                {
                    "as_of": "2022-01-01",
                    "members": [{"role": "medic", "women": 1}, {"role": "medic", "men": 1}],
                },
                {"as_of": "2022-01-01", "members": members(women=1)},
            ],
        ),
        team(name="Negative", rosters=[{"as_of": "2022-01-01", "members": members(women=-2)}]),
        team(name="Backwards", disbanded_on="2020-01-01"),
        team(),  # repeats the first team
    ]
    refused = await client.post(IMPORTS, json=bad, headers=admin)
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert problem["error_count"] == 6
    assert {(e["row"], e["field"]) for e in problem["errors"]} == {
        (3, "/rosters/0/as_of"),
        (4, "/rosters/0/members/1/role"),
        (4, "/rosters/1/as_of"),
        (5, "/rosters/0/members/0/women"),
        (6, "/disbanded_on"),
        (7, "/name"),
    }
    assert (await client.get(TEAMS, headers=admin)).json()["items"] == []
    dry = await client.post(IMPORTS, json=bad, params={"dry_run": "true"}, headers=admin)
    assert dry.status_code == 200 and len(dry.json()["errors"]) == 6


async def test_csv_export_imports_back_and_errors_name_the_line(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPORTS, json=batch(), headers=admin)).status_code == 200
    exported = await client.get(TEAMS, params={"format": "csv"}, headers=admin)
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(lines) == 5  # two rosters of two roles, and a team without a roster
    back = await client.post(
        IMPORTS, content=exported.content, headers={**admin, "Content-Type": "text/csv"}
    )
    assert back.status_code == 200, back.text
    assert (back.json()["unchanged"], back.json()["created"], back.json()["updated"]) == (2, 0, 0)

    text = (
        "partner,name,activity,formed_on,as_of,role,women,men\n"
        "AFG,Team 1,clearance,2021-03-01,2022-01-31,team_leader,1,0\n"
        "AFG,Team 1,clearance,2021-03-01,2022-01-31,deminer,7,0\n"
        "AFG,Team 1,clearance,2021-03-01,2022-01-31,deminer,0,2\n"
        "AFG,Team 1,clearance,2021-03-01,,medic,1,0\n"
    )
    csv_headers = {**admin, "Content-Type": "text/csv"}
    refused = await client.post(IMPORTS, content=text.encode(), headers=csv_headers)
    assert refused.status_code == 422
    assert {(e["row"], e["field"]) for e in refused.json()["errors"]} == {(3, "role"), (4, "as_of")}
    fine = "\n".join(text.splitlines()[:3]) + "\n"
    done = await client.post(IMPORTS, content=fine.encode(), headers=csv_headers)
    assert done.status_code == 200, done.text
    afghan = await client.get(
        TEAMS, params={"partner": "AFG", "as_of": "2022-02-01"}, headers=admin
    )
    (found,) = afghan.json()["items"]
    assert (found["composition"], found["women"], found["women_in_leadership"]) == (
        "all_women",
        8,
        1,
    )


def test_cli_import_and_export(cli_env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "teams.json"
    source.write_text(json.dumps(batch()))
    dry = wps("import", "cwd-teams", str(source), "--dry-run", env=cli_env)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["would_create"] == 2
    done = wps("import", "cwd-teams", str(source), env=cli_env)
    assert json.loads(done.stdout)["created"] == 2, done.stderr
    out = tmp_path / "out.csv"
    exported = wps("export", "cwd-teams", "--output", str(out), "--partner", "KE", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    with out.open(newline="") as f:
        assert {line["name"] for line in csv.DictReader(f)} == {"Team 7"}
    again = wps("import", "cwd-teams", str(out), env=cli_env)
    assert json.loads(again.stdout)["unchanged"] == 1, again.stdout


async def test_import_checks_the_project(client: httpx.AsyncClient, keys: Keys) -> None:
    await make_project(client, keys)
    await make_project(client, keys, code="GPOI-GHA-01", program="GPOI", partner="GHA")
    admin = keys.headers("admin")
    refused = await client.post(
        IMPORTS,
        json=[team(project="GPOI-GHA-01"), team(name="T2", project="NOPE-1")],
        headers=admin,
    )
    assert refused.status_code == 422
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [
        (1, "/project"),
        (2, "/project"),
    ]
    done = await client.post(IMPORTS, json=[team(project="CWD-AFG-01")], headers=admin)
    assert done.status_code == 200, done.text
    listed = await client.get(TEAMS, params={"project": "cwd-afg-01"}, headers=admin)
    assert [t["name"] for t in listed.json()["items"]] == ["Team 7"]
