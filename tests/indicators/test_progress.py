"""Progress per fiscal year: direction-aware percent of target, roll-ups, and derived
indicators that follow the trainings, nominations, obligations and UN snapshots."""

from __future__ import annotations

from typing import Any

import httpx

from app.core import figures
from app.indicators import rules
from tests.conftest import Keys
from tests.imet.nominations.helpers import CURRENT_FY, advance, nominate
from tests.indicators.helpers import (
    INDICATORS,
    create,
    post_approved,
    progress,
    put_target,
)
from tests.peacekeeping.helpers import SHARE, SNAPSHOTS, csv_headers, un_csv
from tests.trainings.helpers import TRAININGS, training


async def test_increase_progress_and_statuses(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys)
    await put_target(client, keys, "CWD-TEST-COUNT", 2021, 200)
    await put_target(client, keys, "CWD-TEST-COUNT", 2022, 200)
    await put_target(client, keys, "CWD-TEST-COUNT", 2023, 200)
    await post_approved(client, keys, "CWD-TEST-COUNT", fiscal_year=2021, value=150)
    await post_approved(client, keys, "CWD-TEST-COUNT", fiscal_year=2022, value=200)
    await post_approved(client, keys, "CWD-TEST-COUNT", fiscal_year=2024, value=5)
    rows = await progress(client, keys, "CWD-TEST-COUNT", from_fy=2021, to_fy=2024)
    assert list(rows) == [2021, 2022, 2023, 2024]
    assert {k: rows[2021][k] for k in ("target", "actual", "pct_of_target", "status")} == {
        "target": "200",
        "actual": "150",
        "pct_of_target": 75.0,
        "status": "behind",
    }
    assert (rows[2022]["pct_of_target"], rows[2022]["status"]) == (100.0, "on_track")
    # A target with no result yet is behind; a result with no target has none to meet.
    assert (rows[2023]["actual"], rows[2023]["pct_of_target"], rows[2023]["status"]) == (
        None,
        None,
        "behind",
    )
    assert (rows[2024]["target"], rows[2024]["status"]) == (None, "no_target")
    assert rows[2021]["records"]["results"] == 1


async def test_decrease_progress_measures_from_the_baseline(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await create(client, keys, code="CWD-INCIDENTS", direction="decrease", baseline=100)
    await put_target(client, keys, "CWD-INCIDENTS", 2021, 60)
    await put_target(client, keys, "CWD-INCIDENTS", 2022, 60)
    await put_target(client, keys, "CWD-INCIDENTS", 2023, 60)
    await post_approved(client, keys, "CWD-INCIDENTS", fiscal_year=2021, value=80)
    await post_approved(client, keys, "CWD-INCIDENTS", fiscal_year=2022, value=60)
    await post_approved(client, keys, "CWD-INCIDENTS", fiscal_year=2023, value=50)
    rows = await progress(client, keys, "CWD-INCIDENTS", from_fy=2021, to_fy=2023)
    # (100 - 80) / (100 - 60) = 50 %: half way down; lower is better.
    assert (rows[2021]["pct_of_target"], rows[2021]["status"]) == (50.0, "behind")
    assert (rows[2022]["pct_of_target"], rows[2022]["status"]) == (100.0, "on_track")
    assert (rows[2023]["pct_of_target"], rows[2023]["status"]) == (125.0, "on_track")


def test_percent_of_target_rules() -> None:
    from fractions import Fraction as F

    assert rules.pct_of_target("increase", F(150), F(200), None) == 75
    assert rules.pct_of_target("decrease", F(80), F(60), F(100)) == 50
    assert rules.pct_of_target("decrease", F(120), F(60), F(100)) == -50  # got worse
    assert rules.pct_of_target("increase", F(5), F(0), None) is None
    assert rules.status_of("increase", F(5), F(0), None) == "on_track"
    assert rules.status_of("decrease", F(70), F(60), None) == "behind"
    assert rules.status_of("increase", None, None, None) == "no_target"
    # Shown truncated, so a figure a cent short never reads 100.0.
    short = rules.pct_of_target("increase", F("2999999.99"), F(3000000), None)
    assert figures.progress_pct(short) == 99.9 and rules.status_of(
        "increase", F(1), F(2), short
    ) == ("behind")


async def test_percent_rolls_up_parts_never_averages(client: httpx.AsyncClient, keys: Keys) -> None:
    await create(client, keys, code="CWD-SHARE", measure="percent")
    await put_target(client, keys, "CWD-SHARE", 2022, "25.0")
    await post_approved(
        client, keys, "CWD-SHARE", fiscal_year=2022, numerator=1, denominator=2, partner="KEN"
    )
    await post_approved(
        client, keys, "CWD-SHARE", fiscal_year=2022, numerator=1, denominator=8, partner="GHA"
    )
    rows = await progress(client, keys, "CWD-SHARE", from_fy=2022, to_fy=2022)
    row = rows[2022]
    # 2 / 10 = 20 %, not the average of 50 % and 12.5 % (31.25 %).
    assert (row["actual"], row["numerator"], row["denominator"]) == ("20.0", "2", "10")
    assert (row["target"], row["pct_of_target"], row["status"]) == ("25.0", 80.0, "behind")
    # An overall result, when entered, is the year's figure (partners' rows are its detail).
    await post_approved(client, keys, "CWD-SHARE", fiscal_year=2022, numerator=3, denominator=10)
    rows = await progress(client, keys, "CWD-SHARE", from_fy=2022, to_fy=2022)
    assert (rows[2022]["actual"], rows[2022]["status"]) == ("30.0", "on_track")
    # One partner's progress, with that partner's target.
    await put_target(client, keys, "CWD-SHARE", 2022, "60", partner="KEN")
    kenya = await progress(client, keys, "CWD-SHARE", from_fy=2022, to_fy=2022, partner="KEN")
    assert (kenya[2022]["actual"], kenya[2022]["target"], kenya[2022]["status"]) == (
        "50.0",
        "60.0",
        "behind",
    )
    own = await progress(client, keys, "CWD-SHARE", role="embassy", from_fy=2022, to_fy=2022)
    assert own == kenya
    ghana = await progress(client, keys, "CWD-SHARE", role="embassy_gha", from_fy=2022, to_fy=2022)
    assert (ghana[2022]["actual"], ghana[2022]["target"]) == ("12.5", None)


async def test_progress_parameters(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    url = f"{INDICATORS}/CWD-WOMEN-TEAMS/progress"
    for params in (
        {"from_fy": 2023, "to_fy": 2022},
        {"from_fy": 1990, "to_fy": 2100},
        {"from_fy": "x"},
        {"partner": "QQ"},
    ):
        assert (await client.get(url, params=params, headers=analyst)).status_code == 422, params
    default = await client.get(url, headers=analyst)
    years = [r["fiscal_year"] for r in default.json()["rows"]]
    assert len(years) == 5 and years[-1] == CURRENT_FY
    other = await client.get(url, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert other.status_code == 403
    missing = await client.get(f"{INDICATORS}/NOPE/progress", headers=analyst)
    assert missing.status_code == 404


async def _train(client: httpx.AsyncClient, keys: Keys, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        TRAININGS, json=training(**overrides), headers=keys.headers("integration")
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_derived_women_trained_follow_the_trainings(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = await progress(client, keys, "GPOI-WOMEN-TRAINED", from_fy=2022, to_fy=2023)
    assert (rows[2022]["actual"], rows[2022]["status"]) == ("0", "no_target")
    assert rows[2022]["records"]["metric"] == "women_trained"
    first = await _train(client, keys)  # FY2022: 6 + 3 women
    await _train(
        client,
        keys,
        external_ref="GPOI-FY21-1",
        start_date="2020-11-01",
        end_date="2020-11-05",
        participants=[{"partner": "GHA", "women": 4, "men": 1}],
    )
    await _train(
        client,
        keys,
        external_ref="IMET-FY22-1",
        program="IMET",
        participants=[{"partner": "GHA", "women": 50, "men": 1}],
    )  # another program: not counted
    await put_target(client, keys, "GPOI-WOMEN-TRAINED", 2022, 13)
    rows = await progress(client, keys, "GPOI-WOMEN-TRAINED", from_fy=2022, to_fy=2023)
    # Cumulative: the running total over every year on record (FY2021's 4 included).
    assert (rows[2022]["actual"], rows[2022]["pct_of_target"], rows[2022]["status"]) == (
        "13",
        100.0,
        "on_track",
    )
    assert rows[2023]["actual"] == "13"

    patched = await client.patch(
        f"{TRAININGS}/{first['id']}",
        json={"participants": [{"partner": "GHA", "women": 2, "men": 18}]},
        headers={**keys.headers("admin"), "If-Match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    rows = await progress(client, keys, "GPOI-WOMEN-TRAINED", from_fy=2022, to_fy=2022)
    assert (rows[2022]["actual"], rows[2022]["status"]) == ("6", "behind")
    # An embassy's progress counts its own country's participants only.
    kenya = await progress(
        client, keys, "GPOI-WOMEN-TRAINED", role="embassy", from_fy=2022, to_fy=2022
    )
    assert kenya[2022]["actual"] == "0"

    # NIO students: every participant of GPOI trainings on the nio topic.
    await _train(
        client,
        keys,
        external_ref="GPOI-NIO-1",
        topics=["nio", "sea_prevention"],
        participants=[{"partner": "KEN", "women": 5, "men": 20, "unreported": 2}],
    )
    nio = await progress(client, keys, "GPOI-NIO-STUDENTS", from_fy=2022, to_fy=2022)
    assert nio[2022]["actual"] == "27"


async def test_derived_imet_figures_follow_the_nominations(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = await progress(client, keys, "IMET-WOMEN-TRAINED", from_fy=CURRENT_FY, to_fy=CURRENT_FY)
    assert rows[CURRENT_FY]["actual"] == "0"
    woman = await nominate(client, keys)
    man = await nominate(
        client,
        keys,
        nominee={
            "given_name": "John",
            "family_name": "Doe",
            "sex": "male",
            "rank": "Captain",
            "service": "army",
            "position": "Planner",
        },
    )
    await advance(client, keys, woman["id"], "completed")
    await advance(client, keys, man["id"], "completed")
    rows = await progress(client, keys, "IMET-WOMEN-TRAINED", from_fy=CURRENT_FY, to_fy=CURRENT_FY)
    assert rows[CURRENT_FY]["actual"] == "1"

    await create(
        client,
        keys,
        code="IMET-WOMEN-SHARE",
        program="IMET",
        measure="percent",
        source="derived",
        metric="imet_women_share",
    )
    await put_target(client, keys, "IMET-WOMEN-SHARE", CURRENT_FY, 50)
    share = await progress(client, keys, "IMET-WOMEN-SHARE", from_fy=CURRENT_FY, to_fy=CURRENT_FY)
    row = share[CURRENT_FY]
    assert (row["numerator"], row["denominator"], row["actual"], row["status"]) == (
        "1",
        "2",
        "50.0",
        "on_track",
    )
    await nominate(client, keys)  # a third nomination, a woman's: 2 of 3
    share = await progress(client, keys, "IMET-WOMEN-SHARE", from_fy=CURRENT_FY, to_fy=CURRENT_FY)
    assert (share[CURRENT_FY]["actual"], share[CURRENT_FY]["pct_of_target"]) == ("66.7", 133.3)


async def _obligate(client: httpx.AsyncClient, keys: Keys, amount: Any, **extra: Any) -> Any:
    body = {
        "program": "IMET",
        "fiscal_year": 2022,
        "type": "obligation",
        "amount_usd": amount,
        "purposes": ["women_training"],
        **extra,
    }
    response = await client.post("/api/v1/obligations", json=body, headers=keys.headers("admin"))
    assert response.status_code == 201, response.text
    return response.json()


async def test_imet_women_training_obligations_meet_three_million_exactly(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    first = await _obligate(client, keys, "1000000.00")
    await _obligate(client, keys, "1000000.00", partner="GHA")
    await _obligate(client, keys, "999999.70", purposes=["women_training", "equipment"])
    await _obligate(client, keys, "0.10")
    await _obligate(client, keys, 0.2)
    # None of these count: another program, year, type or purpose.
    await _obligate(client, keys, "5.00", program="GPOI")
    await _obligate(client, keys, "5.00", fiscal_year=2023)
    await _obligate(client, keys, "5.00", type="disbursement")
    await _obligate(client, keys, "5.00", purposes=["equipment"])
    rows = await progress(client, keys, "IMET-WOMEN-OBLIGATED", from_fy=2022, to_fy=2022)
    row = rows[2022]
    assert (row["target"], row["actual"], row["pct_of_target"], row["status"]) == (
        "3000000.00",
        "3000000.00",
        100.0,
        "on_track",
    )
    assert row["records"]["obligations"] == 5
    response = await client.get(
        f"{INDICATORS}/IMET-WOMEN-OBLIGATED/progress",
        params={"from_fy": 2022, "to_fy": 2022},
        headers=keys.headers("analyst"),
    )
    inputs = response.json()["inputs"]
    assert (inputs["metric"], inputs["filters"]["purpose"], inputs["from_fy"]) == (
        "obligations",
        "women_training",
        2022,
    )

    patched = await client.patch(
        f"/api/v1/obligations/{first['id']}",
        json={"amount_usd": "999999.99"},
        headers={**keys.headers("admin"), "If-Match": '"1"'},
    )
    assert patched.status_code == 200
    rows = await progress(client, keys, "IMET-WOMEN-OBLIGATED", from_fy=2022, to_fy=2022)
    row = rows[2022]
    assert (row["actual"], row["pct_of_target"], row["status"]) == (
        "2999999.99",
        99.9,
        "behind",
    )


async def test_peacekeeping_share_from_the_years_snapshot(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for code in ("GHA", "KEN"):
        response = await client.post(
            f"/api/v1/partners/{code}/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
            headers=keys.headers("admin"),
        )
        assert response.status_code == 201
    rows = [
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 40, "30/09/2021"),
        ("Kenya", "KEN", "UNMISS", "Staff Officer", 50, 23, "30/09/2021"),
        ("India", "IND", "UNMISS", "Troops", 500, 37, "30/09/2021"),
        ("India", "IND", "UNMISS", "Individual Police", 5, 90, "30/09/2021"),  # not military
    ]
    upload = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert upload.status_code == 201, upload.text
    await put_target(client, keys, "GPOI-PK-WOMEN-SHARE", 2021, "60.0")
    found = await progress(client, keys, "GPOI-PK-WOMEN-SHARE", from_fy=2021, to_fy=2022)
    row = found[2021]
    assert (row["numerator"], row["denominator"], row["actual"], row["status"]) == (
        "63",
        "100",
        "63.0",
        "on_track",
    )
    assert row["records"]["snapshot"]["checksum"] == upload.json()["checksum"]
    # FY2022 has no snapshot of its own: no figure rather than last year's.
    assert found[2022]["actual"] is None
    embassy = await progress(
        client, keys, "GPOI-PK-WOMEN-SHARE", role="embassy", from_fy=2021, to_fy=2021
    )
    assert embassy[2021]["actual"] is None


async def test_peacekeeping_share_reads_one_month_of_a_multi_month_file(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    response = await client.post(
        "/api/v1/partners/GHA/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 201
    rows = [  # the UN's many-months file: each fiscal year reads its last month only
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 10, "30-Sep-20"),
        ("India", "IND", "UNMISS", "Troops", 500, 30, "30-Sep-20"),
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 25, "31-Aug-21"),
        ("India", "IND", "UNMISS", "Troops", 500, 25, "31-Aug-21"),
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 30, "30-Sep-21"),
        ("India", "IND", "UNMISS", "Troops", 500, 10, "30-Sep-21"),
        ("#N/A", "#N/A", "UNMISS", "Troops", 9, 9, "30-Sep-21"),
    ]
    upload = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert upload.status_code == 201, upload.text
    september_2021 = upload.json()["snapshots"][2]
    found = await progress(client, keys, "GPOI-PK-WOMEN-SHARE", from_fy=2020, to_fy=2021)
    assert (found[2020]["numerator"], found[2020]["denominator"]) == ("10", "40")
    assert (found[2021]["numerator"], found[2021]["denominator"]) == ("30", "40")
    assert found[2021]["records"]["snapshot"]["id"] == september_2021["id"]


async def test_progress_and_the_share_report_state_one_percentage(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """Progress writes a percent as the peacekeeping-share report does (one decimal, half-up)
    and head counts without decimals."""
    response = await client.post(
        "/api/v1/partners/GHA/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01"},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 201
    rows = [  # 122 of 262 military women are from Ghana: 46.564... %
        ("Ghana", "GHA", "UNIFIL", "Troops", 300, 122, "30/09/2021"),
        ("India", "IND", "UNMISS", "Troops", 500, 140, "30/09/2021"),
    ]
    upload = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert upload.status_code == 201, upload.text
    report = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "2021-10-01"}, headers=keys.headers("analyst")
    )
    assert report.json()["women_share_pct"] == 46.6
    found = await progress(client, keys, "GPOI-PK-WOMEN-SHARE", from_fy=2021, to_fy=2021)
    row = found[2021]
    assert (row["numerator"], row["denominator"], row["actual"]) == ("122", "262", "46.6")
    assert float(row["actual"]) == report.json()["women_share_pct"]


async def test_a_cumulative_indicator_names_the_year_its_running_total_starts(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    url = f"{INDICATORS}/GPOI-WOMEN-TRAINED/progress"
    window = {"from_fy": 2022, "to_fy": 2023}
    empty = await client.get(url, params=window, headers=keys.headers("analyst"))
    assert empty.json()["cumulative_from_fy"] is None
    await _train(client, keys)  # FY2022
    await _train(
        client,
        keys,
        external_ref="GPOI-FY19-1",
        start_date="2018-11-01",
        end_date="2018-11-05",
        participants=[{"partner": "GHA", "women": 4, "men": 1}],
    )
    answer = await client.get(url, params=window, headers=keys.headers("analyst"))
    # FY2019 lies before the window, yet the running totals count from it.
    assert answer.json()["cumulative_from_fy"] == 2019
    assert answer.json()["rows"][0]["actual"] == "13"
    own = await client.get(url, params=window, headers=keys.headers("embassy"))
    assert own.json()["cumulative_from_fy"] == 2022  # Kenya's first year on record
    per_year = await client.get(
        f"{INDICATORS}/IMET-WOMEN-TRAINED/progress", params=window, headers=keys.headers("analyst")
    )
    assert per_year.json()["cumulative_from_fy"] is None
