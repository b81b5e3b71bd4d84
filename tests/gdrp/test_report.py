"""The policy-milestones report, and the GDRP derived indicators under outcome 4."""

from __future__ import annotations

import httpx

from tests.conftest import Keys
from tests.gdrp.helpers import ENGAGEMENTS, MILESTONES, add, engagement, milestone

REPORT = "/api/v1/reports/policy-milestones"


async def _milestones(client: httpx.AsyncClient, keys: Keys) -> None:
    for partner, kind, adopted in (
        ("UKR", "national_action_plan", "2021-10-01"),
        ("UKR", "gender_policy", "2022-09-30"),
        ("UKR", "recruitment_target", "2022-10-01"),
        ("KEN", "gender_policy", "2022-03-01"),
    ):
        await add(
            client, keys, MILESTONES, milestone(partner=partner, kind=kind, adopted_on=adopted)
        )
    await add(client, keys, MILESTONES, milestone(program="GPOI", adopted_on="2022-01-01"))


async def test_grouped_by_fiscal_year_and_kind(client: httpx.AsyncClient, keys: Keys) -> None:
    await _milestones(client, keys)
    response = await client.get(
        REPORT,
        params={"group_by": "fiscal_year,kind", "program": "GDRP"},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["rows"] == [
        {"fiscal_year": 2022, "kind": "gender_policy", "milestones": 2},
        {"fiscal_year": 2022, "kind": "national_action_plan", "milestones": 1},
        {"fiscal_year": 2023, "kind": "recruitment_target", "milestones": 1},
    ]
    assert report["totals"] == {"milestones": 4}
    assert "adopted_on" in report["method"]
    by_partner = await client.get(
        REPORT,
        params={"group_by": "partner", "kind": "gender_policy", "fiscal_year": 2022},
        headers=keys.headers("admin"),
    )
    assert by_partner.json()["rows"] == [
        {"partner": "KEN", "milestones": 1},
        {"partner": "UKR", "milestones": 1},
    ]
    embassy = await client.get(
        REPORT, params={"group_by": "partner"}, headers=keys.headers("embassy")
    )
    assert embassy.json()["rows"] == [{"partner": "KEN", "milestones": 1}]
    as_csv = await client.get(REPORT, params={"format": "csv"}, headers=keys.headers("admin"))
    assert as_csv.text.splitlines()[:2] == ["fiscal_year,milestones", "2022,4"]
    backwards = await client.get(
        REPORT, params={"from_fy": 2023, "to_fy": 2022}, headers=keys.headers("admin")
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["parameter"] == "to_fy"


async def test_gdrp_indicators_under_outcome_four(client: httpx.AsyncClient, keys: Keys) -> None:
    await _milestones(client, keys)
    await add(client, keys, ENGAGEMENTS, engagement())  # FY2022, 4 women
    await add(client, keys, ENGAGEMENTS, engagement(partner="KEN", counterparts={"women": 2}))
    await add(client, keys, ENGAGEMENTS, engagement(start_date="2020-01-01", end_date=None))
    response = await client.get(
        "/api/v1/reports/scorecard",
        params={"fiscal_year": 2022, "outcome": 4},
        headers=keys.headers("analyst"),
    )
    (outcome,) = response.json()["outcomes"]
    found = {i["code"]: i["actual"] for i in outcome["indicators"]}
    assert found == {"GDRP-POLICY-MILESTONES": "3", "GDRP-WOMEN-COUNTERPARTS": "6"}
    kenya = await client.get(
        "/api/v1/reports/scorecard",
        params={"fiscal_year": 2022, "outcome": 4},
        headers=keys.headers("embassy"),
    )
    (outcome,) = kenya.json()["outcomes"]
    assert {i["code"]: i["actual"] for i in outcome["indicators"]} == {
        "GDRP-POLICY-MILESTONES": "1",
        "GDRP-WOMEN-COUNTERPARTS": "2",
    }
