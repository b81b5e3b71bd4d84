"""The dashboard in a real browser: signing in, filters, downloads, an embassy's view."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from playwright.async_api import Browser

from tests.dashboard.conftest import (
    NO_FIGURE,
    VIEWS,
    Live,
    headline,
    reload_with_filters,
    report,
    serious_violations,
    sign_in,
    table_rows,
    usd,
)


async def test_an_analyst_sees_the_figures_filters_downloads_and_signs_out(
    browser: Browser, live: Live, api: httpx.AsyncClient, output: Path
) -> None:
    context = await browser.new_context(
        viewport={"width": 1200, "height": 900}, accept_downloads=True
    )
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if m.type == "error" else None)
    await sign_in(page, live, live.keys["analyst"])
    assert live.keys["analyst"] not in page.url

    # The figures shown are the API's, for the same key and filters.
    women = await report(api, live, "analyst", "women-trained", group_by="fiscal_year")
    assert women["totals"]["women"] == 4 + 7 + 9 + 12 + 15 + 5 + 3 + 2
    assert await headline(page, "women") == f"{women['totals']['women']:,}"
    shown = await table_rows(page, "women-trained")
    assert [(r[0], r[1], r[6]) for r in shown] == [
        (str(r["fiscal_year"]), f"{r['women']:,}", f"{r['cumulative_women']:,}")
        for r in women["rows"]
    ]
    funding = await report(api, live, "analyst", "funding", group_by="fiscal_year,purpose")
    assert funding["totals"]["amount_usd"] == "123781789.50"
    assert await headline(page, "funding") == usd(funding["totals"]["amount_usd"])
    parity = await report(api, live, "analyst", "imet-parity")
    assert parity["totals"]["women_share_pct"] == 66.7
    assert await headline(page, "imet") == "66.7%"
    assert [r[0] for r in await table_rows(page, "imet-parity")] == ["GHA", "KEN"]
    share = await report(api, live, "analyst", "peacekeeping-share", program="GPOI")
    assert await headline(page, "peacekeeping") == f"{share['women_share_pct']:.1f}%"
    assert len(await table_rows(page, "peacekeeping")) == 3  # July to September 2021
    # Every figure says how it is computed, from what, and as of when.
    women_card = page.locator("[data-figure=women]")
    await women_card.locator("summary").click()
    assert "cumulative_women is the running sum" in await women_card.inner_text()
    assert "As of " in await women_card.inner_text()
    # Every chart is an image with a text alternative.
    charts = page.locator("figure.chart > svg[role=img]")
    assert await charts.count() >= 5
    for i in range(await charts.count()):
        described = await charts.nth(i).get_attribute("aria-labelledby")
        assert described and len(described.split()) == 2
    await page.screenshot(path=str(output / f"{live.backend}-dashboard.png"), full_page=True)

    # A filter: the program. The address keeps it (and never the key).
    await page.get_by_label("Program", exact=True).select_option("GPOI")
    await reload_with_filters(page)
    assert "program=GPOI" in page.url and live.keys["analyst"] not in page.url
    gpoi = await report(
        api, live, "analyst", "women-trained", program="GPOI", group_by="fiscal_year"
    )
    assert gpoi["totals"]["women"] == women["totals"]["women"] - 5
    assert await headline(page, "women") == f"{gpoi['totals']['women']:,}"
    target_column = [r[7] for r in await table_rows(page, "women-trained")]
    assert target_column == [NO_FIGURE, "30", "60"]
    assert await headline(page, "funding") == "$123,706,789.50"
    for view in VIEWS:
        await page.locator(f"#{view}").screenshot(path=str(output / f"{live.backend}-{view}.png"))
    bottom = await page.locator("#women-trained figure.chart").evaluate(
        "(chart) => chart.getBoundingClientRect().bottom + window.scrollY"
    )
    overview = {"x": 0, "y": 0, "width": 1200, "height": bottom + 16}
    await page.screenshot(
        path=str(output / f"{live.backend}-overview.png"), full_page=True, clip=overview
    )

    # The shared address opens the same view in another tab, after its own sign-in.
    other = await context.new_page()
    await sign_in(other, live, live.keys["analyst"], query="?program=GPOI")
    assert await other.get_by_label("Program", exact=True).input_value() == "GPOI"
    assert await headline(other, "women") == f"{gpoi['totals']['women']:,}"
    await other.close()

    # The CSV downloaded is the table shown: the report's own CSV and the target column.
    async with page.expect_download() as started:
        await page.get_by_role("button", name="Download CSV: women trained").click()
    download = await started.value
    assert download.suggested_filename == "women-trained.csv"
    saved = await asyncio.to_thread(Path(await download.path()).read_text)
    expected = await api.get(
        "/api/v1/reports/women-trained",
        params={"program": "GPOI", "group_by": "fiscal_year", "format": "csv"},
        headers=live.headers("analyst"),
    )
    targets = ["target", "", "30", "60"]
    assert saved.splitlines() == [
        f"{line},{target}" for line, target in zip(expected.text.splitlines(), targets, strict=True)
    ]

    assert await serious_violations(page) == []
    assert not [m for m in blocked if "Content Security Policy" in m], blocked
    assert await context.cookies() == []

    # Signing out forgets the key: the sign-in form is back and no figure is left on the page.
    await page.get_by_role("button", name="Sign out").click()
    await page.wait_for_selector("body[data-state=signed-out]", state="attached")
    assert await page.get_by_label("API key", exact=True).is_visible()
    assert await page.evaluate("sessionStorage.length") == 0
    assert await page.locator("[data-figure]").count() == 0

    # A key the service refuses (401) returns to the sign-in with a message.
    await page.get_by_label("API key", exact=True).fill("wps_" + "x" * 40)
    await page.evaluate("document.body.dataset.state = 'stale'")
    await page.locator("#sign-in-form button").click()
    await page.wait_for_selector("body[data-state=signed-out]", state="attached")
    assert "did not accept" in await page.locator("#sign-in-message").inner_text()
    await context.close()


async def test_an_embassy_key_sees_only_its_country_on_a_narrow_screen(
    browser: Browser, live: Live, api: httpx.AsyncClient, output: Path
) -> None:
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await context.new_page()
    # By keyboard alone: the page opens with the key field focused; Enter signs in.
    await page.goto(f"{live.base_url}/dashboard")
    assert await page.evaluate("document.activeElement.id") == "api-key"
    await page.keyboard.type(live.keys["embassy"])
    await page.keyboard.press("Enter")
    await page.wait_for_selector("body[data-state=ready]", state="attached", timeout=20_000)
    summary = page.locator("[data-figure=women] summary")
    await summary.focus()
    await page.keyboard.press("Enter")
    assert await page.locator("[data-figure=women] details").get_attribute("open") is not None

    own = await report(api, live, "embassy", "women-trained", group_by="fiscal_year")
    everyone = await report(api, live, "analyst", "women-trained", group_by="fiscal_year")
    assert own["totals"]["women"] == 4 + 9 + 15 + 3 < everyone["totals"]["women"]
    assert await headline(page, "women") == f"{own['totals']['women']:,}"
    assert [r[0] for r in await table_rows(page, "imet-parity")] == ["KEN"]
    assert await headline(page, "imet") == "50.0%"
    # The page says who is signed in, and offers the embassy its own country alone.
    who = await page.locator("#who").inner_text()
    assert who == "Signed in as dashboard embassy (embassy, KEN)"
    partners = page.locator("#f-partner option")
    assert await partners.evaluate_all("(options) => options.map((o) => o.value)") == ["KEN"]
    # UN peacekeeping figures are not an embassy's to read: the view says so in the API's words.
    refused = await api.get("/api/v1/peacekeeping/snapshots", headers=live.headers("embassy"))
    assert refused.status_code == 403
    view = await page.locator("#peacekeeping .body").inner_text()
    assert view == f"The service refused this view (HTTP 403): {refused.json()['detail']}"
    assert await page.locator("[data-figure=peacekeeping]").count() == 0
    status = await page.locator("#load-message").inner_text()
    assert "loaded" not in status and "Peacekeeping share over UN snapshots" in status
    assert await page.get_attribute("body", "data-failed") == "1"

    # Usable on a narrow screen: nothing wider than the viewport but the scrolling tables.
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    await page.screenshot(path=str(output / f"{live.backend}-embassy-narrow.png"), full_page=True)
    assert await serious_violations(page) == []

    # Another country, asked through the address: every view shows the API's refusal, and
    # the status line never says the figures loaded.
    await page.goto(f"{live.base_url}/dashboard?partner=GHA")
    await page.wait_for_selector("body[data-state=ready]", state="attached", timeout=20_000)
    other = await api.get(
        "/api/v1/reports/women-trained", params={"partner": "GHA"}, headers=live.headers("embassy")
    )
    assert other.status_code == 403
    for name in VIEWS[1:]:
        text = await page.locator(f"#{name} .body").inner_text()
        assert text.startswith("The service refused this view (HTTP 403): "), (name, text)
    women_view = await page.locator("#women-trained .body").inner_text()
    assert women_view.endswith(other.json()["detail"])
    assert await page.get_attribute("body", "data-failed") == str(len(VIEWS) - 1)
    assert "loaded" not in await page.locator("#load-message").inner_text()
    assert await page.locator("#f-partner").input_value() == "KEN"
    assert await serious_violations(page) == []
    await context.close()
