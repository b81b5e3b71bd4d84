"""IMET reports: parity of nominations against host-force benchmarks, and completions."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys
from tests.imet.nominations.helpers import CURRENT_FY, advance, body, move, nominate

PARITY = "/api/v1/reports/imet-parity"
COMPLETIONS = "/api/v1/reports/imet-completions"


async def benchmark(
    client: httpx.AsyncClient, keys: Keys, partner: str, pct: float, year: int = CURRENT_FY
) -> None:
    response = await client.put(
        f"/api/v1/partners/{partner}/benchmarks/{year}",
        json={"military_women_share_pct": pct, "source": "host-force personnel data"},
        headers=keys.headers("admin"),
    )
    assert response.status_code in (200, 201), response.text


def nominee(sex: str) -> dict[str, Any]:
    return {**body()["nominee"], "sex": sex}


async def nominees(
    client: httpx.AsyncClient, keys: Keys, partner: str, sex: str, count: int, **extra: Any
) -> list[int]:
    return [
        (
            await nominate(
                client, keys, role="admin", partner=partner, nominee=nominee(sex), **extra
            )
        )["id"]
        for _ in range(count)
    ]


async def parity(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get(PARITY, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_ten_men_against_a_seven_percent_benchmark(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await benchmark(client, keys, "KEN", 7.0)
    await nominees(client, keys, "KEN", "male", 10)
    report = await parity(client, keys.headers("analyst"), fiscal_year=CURRENT_FY)
    assert report["rows"] == [
        {
            "partner": "KEN",
            "nominations": 10,
            "women": 0,
            "women_share_pct": 0.0,
            "benchmark_pct": 7.0,
            "gap_points": -7.0,
            "meets_benchmark": False,
        }
    ]
    assert report["filters"] == {"fiscal_year": CURRENT_FY, "partner": None}
    assert "withdrawn and rejected" in report["method"]
    assert report["totals"] == {"nominations": 10, "women": 0, "women_share_pct": 0.0}


async def test_withdrawn_rejected_and_other_years_do_not_count(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await benchmark(client, keys, "KEN", 7.0)
    await benchmark(client, keys, "GHA", 10.0)  # a benchmark but no nominations
    await nominees(client, keys, "KEN", "female", 3)
    await nominees(client, keys, "KEN", "male", 1)
    (withdrawn,) = await nominees(client, keys, "KEN", "female", 1)
    (rejected,) = await nominees(client, keys, "KEN", "male", 1)
    assert (await move(client, keys, withdrawn, "withdrawn", role="embassy")).status_code == 200
    assert (await move(client, keys, rejected, "rejected")).status_code == 200
    await nominees(client, keys, "KEN", "female", 2, fiscal_year=CURRENT_FY + 1)

    report = await parity(client, keys.headers("admin"))
    assert report["filters"]["fiscal_year"] == CURRENT_FY  # the default
    assert report["rows"] == [
        {
            "partner": "GHA",
            "nominations": 0,
            "women": 0,
            "women_share_pct": None,
            "benchmark_pct": 10.0,
            "gap_points": None,
            "meets_benchmark": None,
        },
        {
            "partner": "KEN",
            "nominations": 4,
            "women": 3,
            "women_share_pct": 75.0,
            "benchmark_pct": 7.0,
            "gap_points": 68.0,
            "meets_benchmark": True,
        },
    ]
    assert report["totals"] == {"nominations": 4, "women": 3, "women_share_pct": 75.0}
    next_year = await parity(client, keys.headers("admin"), fiscal_year=CURRENT_FY + 1)
    assert next_year["rows"] == [
        {
            "partner": "KEN",
            "nominations": 2,
            "women": 2,
            "women_share_pct": 100.0,
            "benchmark_pct": None,
            "gap_points": None,
            "meets_benchmark": None,
        }
    ]


async def test_shares_are_exact_until_rounded_once(client: httpx.AsyncClient, keys: Keys) -> None:
    # KEN: 1 woman of 3 = 33.333..% against 33.33: just above, though 33.3 would be below.
    await benchmark(client, keys, "KEN", 33.33)
    await nominees(client, keys, "KEN", "female", 1)
    await nominees(client, keys, "KEN", "male", 2)
    # GHA: 2 of 3 = 66.666..% rounds half-up to 66.7; 1 of 10 = exactly the 10% benchmark.
    await benchmark(client, keys, "GHA", 66.67)
    await nominees(client, keys, "GHA", "female", 2)
    await nominees(client, keys, "GHA", "male", 1)
    await benchmark(client, keys, "NGA", 10.0)
    await nominees(client, keys, "NGA", "female", 1)
    await nominees(client, keys, "NGA", "male", 9)
    response = await client.get(PARITY, headers=keys.headers("analyst"))
    assert "-0.0" not in response.text  # a tiny negative gap rounds to 0.0, not -0.0
    rows = {r["partner"]: r for r in response.json()["rows"]}
    assert (rows["KEN"]["women_share_pct"], rows["KEN"]["gap_points"]) == (33.3, 0.0)
    assert rows["KEN"]["meets_benchmark"] is True
    assert (rows["GHA"]["women_share_pct"], rows["GHA"]["gap_points"]) == (66.7, 0.0)
    assert rows["GHA"]["meets_benchmark"] is False
    assert (rows["NGA"]["women_share_pct"], rows["NGA"]["gap_points"]) == (10.0, 0.0)
    assert rows["NGA"]["meets_benchmark"] is True
    totals = (await parity(client, keys.headers("analyst")))["totals"]
    # 4 women of 16 nominations: computed from the sums, not an average of the shares.
    assert totals == {"nominations": 16, "women": 4, "women_share_pct": 25.0}


async def test_who_sees_which_rows(client: httpx.AsyncClient, keys: Keys) -> None:
    await benchmark(client, keys, "KEN", 7.0)
    await benchmark(client, keys, "GHA", 5.0)
    await nominees(client, keys, "KEN", "female", 1)
    await nominees(client, keys, "GHA", "male", 2)
    for role in ("admin", "analyst", "integration"):
        report = await parity(client, keys.headers(role))
        assert [r["partner"] for r in report["rows"]] == ["GHA", "KEN"], role
        assert "nominee" not in str(report["rows"])
    only_ghana = await parity(client, keys.headers("analyst"), partner="gh")
    assert [r["partner"] for r in only_ghana["rows"]] == ["GHA"]
    assert only_ghana["filters"]["partner"] == "GHA"
    kenya = await parity(client, keys.headers("embassy"))
    assert [r["partner"] for r in kenya["rows"]] == ["KEN"]
    assert kenya["filters"]["partner"] == "KEN"
    assert (await parity(client, keys.headers("embassy"), partner="KEN"))["rows"] == kenya["rows"]
    refused = await client.get(PARITY, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert refused.status_code == 403
    for bad in ({"fiscal_year": 1800}, {"partner": "ZZZ"}, {"partner": "K3N"}):
        response = await client.get(PARITY, params=bad, headers=keys.headers("analyst"))
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["parameter"] == next(iter(bad))
    assert (await client.get(PARITY)).status_code == 401


async def completions(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get(COMPLETIONS, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_completions_count_women_and_men_who_completed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    last_year = CURRENT_FY - 1
    done: list[int] = []
    done += await nominees(client, keys, "KEN", "female", 2, fiscal_year=last_year)
    done += await nominees(client, keys, "KEN", "male", 1, fiscal_year=last_year)
    done += await nominees(client, keys, "KEN", "female", 1)
    done += await nominees(client, keys, "GHA", "male", 1)
    (training,) = await nominees(client, keys, "KEN", "female", 1)
    await nominees(client, keys, "GHA", "female", 1)  # still submitted
    for nomination_id in done:
        await advance(client, keys, nomination_id, "completed")
    await advance(client, keys, training, "in_training")

    analyst = keys.headers("analyst")
    by_year = await completions(client, analyst)
    assert by_year["rows"] == [
        {"fiscal_year": last_year, "women": 2, "men": 1, "total": 3},
        {"fiscal_year": CURRENT_FY, "women": 1, "men": 1, "total": 2},
    ]
    assert by_year["totals"] == {"women": 3, "men": 2, "total": 5, "women_share_pct": 60.0}
    assert by_year["filters"] == {
        "from_fy": None,
        "to_fy": None,
        "partner": None,
        "group_by": "fiscal_year",
    }
    assert "completed" in by_year["method"]

    by_partner = await completions(client, analyst, group_by="partner")
    assert by_partner["rows"] == [
        {"partner": "GHA", "women": 0, "men": 1, "total": 1},
        {"partner": "KEN", "women": 3, "men": 1, "total": 4},
    ]
    window = await completions(
        client, analyst, from_fy=CURRENT_FY, to_fy=CURRENT_FY, group_by="partner"
    )
    assert window["rows"] == [
        {"partner": "GHA", "women": 0, "men": 1, "total": 1},
        {"partner": "KEN", "women": 1, "men": 0, "total": 1},
    ]
    assert (await completions(client, analyst, to_fy=last_year))["totals"]["total"] == 3
    kenya = await completions(client, analyst, partner="KEN")
    assert kenya["totals"] == {"women": 3, "men": 1, "total": 4, "women_share_pct": 75.0}
    embassy = await completions(client, keys.headers("embassy_gha"), group_by="partner")
    assert embassy["rows"] == [{"partner": "GHA", "women": 0, "men": 1, "total": 1}]
    empty = await completions(client, analyst, from_fy=CURRENT_FY + 1)
    assert empty["rows"] == []
    assert empty["totals"] == {"women": 0, "men": 0, "total": 0, "women_share_pct": None}

    for bad, parameter in (
        ({"from_fy": CURRENT_FY, "to_fy": last_year}, "to_fy"),
        ({"group_by": "region"}, "group_by"),
        ({"from_fy": "x"}, "from_fy"),
    ):
        response = await client.get(COMPLETIONS, params=bad, headers=analyst)
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["parameter"] == parameter


async def test_reports_as_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    await benchmark(client, keys, "KEN", 7.0)
    await nominees(client, keys, "KEN", "male", 10)
    (done,) = await nominees(client, keys, "GHA", "female", 1)
    await advance(client, keys, done, "completed")
    parity_csv = await client.get(PARITY, params={"format": "csv"}, headers=keys.headers("analyst"))
    assert parity_csv.status_code == 200
    assert parity_csv.headers["content-type"].startswith("text/csv")
    assert parity_csv.text.split("\r\n")[:3] == [
        "partner,nominations,women,women_share_pct,benchmark_pct,gap_points,meets_benchmark",
        "GHA,1,1,100.0,,,",
        "KEN,10,0,0.0,7.0,-7.0,false",  # booleans as JSON writes them
    ]
    completions_csv = await client.get(
        COMPLETIONS,
        params={"group_by": "partner"},
        headers=keys.headers("embassy_gha", Accept="text/csv"),
    )
    assert completions_csv.text.split("\r\n")[:2] == ["partner,women,men,total", "GHA,1,0,1"]
    assert "KEN" not in completions_csv.text


async def test_completions_add_imet_history_to_completed_nominations(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    done = await nominees(client, keys, "KEN", "female", 2)
    done += await nominees(client, keys, "KEN", "male", 1)
    done += await nominees(client, keys, "GHA", "female", 1, fiscal_year=CURRENT_FY - 1)
    for nomination_id in done:
        await advance(client, keys, nomination_id, "completed")
    for partner, year, women, men in (
        ("KEN", 2016, 3, 41),
        ("KEN", 2017, 5, 40),
        ("GHA", 2016, 2, 30),
        ("GHA", CURRENT_FY, 4, 6),  # a year KEN covers by nominations: GHA by history
    ):
        response = await client.post(
            "/api/v1/imet-history",
            json={
                "fiscal_year": year,
                "partner": partner,
                "women": women,
                "men": men,
                "source": "data call",
            },
            headers=keys.headers("integration"),
        )
        assert response.status_code == 201, response.text

    analyst = keys.headers("analyst")
    by_year = await completions(client, analyst)
    assert by_year["rows"] == [
        {"fiscal_year": 2016, "women": 5, "men": 71, "total": 76},
        {"fiscal_year": 2017, "women": 5, "men": 40, "total": 45},
        {"fiscal_year": CURRENT_FY - 1, "women": 1, "men": 0, "total": 1},
        {"fiscal_year": CURRENT_FY, "women": 6, "men": 7, "total": 13},
    ]
    assert by_year["totals"] == {"women": 17, "men": 118, "total": 135, "women_share_pct": 12.6}
    assert "IMET history" in by_year["method"] and "UNION ALL" in by_year["method"]

    by_partner = await completions(client, analyst, group_by="partner", from_fy=2016, to_fy=2016)
    assert by_partner["rows"] == [
        {"partner": "GHA", "women": 2, "men": 30, "total": 32},
        {"partner": "KEN", "women": 3, "men": 41, "total": 44},
    ]
    recent = await completions(client, analyst, group_by="partner", from_fy=CURRENT_FY - 1)
    assert recent["rows"] == [
        {"partner": "GHA", "women": 5, "men": 6, "total": 11},
        {"partner": "KEN", "women": 2, "men": 1, "total": 3},
    ]
    kenya = await completions(client, analyst, partner="KE", to_fy=2017)
    assert kenya["totals"] == {"women": 8, "men": 81, "total": 89, "women_share_pct": 9.0}
    embassy = await completions(client, keys.headers("embassy_gha"), group_by="partner")
    assert embassy["rows"] == [{"partner": "GHA", "women": 7, "men": 36, "total": 43}]
    as_csv = await client.get(COMPLETIONS, params={"format": "csv", "to_fy": 2017}, headers=analyst)
    assert as_csv.text.split("\r\n")[:3] == [
        "fiscal_year,women,men,total",
        "2016,5,71,76",
        "2017,5,40,45",
    ]
