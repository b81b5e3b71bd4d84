"""Every figure the dashboard shows equals the API's answer for the same filters: the headline
cards, the women-trained table and chart (running totals from the indicator's own first year,
targets), IMET parity, funding and the scorecard, for three sets of filters."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from playwright.async_api import Browser, Page

from tests.dashboard.conftest import (
    NO_FIGURE,
    Live,
    headline,
    report,
    serious_violations,
    sign_in,
    table_rows,
    usd,
)

WOMEN_FILTERS = ("program", "partner", "region", "from_fy", "to_fy")
INDICATOR = "GPOI-WOMEN-TRAINED"


def figure(text: str | None) -> str:
    """A figure as the page writes the API's decimal string: thousands separators."""
    if text is None:
        return NO_FIGURE
    whole, _, decimals = text.partition(".")
    return f"{int(whole):,}" + (f".{decimals}" if decimals else "")


def count(value: int | None) -> str:
    return NO_FIGURE if value is None else f"{value:,}"


def pct(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.1f}%"


def pick(filters: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: filters[n] for n in names if n in filters}


async def running_totals(
    api: httpx.AsyncClient, live: Live, filters: dict[str, Any], years: list[int]
) -> tuple[int, dict[int, int], dict[int, str | None]]:
    """Where the running totals start, the running total by year and the target by year: from
    the indicator's progress when the filters name one (and, by a second route, the report
    counted from that year), else from the report over every year on record."""
    params = pick(filters, *WOMEN_FILTERS)
    if filters.get("program") == "GPOI" and "region" not in filters:
        answer = await api.get(
            f"/api/v1/indicators/{INDICATOR}/progress",
            params={"from_fy": years[0], "to_fy": years[-1], **pick(filters, "partner")},
            headers=live.headers("analyst"),
        )
        progress = answer.json()
        base = progress["cumulative_from_fy"]
        assert base is not None and base <= years[0]
        since = await report(
            api, live, "analyst", "women-trained", group_by="fiscal_year",
            **{**params, "from_fy": base},
        )  # fmt: skip
        by_year = {r["fiscal_year"]: r["cumulative_women"] for r in since["rows"]}
        for row in progress["rows"]:
            if row["fiscal_year"] in by_year:  # the two routes agree
                assert int(row["actual"]) == by_year[row["fiscal_year"]]
        targets = {r["fiscal_year"]: r["target"] for r in progress["rows"]}
        return base, by_year, targets
    params.pop("from_fy", None)
    every = await report(api, live, "analyst", "women-trained", group_by="fiscal_year", **params)
    by_year = {r["fiscal_year"]: r["cumulative_women"] for r in every["rows"]}
    return every["rows"][0]["fiscal_year"], by_year, {}


async def check_women_trained(
    page: Page, api: httpx.AsyncClient, live: Live, filters: dict[str, Any]
) -> dict[int, int]:
    women = await report(
        api, live, "analyst", "women-trained", group_by="fiscal_year",
        **pick(filters, *WOMEN_FILTERS),
    )  # fmt: skip
    assert await headline(page, "women") == count(women["totals"]["women"])
    rows = women["rows"]
    years = [r["fiscal_year"] for r in rows]
    base, running, targets = await running_totals(api, live, filters, years)
    expected = [
        [
            str(r["fiscal_year"]),
            count(r["women"]),
            count(r["men"]),
            count(r["unreported"]),
            count(r["total"]),
            pct(r["women_share_pct"]),
            count(running[r["fiscal_year"]]),
            figure(targets.get(r["fiscal_year"])),
        ]
        for r in rows
    ]
    assert await table_rows(page, "women-trained") == expected
    header = await page.locator("#women-trained th").all_inner_texts()
    assert f"Cumulative women since FY{base}" in header
    # The chart says the same running total and target as the table.
    caption = await page.locator("#women-trained figcaption").inner_text()
    last = years[-1]
    said = f"{count(running[last])} cumulative since FY{base}"
    if targets.get(last) is not None:
        said += f" against a target of {figure(targets[last])}"
    assert f"FY{last}: {count(rows[-1]['women'])} women, {said}." in caption
    return {year: running[year] for year in years}


async def check_scorecard(
    page: Page, api: httpx.AsyncClient, live: Live, filters: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    params = {**pick(filters, "program", "partner")}
    if "to_fy" in filters:
        params["fiscal_year"] = filters["to_fy"]
    card = await report(api, live, "analyst", "scorecard", **params)
    items = [i for outcome in card["outcomes"] for i in outcome["indicators"]]
    names = {"on_track": "on track", "behind": "behind", "no_target": "no target"}
    shown = [r for r in await table_rows(page, "scorecard") if len(r) > 1]
    assert shown == [
        [
            i["code"],
            i["name"],
            figure(i["target"]),
            figure(i["actual"]),
            pct(i["pct_of_target"]),
            names[i["status"]],
        ]
        for i in items
    ]
    # Each bar says its percent of target; an actual with no target shows the actual.
    said = await page.locator("#scorecard svg text").all_text_contents()
    for i in items:
        if i["pct_of_target"] is not None:
            assert pct(i["pct_of_target"]) in said
        elif i["actual"] is not None:
            note = ", no target" if i["status"] == "no_target" else ""
            assert f"actual {figure(i['actual'])}{note}" in said, (i["code"], said)
    on_track = sum(i["status"] == "on_track" for i in items)
    with_target = sum(i["status"] != "no_target" for i in items)
    assert await headline(page, "scorecard") == f"{on_track} of {with_target}"
    return {i["code"]: i for i in items}


async def check_funding_and_parity(
    page: Page, api: httpx.AsyncClient, live: Live, filters: dict[str, Any]
) -> None:
    params = pick(filters, "program", "partner", "from_fy", "to_fy")
    funding = await report(
        api, live, "analyst", "funding", group_by="fiscal_year,purpose", **params
    )
    assert await headline(page, "funding") == usd(funding["totals"]["amount_usd"])
    assert await table_rows(page, "funding") == [
        [
            str(r["fiscal_year"]),
            "no purpose" if r["purpose"] is None else r["purpose"].replace("_", " "),
            usd(r["amount_usd"]),
            count(r["records"]),
        ]
        for r in funding["rows"]
    ] or [["No figures for these filters."]]
    year = {"fiscal_year": filters["to_fy"]} if "to_fy" in filters else {}
    parity = await report(api, live, "analyst", "imet-parity", **year, **pick(filters, "partner"))
    assert await headline(page, "imet") == pct(parity["totals"]["women_share_pct"])
    assert [r[:4] for r in await table_rows(page, "imet-parity")] == [
        [r["partner"], count(r["nominations"]), count(r["women"]), pct(r["women_share_pct"])]
        for r in parity["rows"]
    ] or [["No figures for these filters."]]


async def check_peacekeeping(
    page: Page, api: httpx.AsyncClient, live: Live, filters: dict[str, Any]
) -> None:
    program = filters.get("program", "GPOI")
    window = {}
    if "from_fy" in filters:
        window["from_date"] = f"{filters['from_fy'] - 1}-10-01"
    if "to_fy" in filters:
        window["to_date"] = f"{filters['to_fy']}-09-30"
    listed = await api.get(
        "/api/v1/peacekeeping/snapshots", params=window, headers=live.headers("analyst")
    )
    dates = sorted({s["reporting_date"] for s in listed.json()["items"]})
    if not dates:
        assert await page.locator("[data-figure=peacekeeping]").count() == 0
        assert "No UN snapshot in this range." in await page.locator("#peacekeeping").inner_text()
        return
    share = await report(
        api, live, "analyst", "peacekeeping-share", program=program, as_of=dates[-1]
    )
    assert await headline(page, "peacekeeping") == pct(share["women_share_pct"])
    assert len(await table_rows(page, "peacekeeping")) == len(dates)


def filter_sets(fy: int) -> list[dict[str, Any]]:
    return [
        {},
        # The range starts after GPOI's first year on record: the running total must not.
        {"program": "GPOI", "from_fy": fy - 1, "to_fy": fy},
        {"program": "GPOI", "partner": "KEN", "from_fy": fy, "to_fy": fy},
    ]


@pytest.mark.parametrize("which", [0, 1, 2])
async def test_every_figure_shown_is_the_apis_for_the_same_filters(
    browser: Browser, live: Live, api: httpx.AsyncClient, which: int
) -> None:
    filters = filter_sets(live.fiscal_year)[which]
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    await sign_in(page, live, live.keys["analyst"], query=f"?{urlencode(filters)}")
    assert await page.locator("#load-message").inner_text() == "Figures loaded."

    running = await check_women_trained(page, api, live, filters)
    scorecard = await check_scorecard(page, api, live, filters)
    await check_funding_and_parity(page, api, live, filters)
    await check_peacekeeping(page, api, live, filters)
    if filters.get("program") == "GPOI":
        # The chart and the scorecard on the same page state one running total.
        fy = filters["to_fy"]
        assert running[fy] == int(scorecard[INDICATOR]["actual"])
    assert await serious_violations(page) == []
    await context.close()
