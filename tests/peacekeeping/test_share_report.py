"""The peacekeeping-share report on a synthetic UN snapshot: GPOI partners give exactly
63.0% of military women while being 44.0% of military-contributing countries."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys
from tests.peacekeeping.helpers import SHARE, SNAPSHOTS, csv_headers, un_csv

# GPOI partners on the snapshot date (31/10/2026) and their military women: 63 in all.
PARTNER_WOMEN = {
    "GHA": 20, "KEN": 10, "RWA": 8, "SEN": 5, "BGD": 5, "NPL": 5,
    "IDN": 4, "URY": 2, "MNG": 2, "ZMB": 1, "MAR": 1,
}  # fmt: skip
# Other military contributors: 37 women (NER deploys men only and still counts).
OTHER_WOMEN = {
    "IND": 10, "PAK": 5, "CHN": 5, "EGY": 3, "ETH": 3, "FRA": 2, "ITA": 2,
    "ESP": 2, "BRA": 1, "TZA": 1, "NGA": 1, "JOR": 1, "TCD": 1, "NER": 0,
}  # fmt: skip
MISSIONS = ("UNIFIL", "MINUSCA", "UNMISS")


def snapshot_rows() -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    extras = {  # women outside Troops, under the UN's various spellings
        "GHA": [("Staff Officers", 5, 2), ("Experts on mission", 3, 1)],
        "KEN": [("UNMEM", 2, 1)],
        "IND": [("Staff Officer", 4, 2)],
    }
    for i, (code, women) in enumerate({**PARTNER_WOMEN, **OTHER_WOMEN}.items()):
        mission = MISSIONS[i % 3]
        in_extras = sum(w for _, _, w in extras.get(code, []))
        troops = women - in_extras
        men = 50 if code == "NER" else 100
        date = "31-Oct-26" if i % 2 else "2026-10-31"  # one month, written two ways
        if code == "GHA":  # two lines of the same group are added together
            rows.append(("Ghana", code, mission, "Troops", 60, 10, date))
            rows.append(("Ghana", code, mission, " troops ", 40, troops - 10, date))
        else:
            rows.append((code, code, mission, "Troops", men, troops, date))
        for personnel_type, extra_men, extra_women in extras.get(code, []):
            rows.append((code, code, mission, personnel_type, extra_men, extra_women, date))
    rows += [
        # Police never counts, whoever sends it.
        ("Ghana", "GHA", "UNMISS", "Formed Police Units", 100, 40, "31/10/2026"),
        ("India", "IND", "UNMISS", "Individual Police", 50, 30, "31/10/2026"),
        ("Pakistan", "PAK", "UNMISS", "Police", 20, 10, "31/10/2026"),
        # A police-only country and a country with zero military are not contributors.
        ("Jamaica", "JAM", "UNMISS", "Individual Police", 2, 3, "31/10/2026"),
        ("Fiji", "FJI", "UNDOF", "Troops", 0, 0, "31/10/2026"),
    ]
    return rows


async def _membership(
    client: httpx.AsyncClient, keys: Keys, code: str, program: str, start: str, end: str | None
) -> None:
    response = await client.post(
        f"/api/v1/partners/{code}/memberships",
        json={"program": program, "start_date": start, "end_date": end},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 201, response.text


async def _upload(client: httpx.AsyncClient, keys: Keys, rows: list[tuple[Any, ...]]) -> Any:
    """Upload a one-month file; its snapshot."""
    response = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert response.status_code == 201, response.text
    [snapshot] = response.json()["snapshots"]
    return snapshot


async def _setup(client: httpx.AsyncClient, keys: Keys) -> dict[str, Any]:
    for code in PARTNER_WOMEN:
        # MAR's membership ends after the snapshot date, so it still counts.
        await _membership(client, keys, code, "GPOI", "2008-01-01", None)
    # Not partners on 31/10/2026: ended before, starts after, or another program.
    await _membership(client, keys, "PAK", "GPOI", "2010-01-01", "2026-06-01")
    await _membership(client, keys, "IND", "GPOI", "2026-11-15", None)
    await _membership(client, keys, "ETH", "IMET", "2000-01-01", None)
    older = await _upload(client, keys, [("Ghana", "GHA", "UNIFIL", "Troops", 10, 1, "31/08/2026")])
    main = await _upload(client, keys, snapshot_rows())
    newer = await _upload(client, keys, [("India", "IND", "UNIFIL", "Troops", 10, 9, "31/01/2099")])
    assert main["reporting_date"] == "2026-10-31"
    return {"older": older, "main": main, "newer": newer}


async def test_gpoi_partners_give_63_percent_of_women_from_44_percent_of_countries(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    snapshots = await _setup(client, keys)
    main = snapshots["main"]
    response = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "2026-12-01"}, headers=keys.headers("analyst")
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["program"] == "GPOI"
    assert report["as_of"] == "2026-12-01"
    assert report["snapshot"] == {
        "id": main["id"],
        "reporting_date": "2026-10-31",
        "checksum": main["checksum"],
    }
    assert report["partner_women"] == 63
    assert report["all_women"] == 100
    assert report["women_share_pct"] == 63.0
    assert report["partner_countries"] == 11
    assert report["all_countries"] == 25
    assert report["countries_share_pct"] == 44.0
    assert report["rows"] == []
    assert main["checksum"] in report["method"]
    assert "Troops + Staff Officers + Experts on Mission" in report["method"]
    assert "valid on 2026-10-31" in report["method"]
    assert report["filters"] == {
        "program": "GPOI",
        "as_of": "2026-12-01",
        "by_personnel_type": False,
    }


async def test_by_personnel_type_rows(client: httpx.AsyncClient, keys: Keys) -> None:
    await _setup(client, keys)
    response = await client.get(
        SHARE,
        params={"program": "gpoi", "as_of": "2026-10-31", "by_personnel_type": "true"},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["women_share_pct"], report["countries_share_pct"]) == (63.0, 44.0)
    assert report["rows"] == [
        {
            "personnel_type": "experts_on_mission",
            "partner_women": 2,
            "all_women": 2,
            "women_share_pct": 100.0,
            "partner_countries": 2,
            "all_countries": 2,
            "countries_share_pct": 100.0,
        },
        {
            "personnel_type": "staff_officer",
            "partner_women": 2,
            "all_women": 4,
            "women_share_pct": 50.0,
            "partner_countries": 1,
            "all_countries": 2,
            "countries_share_pct": 50.0,
        },
        {
            "personnel_type": "troops",
            "partner_women": 59,
            "all_women": 94,
            "women_share_pct": 62.8,
            "partner_countries": 11,
            "all_countries": 25,
            "countries_share_pct": 44.0,
        },
    ]


async def test_the_snapshot_is_the_latest_on_or_before_as_of(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    snapshots = await _setup(client, keys)
    analyst = keys.headers("analyst")
    older = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "2026-10-30"}, headers=analyst
    )
    assert older.json()["snapshot"]["id"] == snapshots["older"]["id"]
    assert (older.json()["partner_women"], older.json()["all_women"]) == (1, 1)
    today = await client.get(SHARE, params={"program": "GPOI"}, headers=analyst)
    assert today.json()["snapshot"]["id"] == snapshots["main"]["id"]
    later = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "2099-12-31"}, headers=analyst
    )
    assert later.json()["snapshot"]["id"] == snapshots["newer"]["id"]
    # India's GPOI membership (from 2026-11-15) is valid on the newer snapshot's date.
    assert (later.json()["partner_women"], later.json()["women_share_pct"]) == (9, 100.0)

    none = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "2026-08-30"}, headers=analyst
    )
    assert none.status_code == 404
    assert none.headers["content-type"] == "application/problem+json"


async def test_share_parameters_and_roles(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    unknown = await client.get(SHARE, params={"program": "NOPE"}, headers=analyst)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["parameter"] == "program"
    missing = await client.get(SHARE, headers=analyst)
    assert missing.status_code == 422
    bad_date = await client.get(
        SHARE, params={"program": "GPOI", "as_of": "31/10/2026"}, headers=analyst
    )
    assert bad_date.status_code == 422
    embassy = await client.get(SHARE, params={"program": "GPOI"}, headers=keys.headers("embassy"))
    assert embassy.status_code == 403
    empty = await client.get(SHARE, params={"program": "GPOI"}, headers=analyst)
    assert empty.status_code == 404


async def test_share_as_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    snapshots = await _setup(client, keys)
    response = await client.get(
        SHARE,
        params={"program": "GPOI", "as_of": "2026-12-01", "by_personnel_type": "true"},
        headers=keys.headers("analyst", Accept="text/csv"),
    )
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[0].startswith("personnel_type,partner_women,all_women,women_share_pct,")
    checksum = snapshots["main"]["checksum"]
    main_id = snapshots["main"]["id"]
    assert lines[1] == f"military,63,100,63.0,11,25,44.0,GPOI,{main_id},2026-10-31,{checksum}"
    assert [line.split(",")[0] for line in lines[1:]] == [
        "military",
        "experts_on_mission",
        "staff_officer",
        "troops",
    ]
