"""The README's worked example: the sample UN file under examples/ gives these figures."""

from __future__ import annotations

import hashlib

import httpx

from tests.conftest import ROOT, Keys
from tests.peacekeeping.helpers import SHARE, SNAPSHOTS, csv_headers

SAMPLE = ROOT / "examples" / "un-uniformed-personnel-by-gender.csv"


async def test_the_readme_example_reads_september_2021(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    content = SAMPLE.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content  # as the UN writes it
    for code in ("GHA", "KEN", "BGD"):
        added = await client.post(
            f"/api/v1/partners/{code}/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
            headers=keys.headers("admin"),
        )
        assert added.status_code == 201, added.text
    uploaded = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("integration"))
    )
    assert uploaded.status_code == 201, uploaded.text
    upload = uploaded.json()
    assert upload["checksum"] == hashlib.sha256(content).hexdigest()
    assert [
        (s["reporting_date"], s["row_count"], s["skipped_count"]) for s in upload["snapshots"]
    ] == [
        ("2021-07-31", 10, 1),
        ("2021-08-31", 10, 1),
        ("2021-09-30", 10, 1),
    ]
    assert [r["row"] for r in upload["skipped_rows"]] == [10, 20, 30]

    response = await client.get(
        SHARE,
        params={"program": "GPOI", "as_of": "2021-09-30"},
        headers=keys.headers("analyst"),
    )
    report = response.json()
    september = upload["snapshots"][2]
    assert report["snapshot"] == {
        "id": september["id"],
        "reporting_date": "2021-09-30",
        "checksum": upload["checksum"],
    }
    assert report["stale"] is False
    assert (report["partner_women"], report["all_women"], report["women_share_pct"]) == (
        228,
        382,
        59.7,
    )
    assert (
        report["partner_countries"],
        report["all_countries"],
        report["countries_share_pct"],
    ) == (3, 5, 60.0)
    assert "1 row(s) of the file for that month were left out" in report["method"]
    august = await client.get(
        SHARE,
        params={"program": "GPOI", "as_of": "2021-08-31"},
        headers=keys.headers("analyst"),
    )
    assert (august.json()["partner_women"], august.json()["all_women"]) == (218, 366)
