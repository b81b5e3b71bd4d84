"""The dashboard's browser tests' fixtures and helpers: headless Chromium (Debian's package)
driven by Playwright, against `wps serve` on the test database, with records created through
the API first."""

from __future__ import annotations

import copy
import os
import shutil
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.async_api import Browser, Page, async_playwright

from app.core.fiscal_year import current_fiscal_year
from app.imet.nominations.schemas import NominationCreate
from app.main import create_app
from tests.conftest import Seeded, make_settings, reset_database
from tests.live import ROOT, free_port

CHROMIUM = os.environ.get("WPS_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = ROOT / "test-output" / "dashboard"
AXE = Path(__file__).parent / "axe" / "axe.min.js"
ADMIN_KEY = "wps_dashboard-admin-" + "k" * 24
NO_FIGURE = "\N{EN DASH}"  # how a table shows a figure the API answers as null
VIEWS = ("headline", "women-trained", "peacekeeping", "imet-parity", "funding", "scorecard")


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One Chromium for the whole session: never a downloaded build, only the system's."""
    if not shutil.which(CHROMIUM):
        # CI installs Chromium and sets WPS_TEST_REQUIRE_BROWSER: there a missing browser fails.
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("WPS_TEST_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@dataclass
class Live:
    base_url: str
    backend: str
    keys: dict[str, str]
    fiscal_year: int

    def headers(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}", **extra}


def training(
    program: str, ref: str, start: date, participants: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "program": program,
        "title": f"Course {ref}",
        "kind": "course",
        "topics": ["peacekeeping"],
        "start_date": start.isoformat(),
        "end_date": start.isoformat(),
        "host_country": "GHA",
        "delivery": "direct",
        "external_ref": ref,
        "participants": participants,
    }


def nomination(ref: str, partner: str, sex: str, fiscal_year: int) -> dict[str, Any]:
    """The contract's example nomination, for another partner, sex and year."""
    example = copy.deepcopy(NominationCreate.example)
    example["nominee"]["sex"] = sex
    return {**example, "fiscal_year": fiscal_year, "partner": partner, "external_ref": ref}


async def seed_through_api(http: httpx.AsyncClient, headers: dict[str, str], fy: int) -> None:
    """Records of three fiscal years, two programs and two countries, a target, benchmarks,
    nominations, obligations and the sample UN file."""

    async def send(method: str, path: str, **kwargs: Any) -> None:
        sent = {**headers, **kwargs.pop("headers", {})}
        answer = await http.request(method, path, headers=sent, **kwargs)
        assert answer.status_code in (200, 201), f"{method} {path}: {answer.text}"

    for code in ("GHA", "BGD", "KEN"):
        body = {"program": "GPOI", "start_date": "2008-01-01"}
        await send("POST", f"/api/v1/partners/{code}/memberships", json=body)
    for i, (program, year, ken, gha) in enumerate(
        [("GPOI", fy - 2, 4, 7), ("GPOI", fy - 1, 9, 12), ("GPOI", fy, 15, 5), ("IMET", fy, 3, 2)]
    ):
        people = [
            {"partner": "KEN", "women": ken, "men": 10, "unreported": 0},
            {"partner": "GHA", "women": gha, "men": 8, "unreported": 1},
        ]
        body = training(program, f"DASH-{i}", date(year - 1, 10, 1), people)
        await send("POST", "/api/v1/trainings", json=body)
    await send(
        "PUT", f"/api/v1/indicators/GPOI-WOMEN-TRAINED/targets/{fy - 1}", json={"value": "30"}
    )
    await send("PUT", f"/api/v1/indicators/GPOI-WOMEN-TRAINED/targets/{fy}", json={"value": "60"})
    for code, share in (("KEN", 7.0), ("GHA", 40.0)):
        body = {"military_women_share_pct": share, "source": "Ministry of Defence"}
        await send("PUT", f"/api/v1/partners/{code}/benchmarks/{fy}", json=body)
    for i, (partner, sex) in enumerate([("KEN", "female"), ("KEN", "male"), ("GHA", "female")]):
        body = nomination(f"DASH-N{i}", partner, sex, fy)
        once = {"Idempotency-Key": f"dash-{i}"}
        await send("POST", "/api/v1/nominations", json=body, headers=once)
    for i, (program, year, amount, purposes) in enumerate(
        [
            ("GPOI", fy - 1, "250000.00", ["women_training"]),
            ("GPOI", fy, "123456789.50", ["women_training", "facilities"]),
            ("IMET", fy, "75000.00", []),
        ]
    ):
        body = {"program": program, "fiscal_year": year, "partner": None, "type": "obligation",
                "amount_usd": amount, "purposes": purposes, "source_ref": f"DASH-F{i}"}  # fmt: skip
        await send("POST", "/api/v1/obligations", json=body)
    sample = (ROOT / "examples" / "un-uniformed-personnel-by-gender.csv").read_bytes()
    await send(
        "POST",
        "/api/v1/peacekeeping/snapshots",
        content=sample,
        headers={"Content-Type": "text/csv"},
    )


@contextmanager
def serving(database_url: str) -> Iterator[str]:
    """The service under uvicorn on a free loopback port, in a thread with its own event loop
    (the database is migrated and seeded already); yields its base URL."""
    settings = make_settings(database_url, bootstrap_admin_key=ADMIN_KEY, log_level="WARNING")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None)
    )
    thread = threading.Thread(target=server.run, name="dashboard-service", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the service did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
async def live(app: Any, seeded: Seeded, database_url: str, backend: str) -> AsyncIterator[Live]:
    """A real HTTP server on this backend's test database, holding the records above and an
    analyst and a Kenyan embassy key made by the admin through the API."""
    await reset_database(app.state, seeded)
    with serving(database_url) as base_url:
        keys = {"admin": ADMIN_KEY}
        fy = current_fiscal_year()
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
            for role, partner in (("analyst", None), ("embassy", "KEN")):
                body = {"name": f"dashboard {role}", "role": role, "partner": partner}
                made = await http.post("/api/v1/api-keys", json=body, headers=admin)
                assert made.status_code == 201, made.text
                keys[role] = made.json()["key"]
            await seed_through_api(http, admin, fy)
        yield Live(base_url, backend, keys, fy)
    await reset_database(app.state, seeded)


@pytest.fixture
async def api(live: Live) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live.base_url, timeout=30) as http:
        yield http


@pytest.fixture
def output(live: Live) -> Iterator[Path]:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    yield OUTPUT


async def sign_in(page: Page, live: Live, key: str, query: str = "") -> None:
    await page.goto(f"{live.base_url}/dashboard{query}")
    await page.get_by_label("API key", exact=True).fill(key)
    await page.locator("#sign-in-form button").click()
    await page.wait_for_selector("body[data-state=ready]", state="attached", timeout=20_000)


async def reload_with_filters(page: Page) -> None:
    await page.evaluate("document.body.dataset.state = 'stale'")
    await page.get_by_role("button", name="Apply filters").click()
    await page.wait_for_selector("body[data-state=ready]", state="attached", timeout=20_000)


async def headline(page: Page, figure: str) -> str:
    return (await page.locator(f"[data-figure={figure}] .value").inner_text()).strip()


async def table_rows(page: Page, view: str) -> list[list[str]]:
    rows = page.locator(f"#{view} table tbody tr")
    return [
        [c.strip() for c in await rows.nth(i).locator("td").all_inner_texts()]
        for i in range(await rows.count())
    ]


async def report(
    http: httpx.AsyncClient, live: Live, role: str, name: str, **params: Any
) -> dict[str, Any]:
    answer = await http.get(f"/api/v1/reports/{name}", params=params, headers=live.headers(role))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def usd(amount: str) -> str:
    whole, cents = amount.split(".")
    return f"${int(whole):,}.{cents}"


async def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core, evaluated in the page (by the test, not the page's own policy)."""
    await page.evaluate(AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = await page.evaluate(
        """async () => {
            const result = await axe.run(document);
            return result.violations
                .filter((v) => ["serious", "critical"].includes(v.impact))
                .map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target)}));
        }"""
    )
    return found
