"""The facility-upgrades report (completed upgrades only, grouped in SQL) and the derived
indicators that read the same records, under their outcome on the scorecard."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.facilities.helpers import add_center, add_upgrade
from tests.indicators.helpers import put_target

REPORT = "/api/v1/reports/facility-upgrades"


async def _portfolio(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    await add_center(client, keys, code="KEN-IPSTC", partner="KEN", name="IPSTC")
    done = {"status": "completed"}
    await add_upgrade(client, keys, **done, completed_on="2021-10-01", cost_usd="100000.10")
    await add_upgrade(
        client,
        keys,
        **done,
        completed_on="2022-09-30",
        training_center="KEN-IPSTC",
        features=["showers", "lactation_room"],
        women_beds_added=6,
        cost_usd="0.20",
    )
    await add_upgrade(client, keys, **done, completed_on="2022-10-01", cost_usd=None)
    await add_upgrade(client, keys)  # planned: not counted
    await add_upgrade(client, keys, program="IMET", **done, completed_on="2022-01-01")


async def test_grouped_by_fiscal_year_and_partner(client: httpx.AsyncClient, keys: Keys) -> None:
    await _portfolio(client, keys)
    response = await client.get(
        REPORT,
        params={"group_by": "fiscal_year,partner", "program": "gpoi"},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["rows"] == [
        {"fiscal_year": 2022, "partner": "GHA", "completed": 1, "women_beds_added": 24,
         "cost_usd": "100000.10"},
        {"fiscal_year": 2022, "partner": "KEN", "completed": 1, "women_beds_added": 6,
         "cost_usd": "0.20"},
        {"fiscal_year": 2023, "partner": "GHA", "completed": 1, "women_beds_added": 24,
         "cost_usd": "0.00"},
    ]  # fmt: skip
    assert report["totals"] == {"completed": 3, "women_beds_added": 54, "cost_usd": "100000.30"}
    assert report["filters"]["program"] == "GPOI"
    assert "completed_on" in report["method"] and "cancelled" in report["method"]


async def test_grouped_by_feature_counts_each_feature_and_totals_once(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _portfolio(client, keys)
    response = await client.get(
        REPORT,
        params={"group_by": "feature", "program": "GPOI", "from_fy": 2022, "to_fy": 2022},
        headers=keys.headers("admin"),
    )
    rows = {r["feature"]: r["completed"] for r in response.json()["rows"]}
    assert rows == {"accommodation": 1, "bathrooms": 1, "lactation_room": 1, "showers": 2}
    assert response.json()["totals"]["completed"] == 2
    as_csv = await client.get(
        REPORT, params={"group_by": "feature", "format": "csv"}, headers=keys.headers("admin")
    )
    header = next(csv.reader(io.StringIO(as_csv.text)))
    assert header == ["feature", "completed", "women_beds_added", "cost_usd"]
    bad = await client.get(REPORT, params={"group_by": "region"}, headers=keys.headers("admin"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["parameter"] == "group_by"
    backwards = await client.get(
        REPORT, params={"from_fy": 2023, "to_fy": 2022}, headers=keys.headers("admin")
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["parameter"] == "to_fy"


async def test_embassy_sees_only_its_own_figures(client: httpx.AsyncClient, keys: Keys) -> None:
    await _portfolio(client, keys)
    embassy = keys.headers("embassy")  # KEN
    mine = await client.get(REPORT, params={"group_by": "partner"}, headers=embassy)
    assert [r["partner"] for r in mine.json()["rows"]] == ["KEN"]
    other = await client.get(REPORT, params={"partner": "GHA"}, headers=embassy)
    assert other.status_code == 403


async def test_derived_indicators_on_the_scorecard(client: httpx.AsyncClient, keys: Keys) -> None:
    await _portfolio(client, keys)
    await put_target(client, keys, "GPOI-WOMEN-BEDS", 2022, 40)
    response = await client.get(
        "/api/v1/reports/scorecard",
        params={"fiscal_year": 2022, "outcome": 1},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    (outcome,) = response.json()["outcomes"]
    found = {i["code"]: i for i in outcome["indicators"]}
    assert found["GPOI-FACILITY-UPGRADES"]["actual"] == "2"
    beds = found["GPOI-WOMEN-BEDS"]
    assert (beds["actual"], beds["target"], beds["status"]) == ("30", "40", "behind")
