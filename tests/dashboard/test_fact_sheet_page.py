"""The printable fact sheet (/dashboard/fact-sheet): served under the dashboard's policy, and,
in Chromium, printed to PDF with the README's figures in it (read back with pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser

from app.dashboard.pages import FACT_SHEET_URL
from tests.conftest import Keys, Seeded, reset_database
from tests.dashboard.conftest import ADMIN_KEY, OUTPUT, serious_violations, serving
from tests.dashboard.test_pages import policy
from tests.factsheet.readme_data import write_readme_data


async def test_the_fact_sheet_page_is_static_under_the_policy(client: httpx.AsyncClient) -> None:
    page = await client.get(FACT_SHEET_URL)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert policy(page)["script-src"] == "'self'"
    assert "<style" not in page.text and "style=" not in page.text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text)
    for asset in ("factsheet.js", "factsheet.css"):
        served = await client.get(f"/dashboard/static/{asset}")
        assert served.status_code == 200, asset


@dataclass
class Live:
    base_url: str
    keys: Keys


@pytest.fixture(scope="module")
async def live(app: Any, seeded: Seeded, database_url: str) -> AsyncIterator[Live]:
    """The service on this backend's test database holding the README's example data."""
    await reset_database(app.state, seeded)
    with serving(database_url) as base_url:
        keys = Keys(admin=ADMIN_KEY)
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
            for role, partner in (("analyst", None), ("integration", None), ("embassy", "KEN")):
                body = {"name": f"fact sheet {role}", "role": role, "partner": partner}
                if role == "integration":  # the data desk, as the README makes it
                    body["owner"] = "PM/GPI M&E office"
                made = await http.post("/api/v1/api-keys", json=body, headers=admin)
                assert made.status_code == 201, made.text
                keys[role] = made.json()["key"]
            assert await write_readme_data(http, keys) == []
        yield Live(base_url, keys)
    await reset_database(app.state, seeded)


def pdf_text(pdf: Path) -> tuple[str, int]:
    """The PDF's text (pdftotext, layout kept) and its number of pages."""
    found = shutil.which("pdftotext")
    if found is None:
        pytest.fail("pdftotext is missing: apt-get install -y poppler-utils")
    done = subprocess.run(  # noqa: S603 (a fixed program on a file this test wrote)
        [found, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout, done.stdout.count("\f")


async def test_the_fact_sheet_prints_to_two_pages_at_most_with_the_seeded_figures(
    browser: Browser,
    live: Live,
) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{live.base_url}{FACT_SHEET_URL}?fiscal_year=2022")
    await page.locator("#api-key").fill(live.keys["analyst"])
    await page.locator("#sign-in-form button").click()
    await page.wait_for_selector("body[data-state=loaded]", state="attached", timeout=20_000)
    # Each number links to its inputs, which name the API call answering it.
    link = page.locator("#fig-imet_women_trained_fy2015_2019 a.number")
    assert await link.inner_text() == "1,783"
    assert await link.get_attribute("href") == "#src-imet_women_trained_fy2015_2019"
    call = page.locator("#src-imet_women_trained_fy2015_2019 a")
    assert (
        await call.get_attribute("href")
        == "/api/v1/reports/imet-completions?from_fy=2015&to_fy=2019"
    )

    assert await serious_violations(page) == []

    OUTPUT.mkdir(parents=True, exist_ok=True)
    pdf = OUTPUT / "fact-sheet.pdf"
    for paper in ("A4", "Letter"):
        await page.pdf(path=str(pdf), format=paper, print_background=False)
        text, pages = pdf_text(pdf)
        assert 1 <= pages <= 2, (paper, pages)
        flat = " ".join(text.split())
        for seeded in (
            "trained approximately 1,783 women between fiscal years 2015-2019"[-50:],
            "GPOI partners provide 59.7% of all deployed female military peacekeepers",
            "only 60.0% of countries that deploy military peacekeepers",
            "1 regional NIO course has been conducted",
            "training 36 students",
            "from 3 countries",
            "In FY 2022, the Department obligated $1,000,000.00",
            "target 3000000.00; behind",
            "CWD programs currently support 2 mixed teams in 1 country",
            "completed 3 gender-inclusive facility upgrades",
            "f6df324a",
            "/api/v1/reports/women-trained?program=GPOI&topic=nio",
        ):
            assert seeded in flat, (paper, seeded, flat[:3000])
        assert "Show" not in flat and "Sign out" not in flat  # the controls are not printed
    await context.close()
