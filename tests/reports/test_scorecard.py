"""The WPS scorecard: per outcome, each indicator's standing for a fiscal year, and its sources."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.indicators.helpers import INDICATORS, create, post_approved, progress, put_target

SCORECARD = "/api/v1/reports/scorecard"


async def test_scorecard_shape_and_sources(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    obligation = await client.post(
        "/api/v1/obligations",
        json={
            "program": "IMET",
            "fiscal_year": 2022,
            "amount_usd": "3000000.00",
            "purposes": ["women_training"],
        },
        headers=admin,
    )
    assert obligation.status_code == 201
    await put_target(client, keys, "CWD-WOMEN-TEAMS", 2022, 50)
    kenya = await post_approved(
        client, keys, "CWD-WOMEN-TEAMS", fiscal_year=2022, value=30, partner="KEN"
    )
    ghana = await post_approved(
        client, keys, "CWD-WOMEN-TEAMS", fiscal_year=2022, value=10, partner="GHA"
    )
    await client.put(f"{INDICATORS}/CWD-WOMEN-TEAMS/locks/2022", headers=admin)

    response = await client.get(
        SCORECARD, params={"fiscal_year": 2022}, headers=keys.headers("analyst")
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["filters"] == {
        "fiscal_year": 2022,
        "outcome": None,
        "program": None,
        "partner": None,
    }
    assert "pct_of_target" in report["method"] and "never averaged" in report["method"]
    assert [o["number"] for o in report["outcomes"]] == [1, 2, 3, 4]
    assert all(o["text"] and o["title"] for o in report["outcomes"])
    codes = {o["number"]: [i["code"] for i in o["indicators"]] for o in report["outcomes"]}
    assert codes == {
        1: [
            "GPOI-FACILITY-UPGRADES",
            "GPOI-PK-WOMEN-SHARE",
            "GPOI-WOMEN-BEDS",
            "GPOI-WOMEN-TRAINED",
            "IMET-WOMEN-TRAINED",
        ],
        2: ["GPOI-NIO-STUDENTS"],
        3: [
            "CWD-ALL-WOMEN-TEAMS",
            "CWD-MIXED-TEAMS",
            "CWD-WOMEN-LEADERS",
            "CWD-WOMEN-PERSONNEL",
            "CWD-WOMEN-TEAMS",
            "IMET-WOMEN-OBLIGATED",
        ],
        4: ["GDRP-POLICY-MILESTONES", "GDRP-WOMEN-COUNTERPARTS"],
    }
    third = {i["code"]: i for i in report["outcomes"][2]["indicators"]}
    money = third["IMET-WOMEN-OBLIGATED"]
    assert {k: money[k] for k in ("target", "actual", "pct_of_target", "status")} == {
        "target": "3000000.00",
        "actual": "3000000.00",
        "pct_of_target": 100.0,
        "status": "on_track",
    }
    assert money["records"]["metric"] == "obligations"
    assert money["records"]["filters"] == {
        "program": "IMET",
        "purpose": "women_training",
        "type": "obligation",
    }
    assert money["records"]["obligations"] == 1
    teams = third["CWD-WOMEN-TEAMS"]
    assert (teams["actual"], teams["pct_of_target"], teams["status"], teams["locked"]) == (
        "40",
        80.0,
        "behind",
        True,
    )
    assert teams["records"] == {
        "results": 2,
        "result_ids": sorted([kenya.json()["id"], ghana.json()["id"]]),
    }
    first = {i["code"]: i for i in report["outcomes"][0]["indicators"]}
    assert (first["GPOI-WOMEN-TRAINED"]["actual"], first["GPOI-WOMEN-TRAINED"]["status"]) == (
        "0",
        "no_target",
    )
    # A running total reads every year on record up to the scorecard's.
    gpoi_records = first["GPOI-WOMEN-TRAINED"]["records"]
    assert (gpoi_records["from_fy"], gpoi_records["to_fy"]) == (None, 2022)

    # An embassy's scorecard is its own country's.
    own = (
        await client.get(SCORECARD, params={"fiscal_year": 2022}, headers=keys.headers("embassy"))
    ).json()
    assert own["filters"]["partner"] == "KEN"
    own_teams = {i["code"]: i for i in own["outcomes"][2]["indicators"]}["CWD-WOMEN-TEAMS"]
    assert (own_teams["actual"], own_teams["target"], own_teams["status"]) == (
        "30",
        None,
        "no_target",
    )
    assert {i["code"]: i for i in own["outcomes"][2]["indicators"]}["IMET-WOMEN-OBLIGATED"][
        "actual"
    ] == "0.00"  # the obligation is not tied to Kenya

    narrowed = (
        await client.get(
            SCORECARD,
            params={"fiscal_year": 2022, "outcome": 3, "program": "cwd"},
            headers=keys.headers("analyst"),
        )
    ).json()
    assert [o["number"] for o in narrowed["outcomes"]] == [3]
    assert [i["code"] for i in narrowed["outcomes"][0]["indicators"]] == [
        "CWD-ALL-WOMEN-TEAMS",
        "CWD-MIXED-TEAMS",
        "CWD-WOMEN-LEADERS",
        "CWD-WOMEN-PERSONNEL",
        "CWD-WOMEN-TEAMS",
    ]

    as_csv = await client.get(
        SCORECARD,
        params={"fiscal_year": 2022},
        headers=keys.headers("analyst", Accept="text/csv"),
    )
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(lines) == sum(len(found) for found in codes.values())
    line = next(row for row in lines if row["code"] == "IMET-WOMEN-OBLIGATED")
    assert (line["fiscal_year"], line["outcome"], line["actual"], line["status"]) == (
        "2022",
        "3",
        "3000000.00",
        "on_track",
    )
    # Nested records are named columns, never a JSON blob.
    assert "records" not in line
    assert line["records.metric"] == "obligations"
    assert line["records.filters.purpose"] == "women_training"
    assert line["records.obligations"] == "1"
    assert line["locked"] == "false"
    teams_line = next(row for row in lines if row["code"] == "CWD-WOMEN-TEAMS")
    assert teams_line["locked"] == "true"
    assert teams_line["records.result_ids"] == ";".join(
        str(i) for i in sorted([kenya.json()["id"], ghana.json()["id"]])
    )
    assert teams_line["records.metric"] == ""


async def test_scorecard_parameters(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    for params in ({"fiscal_year": 1800}, {"outcome": 5}, {"program": "NOPE"}, {"partner": "QQ"}):
        response = await client.get(SCORECARD, params=params, headers=analyst)
        assert response.status_code == 422, params
    other = await client.get(SCORECARD, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert other.status_code == 403
    default = await client.get(SCORECARD, headers=analyst)
    assert default.status_code == 200 and default.json()["filters"]["fiscal_year"] >= 2026


async def test_scorecard_rounds_pct_of_target_as_reports_do(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    # 29,999 of 30,000 is 99.9967 % of target: a progress row truncates it (never 100.0 short
    # of the target); the scorecard states it half-up, as every report rounds percentages.
    await create(client, keys, code="CWD-TEST-ROUNDING", outcome=4)
    await put_target(client, keys, "CWD-TEST-ROUNDING", 2022, 30000)
    await post_approved(client, keys, "CWD-TEST-ROUNDING", fiscal_year=2022, value=29999)
    rows = await progress(client, keys, "CWD-TEST-ROUNDING", from_fy=2022, to_fy=2022)
    assert (rows[2022]["pct_of_target"], rows[2022]["status"]) == (99.9, "behind")
    response = await client.get(
        SCORECARD, params={"fiscal_year": 2022, "outcome": 4}, headers=keys.headers("analyst")
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert "rounded half-up to one decimal" in report["method"]
    # outcome 4 also holds the seeded GDRP indicators
    (item,) = [i for i in report["outcomes"][0]["indicators"] if i["code"] == "CWD-TEST-ROUNDING"]
    assert (item["code"], item["pct_of_target"], item["status"]) == (
        "CWD-TEST-ROUNDING",
        100.0,
        "behind",
    )
