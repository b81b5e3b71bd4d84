"""The README's worked example: the sample IMET history under examples/ gives the fact sheet's
"approximately 1,783 women" trained through IMET in fiscal years 2015-2019."""

from __future__ import annotations

import re

import httpx

from tests.conftest import ROOT, Keys
from tests.imet.history.helpers import IMPORTS
from tests.indicators.helpers import progress

SAMPLE = ROOT / "examples" / "imet-history-fy2015-2019.csv"
FACT_SHEET = ROOT / "tests" / "data" / "pm-wps-fact-sheet.txt"


def fact_sheet_figure() -> int:
    text = FACT_SHEET.read_text(encoding="utf-8")
    found = re.search(
        r"training provided to approximately ([\d,]+) women between fiscal years 2015-2019", text
    )
    assert found is not None, "the fact sheet's IMET sentence moved"
    return int(found.group(1).replace(",", ""))


async def test_the_readme_example_gives_the_fact_sheets_imet_figure(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    assert fact_sheet_figure() == 1783
    loaded = await client.post(
        IMPORTS,
        content=SAMPLE.read_bytes(),
        headers=keys.headers("integration", **{"Content-Type": "text/csv"}),
    )
    assert loaded.status_code == 200, loaded.text
    assert loaded.json()["created"] == 25

    response = await client.get(
        "/api/v1/reports/imet-completions",
        params={"from_fy": 2015, "to_fy": 2019},
        headers=keys.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["totals"]["women"] == fact_sheet_figure()
    assert [(r["fiscal_year"], r["women"], r["men"], r["total"]) for r in report["rows"]] == [
        (2015, 310, 2530, 2840),
        (2016, 335, 2565, 2900),
        (2017, 356, 2600, 2956),
        (2018, 379, 2635, 3014),
        (2019, 403, 2670, 3073),
    ]
    assert report["totals"]["men"] == 13000
    assert report["method"].startswith("IMET completions from two sources")

    # The seeded indicator reads the same figures.
    rows = await progress(client, keys, "IMET-WOMEN-TRAINED", from_fy=2015, to_fy=2019)
    assert {year: row["actual"] for year, row in rows.items()} == {
        2015: "310",
        2016: "335",
        2017: "356",
        2018: "379",
        2019: "403",
    }
