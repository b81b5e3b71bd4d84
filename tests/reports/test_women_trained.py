"""The women-trained report: fiscal years, fact-sheet figures, grouping, scoping, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, assert_rollup_consistent, training

REPORT = "/api/v1/reports/women-trained"


async def test_fiscal_year_boundary(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    for ref, start in (("A", "2021-09-30"), ("B", "2021-10-01")):
        body = training(
            external_ref=ref,
            start_date=start,
            end_date=start,
            participants=[{"partner": "KEN", "women": 1 if ref == "A" else 2, "men": 0}],
        )
        created = await client.post(TRAININGS, json=body, headers=admin)
        assert created.status_code == 201, created.text
        assert created.json()["fiscal_year"] == (2021 if ref == "A" else 2022)
    report = (await client.get(REPORT, headers=admin)).json()
    assert [(r["fiscal_year"], r["women"], r["cumulative_women"]) for r in report["rows"]] == [
        (2021, 1, 1),
        (2022, 2, 3),
    ]
    listed = await client.get(f"{TRAININGS}?fiscal_year=2021", headers=admin)
    assert [t["external_ref"] for t in listed.json()["items"]] == ["A"]


async def test_gpoi_women_trained_cross_12000_in_fy2021(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    """Fact sheet: 'Since 2007, the GPOI program has trained more than 12,000 women.'"""
    integration = keys.headers("integration")
    partners = ["GHA", "KEN", "RW", "SEN", "BGD", "IDN"]
    # 800 women a year FY2007..FY2021 = 12,000 in total; FY2021 adds 60 more = 12,060.
    records = []
    for fy in range(2007, 2022):
        start = date(fy - 1, 10, 1) + timedelta(days=fy % 200)
        for i, partner in enumerate(partners):
            women = 800 // len(partners) + (800 % len(partners) if i == 0 else 0)
            if fy == 2021 and i == 0:
                women += 60
            records.append(
                training(
                    external_ref=f"GPOI-FY{fy}-{partner}",
                    start_date=start.isoformat(),
                    end_date=(start + timedelta(days=10)).isoformat(),
                    participants=[{"partner": partner, "women": women, "men": 3 * women}],
                )
            )
    # A CWD demining course must not count toward GPOI.
    records.append(
        training(
            program="CWD",
            topics=["demining"],
            external_ref="CWD-1",
            participants=[{"partner": "AFG", "women": 500, "men": 0}],
        )
    )
    imported = await client.post("/api/v1/imports/trainings", json=records, headers=integration)
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == len(records)

    report = (
        await client.get(f"{REPORT}?program=GPOI&from_fy=2007&to_fy=2021", headers=integration)
    ).json()
    cumulative = {r["fiscal_year"]: r["cumulative_women"] for r in report["rows"]}
    assert cumulative[2007] == 800
    assert cumulative[2020] == 11_200 < 12_000
    assert cumulative[2021] == 12_060 > 12_000
    assert report["totals"]["women"] == 12_060
    assert report["totals"]["women_share_pct"] == 25.0
    assert report["filters"]["program"] == "GPOI"
    assert "running sum" in report["method"]
    await assert_rollup_consistent(session)


NIO_COUNTRIES = [
    "BEN", "BFA", "CMR", "TCD", "CIV", "ETH", "GHA", "GIN", "KEN", "MWI", "MLI", "MAR",
    "NER", "NGA", "RWA", "SEN", "SLE", "TZA", "TGO", "UGA", "ZMB", "ARG", "BRA", "CHL",
    "COL", "GTM", "PRY", "PER", "URY", "SLV", "BGD", "FJI", "IDN", "MNG", "NPL", "KHM",
]  # fmt: skip


async def test_nio_courses_counted_by_partner(client: httpx.AsyncClient, keys: Keys) -> None:
    """Fact sheet: 'Seven regional NIO courses ... over 170 students from 36 countries.'"""
    admin = keys.headers("admin")
    assert len(set(NIO_COUNTRIES)) == 36
    for n in range(1, 8):
        body = training(
            title=f"Regional NIO course {n}",
            topics=["nio", "sea_prevention"],
            external_ref=f"NIO-{n}",
            start_date=f"2020-0{n}-01",
            end_date=f"2020-0{n}-12",
            participants=[{"partner": c, "women": 2, "men": 3} for c in NIO_COUNTRIES[n - 1 :: 7]],
        )
        created = await client.post(TRAININGS, json=body, headers=admin)
        assert created.status_code == 201, created.text
    # A peacekeeping course without the NIO topic stays out of the NIO figures.
    await client.post(TRAININGS, json=training(external_ref="PK-1"), headers=admin)

    courses = await client.get(f"{TRAININGS}?topic=nio&include_total=true", headers=admin)
    assert courses.json()["total"] == 7
    report = (await client.get(f"{REPORT}?topic=nio&group_by=partner", headers=admin)).json()
    assert len(report["rows"]) == 36
    assert {r["partner"] for r in report["rows"]} == set(NIO_COUNTRIES)
    assert all(r["total"] == 5 and r["women"] == 2 for r in report["rows"])
    assert report["totals"]["total"] == 180 > 170
    assert "trainings" not in report["totals"] and "trainings" not in report["rows"][0]
    # One call answers the whole sentence: courses, students and countries, each counted once.
    counted = (
        await client.get(f"{REPORT}?topic=nio&group_by=partner&distinct_counts=true", headers=admin)
    ).json()
    assert counted["filters"]["distinct_counts"] is True
    assert (counted["totals"]["trainings"], counted["totals"]["countries"]) == (7, 36)
    assert all(r["trainings"] == 1 and r["countries"] == 1 for r in counted["rows"])
    by_year = (
        await client.get(
            f"{REPORT}?topic=nio&group_by=fiscal_year&distinct_counts=true", headers=admin
        )
    ).json()
    assert [(r["fiscal_year"], r["trainings"], r["countries"]) for r in by_year["rows"]] == [
        (2020, 7, 36)
    ]
    # By topic, a two-topic course counts under each topic; the totals still count it once.
    by_topic = (
        await client.get(f"{REPORT}?group_by=topic,program&program=GPOI", headers=admin)
    ).json()
    topics = {r["topic"]: r["total"] for r in by_topic["rows"]}
    assert topics["nio"] == topics["sea_prevention"] == 180
    assert topics["peacekeeping"] == 34
    assert by_topic["totals"]["total"] == 214
    by_topic = (
        await client.get(
            f"{REPORT}?group_by=topic,program&program=GPOI&distinct_counts=true", headers=admin
        )
    ).json()
    counts = {r["topic"]: (r["trainings"], r["countries"]) for r in by_topic["rows"]}
    assert counts["nio"] == counts["sea_prevention"] == (7, 36)
    assert by_topic["totals"]["trainings"] == 8  # each two-topic course once


async def test_grouping_by_two_and_region_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    for ref, start, partner, women in (
        ("R1", "2020-01-10", "KEN", 4),
        ("R2", "2021-01-10", "KEN", 6),
        ("R3", "2021-02-10", "FRA", 5),
    ):
        body = training(
            external_ref=ref,
            start_date=start,
            end_date=start,
            participants=[{"partner": partner, "women": women, "men": 10 - women}],
        )
        assert (await client.post(TRAININGS, json=body, headers=admin)).status_code == 201
    report = (await client.get(f"{REPORT}?group_by=fiscal_year,partner", headers=admin)).json()
    assert [
        (r["fiscal_year"], r["partner"], r["women"], r["cumulative_women"]) for r in report["rows"]
    ] == [(2020, "KEN", 4, 4), (2021, "FRA", 5, 5), (2021, "KEN", 6, 10)]
    regions = (await client.get(f"{REPORT}?group_by=region", headers=admin)).json()
    assert [(r["region"], r["women"], r["women_share_pct"]) for r in regions["rows"]] == [
        ("AF", 10, 50.0),
        ("EUR", 5, 50.0),
    ]
    assert "cumulative_women" not in regions["rows"][0]
    af = (await client.get(f"{REPORT}?region=AF&group_by=program", headers=admin)).json()
    assert af["rows"] == [
        {
            "program": "GPOI",
            "women": 10,
            "men": 10,
            "unreported": 0,
            "total": 20,
            "women_share_pct": 50.0,
        }
    ]
    as_csv = await client.get(
        f"{REPORT}?group_by=fiscal_year", headers={**admin, "Accept": "text/csv"}
    )
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(as_csv.text)))
    header = ["fiscal_year", "women", "men", "unreported", "total", "women_share_pct"]
    assert lines == [
        [*header, "cumulative_women"],
        ["2020", "4", "6", "0", "10", "40.0", "4"],
        ["2021", "11", "9", "0", "20", "55.0", "15"],
    ]
    # With distinct_counts, the CSV adds the trainings and countries of each group.
    counted = await client.get(
        f"{REPORT}?group_by=fiscal_year&distinct_counts=true&format=csv", headers=admin
    )
    assert list(csv.reader(io.StringIO(counted.text))) == [
        [*header, "cumulative_women", "trainings", "countries"],
        ["2020", "4", "6", "0", "10", "40.0", "4", "1", "1"],
        ["2021", "11", "9", "0", "20", "55.0", "15", "2", "2"],
    ]
    af = (
        await client.get(f"{REPORT}?region=AF&group_by=program&distinct_counts=true", headers=admin)
    ).json()
    assert (af["rows"][0]["trainings"], af["rows"][0]["countries"]) == (2, 1)
    assert (af["totals"]["trainings"], af["totals"]["countries"]) == (2, 1)
    for bad in ("fiscal_year,program,partner", "title", "partner,partner", ""):
        refused = await client.get(f"{REPORT}?group_by={bad}", headers=admin)
        assert refused.status_code == 422, bad
        assert refused.json()["errors"][0]["parameter"] == "group_by"
    unknown = await client.get(f"{REPORT}?partner=ZZZ", headers=admin)
    assert unknown.status_code == 422
    unknown = await client.get(f"{REPORT}?program=GPIO", headers=admin)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["parameter"] == "program"


async def test_embassy_sees_only_its_country_figures(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    body = training(
        participants=[{"partner": "KEN", "women": 3, "men": 1}, {"partner": "UGA", "women": 9}]
    )
    assert (await client.post(TRAININGS, json=body, headers=admin)).status_code == 201
    mine = (await client.get(f"{REPORT}?group_by=partner", headers=keys.headers("embassy"))).json()
    assert mine["filters"]["partner"] == "KEN"
    assert [(r["partner"], r["women"]) for r in mine["rows"]] == [("KEN", 3)]
    other = await client.get(f"{REPORT}?partner=UGA", headers=keys.headers("embassy"))
    assert other.status_code == 403


async def test_no_matching_training_gives_empty_rows_and_zero_totals(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    """Totals read with the rows (by fiscal year) or on their own (by topic) are 0, not absent,
    when nothing matches."""
    admin = keys.headers("admin")
    created = await client.post(TRAININGS, json=training(external_ref="ONE"), headers=admin)
    assert created.status_code == 201, created.text
    zero = {"women": 0, "men": 0, "unreported": 0, "total": 0, "women_share_pct": None}
    for group_by in ("fiscal_year", "topic"):
        report = (
            await client.get(f"{REPORT}?group_by={group_by}&from_fy=2001&to_fy=2001", headers=admin)
        ).json()
        assert report["rows"] == []
        assert report["totals"] == zero, group_by
    everything = (await client.get(f"{REPORT}?group_by=topic", headers=admin)).json()
    assert everything["totals"]["total"] > 0
