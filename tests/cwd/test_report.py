"""The cwd-teams report and the CWD indicator metrics: teams active on a date, each counted
from its latest roster on or before it, summed in SQL; the scorecard shows the derived CWD
indicators under outcome 3."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from tests.conftest import Keys
from tests.cwd.helpers import REPORT, make_team, members, roster
from tests.indicators.helpers import progress, put_target

SCORECARD = "/api/v1/reports/scorecard"


async def portfolio(client: httpx.AsyncClient, keys: Keys) -> dict[str, int]:
    """A: KEN clearance, all women (9, 1 leader) from 2021-06-30, mixed (6 women, 4 men, 2
    leaders) from 2022-06-30. B: GHA eore, all women (5, a senior manager) from 2021-05-01.
    C: KEN survey, 2022-01-01..2022-08-31, all men (3). D: KEN pssm from 2022-02-01, no roster.
    """
    a = await make_team(client, keys, name="A")
    await roster(client, keys, a["id"], "2021-06-30", members(women=9, leaders=1))
    await roster(client, keys, a["id"], "2022-06-30", members(women=6, men=4, leaders=2))
    b = await make_team(
        client, keys, name="B", partner="GHA", activity="eore", formed_on="2021-01-01"
    )
    await roster(
        client,
        keys,
        b["id"],
        "2021-05-01",
        [{"role": "senior_manager", "women": 1}, {"role": "eore_facilitator", "women": 4}],
    )
    c = await make_team(
        client, keys, name="C", activity="survey", formed_on="2022-01-01", disbanded_on="2022-08-31"
    )
    await roster(client, keys, c["id"], "2022-01-15", members(men=3))
    d = await make_team(client, keys, name="D", activity="pssm", formed_on="2022-02-01")
    return {"A": a["id"], "B": b["id"], "C": c["id"], "D": d["id"]}


def figures(teams: int, countries: int, women: int, men: int, leaders: int) -> dict[str, int]:
    return {
        "teams": teams,
        "countries": countries,
        "women": women,
        "men": men,
        "unreported": 0,
        "people": women + men,
        "women_in_leadership": leaders,
    }


async def report(
    client: httpx.AsyncClient, keys: Keys, role: str = "analyst", **params: Any
) -> dict[str, Any]:
    response = await client.get(REPORT, params=params, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_report_by_composition_before_between_and_after_rosters(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await portfolio(client, keys)
    empty = await report(client, keys, as_of="2020-12-31")
    assert empty["rows"] == [] and empty["totals"] == figures(0, 0, 0, 0, 0)

    spring = await report(client, keys, as_of="2022-03-31", group_by="composition")
    assert spring["filters"] == {
        "as_of": "2022-03-31",
        "program": None,
        "partner": None,
        "activity": None,
    }
    assert spring["group_by"] == ["composition"]
    assert "latest roster on or before as_of" in spring["method"]
    assert spring["rows"] == [
        {"composition": "all_men", **figures(1, 1, 0, 3, 0)},
        {"composition": "all_women", **figures(2, 2, 14, 0, 2)},
        {"composition": "unknown", **figures(1, 1, 0, 0, 0)},
    ]
    assert spring["totals"] == figures(4, 2, 14, 3, 2)

    # After A's second roster and C's disbanding.
    autumn = await report(client, keys, as_of="2022-09-30", group_by="partner,composition")
    assert autumn["rows"] == [
        {"partner": "GHA", "composition": "all_women", **figures(1, 1, 5, 0, 1)},
        {"partner": "KEN", "composition": "mixed", **figures(1, 1, 6, 4, 2)},
        {"partner": "KEN", "composition": "unknown", **figures(1, 1, 0, 0, 0)},
    ]
    assert autumn["totals"] == figures(3, 2, 11, 4, 3)

    by_activity = await report(
        client, keys, as_of="2022-09-30", group_by="activity", activity="clearance", program="cwd"
    )
    assert by_activity["rows"] == [{"activity": "clearance", **figures(1, 1, 6, 4, 2)}]
    assert by_activity["filters"]["program"] == "CWD"
    by_program = await report(client, keys, as_of="2022-09-30", group_by="program")
    assert by_program["rows"] == [{"program": "CWD", **figures(3, 2, 11, 4, 3)}]

    as_csv = await client.get(
        REPORT,
        params={"as_of": "2022-09-30", "group_by": "composition", "format": "csv"},
        headers=keys.headers("analyst"),
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(as_csv.text)))
    assert lines[0] == [
        "composition",
        "teams",
        "countries",
        "women",
        "men",
        "unreported",
        "people",
        "women_in_leadership",
    ]
    assert lines[1:] == [
        ["all_women", "1", "1", "5", "0", "0", "5", "1"],
        ["mixed", "1", "1", "6", "4", "0", "10", "2"],
        ["unknown", "1", "1", "0", "0", "0", "0", "0"],
    ]


async def test_report_refuses_bad_groups_and_scopes_embassies(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await portfolio(client, keys)
    for group_by in ("sex", "partner,partner", "partner,activity,program", ""):
        bad = await client.get(
            REPORT, params={"group_by": group_by}, headers=keys.headers("analyst")
        )
        assert bad.status_code == 422, group_by
        assert bad.json()["errors"][0]["parameter"] == "group_by"
    own = await report(client, keys, "embassy", as_of="2022-09-30", group_by="partner")
    assert own["filters"]["partner"] == "KEN"
    assert own["rows"] == [{"partner": "KEN", **figures(2, 1, 6, 4, 2)}]
    other = await client.get(REPORT, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert other.status_code == 403


async def test_metrics_as_of_each_fiscal_year_end_and_the_scorecard(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await portfolio(client, keys)
    expected = {
        "CWD-ALL-WOMEN-TEAMS": {2021: "2", 2022: "1", 2023: "1"},
        "CWD-MIXED-TEAMS": {2021: "0", 2022: "1", 2023: "1"},
        "CWD-WOMEN-PERSONNEL": {2021: "14", 2022: "11", 2023: "11"},
        "CWD-WOMEN-LEADERS": {2021: "2", 2022: "3", 2023: "3"},
    }
    for code, by_year in expected.items():
        rows = await progress(client, keys, code, from_fy=2021, to_fy=2023)
        assert {year: row["actual"] for year, row in rows.items()} == by_year, code
    await put_target(client, keys, "CWD-WOMEN-LEADERS", 2022, 3)
    card = await client.get(
        SCORECARD, params={"fiscal_year": 2022}, headers=keys.headers("analyst")
    )
    assert card.status_code == 200, card.text
    third = {i["code"]: i for i in card.json()["outcomes"][2]["indicators"]}
    assert {code: third[code]["actual"] for code in expected} == {
        "CWD-ALL-WOMEN-TEAMS": "1",
        "CWD-MIXED-TEAMS": "1",
        "CWD-WOMEN-PERSONNEL": "11",
        "CWD-WOMEN-LEADERS": "3",
    }
    leaders = third["CWD-WOMEN-LEADERS"]
    assert (leaders["target"], leaders["pct_of_target"], leaders["status"]) == (
        "3",
        100.0,
        "on_track",
    )
    assert leaders["records"]["metric"] == "cwd_women_in_leadership"
    assert leaders["records"]["as_of"] == "2022-09-30"
    # An embassy's scorecard counts its own country's teams only.
    own = await client.get(SCORECARD, params={"fiscal_year": 2022}, headers=keys.headers("embassy"))
    mine = {i["code"]: i for i in own.json()["outcomes"][2]["indicators"]}
    assert {code: mine[code]["actual"] for code in expected} == {
        "CWD-ALL-WOMEN-TEAMS": "0",
        "CWD-MIXED-TEAMS": "1",
        "CWD-WOMEN-PERSONNEL": "6",
        "CWD-WOMEN-LEADERS": "2",
    }


async def test_an_indicator_may_narrow_a_cwd_metric_by_activity(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await portfolio(client, keys)
    made = await client.post(
        "/api/v1/indicators",
        json={
            "code": "CWD-EORE-WOMEN",
            "name": "Women on risk education teams",
            "outcome": 3,
            "program": "CWD",
            "measure": "count",
            "direction": "increase",
            "aggregation": "latest",
            "source": "derived",
            "metric": "cwd_women_personnel",
            "metric_filters": {"program": "CWD", "activity": "eore"},
        },
        headers=keys.headers("admin"),
    )
    assert made.status_code == 201, made.text
    rows = await progress(client, keys, "CWD-EORE-WOMEN", from_fy=2022, to_fy=2022)
    assert rows[2022]["actual"] == "5"
    refused = await client.post(
        "/api/v1/indicators",
        json={
            "code": "GPOI-X",
            "name": "x",
            "outcome": 1,
            "measure": "count",
            "direction": "increase",
            "aggregation": "latest",
            "source": "derived",
            "metric": "women_trained",
            "metric_filters": {"activity": "eore"},
        },
        headers=keys.headers("admin"),
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["pointer"] == "/metric_filters/activity"
