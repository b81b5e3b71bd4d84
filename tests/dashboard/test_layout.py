"""The dashboard's layout as a person reads it: no text under 11 CSS px on a 390 px phone
(SVG labels measured as rendered), headline figures on one line at 1366 px, chart labels
inside their charts, distinct axis labels, and legends that list only what is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page

from tests.dashboard.conftest import Live, serious_violations, sign_in

SMALLEST_PX = 11

# Every visible text node: its computed font-size and, for SVG text, the size it is drawn at
# (font-size scaled by the SVG's transform to the screen) and its rendered box.
TEXT_SIZES = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
    const element = node.parentElement;
    const style = getComputedStyle(element);
    if (style.visibility !== "visible") continue;
    const size = parseFloat(style.fontSize);
    const seen = { text: node.textContent.trim().slice(0, 40), size, drawn: size, box: null };
    if (element instanceof SVGElement) {
      const ctm = element.getScreenCTM();
      seen.drawn = size * Math.hypot(ctm.a, ctm.b);
      seen.box = element.getBoundingClientRect().height;
      seen.svg = true;
    }
    found.push(seen);
  }
  return found;
}"""

# Chart labels that stick out of their chart (clipped by the SVG's edge).
OUTSIDE = """() => [...document.querySelectorAll("figure.chart > svg")].flatMap((svg) => {
  const frame = svg.getBoundingClientRect();
  return [...svg.querySelectorAll("text")]
    .filter((t) => {
      const box = t.getBoundingClientRect();
      return box.left < frame.left - 0.5 || box.right > frame.right + 0.5
        || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5;
    })
    .map((t) => t.textContent);
})"""


async def text_too_small(page: Page) -> tuple[list[dict[str, Any]], int]:
    seen: list[dict[str, Any]] = await page.evaluate(TEXT_SIZES)
    small = [
        t
        for t in seen
        if t["size"] < SMALLEST_PX
        or t["drawn"] < SMALLEST_PX
        or (t["box"] is not None and t["box"] < SMALLEST_PX)
    ]
    return small, sum(1 for t in seen if t.get("svg"))


async def test_no_text_is_under_11_px_on_a_phone(
    browser: Browser, live: Live, output: Path
) -> None:
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await context.new_page()
    for role, query in (("analyst", ""), ("analyst", "?program=GPOI"), ("embassy", "")):
        await sign_in(page, live, live.keys[role], query=query)
        shot = (
            output / f"{live.backend}-phone-{role}{query.replace('?', '-').replace('=', '-')}.png"
        )
        await page.screenshot(path=str(shot), full_page=True)
        for view in ("women-trained", "scorecard"):
            await page.locator(f"#{view}").screenshot(
                path=str(shot).replace(".png", f"-{view}.png")
            )
        small, svg_texts = await text_too_small(page)
        assert svg_texts > 20, "the charts' labels were measured"
        assert small == [], (role, query, small)
        assert await page.evaluate(OUTSIDE) == [], (role, query)
        assert await page.evaluate("document.documentElement.scrollWidth") <= 390
        assert await serious_violations(page) == []
        await page.get_by_role("button", name="Sign out").click()
    await context.close()


async def test_charts_reflow_when_the_window_narrows(browser: Browser, live: Live) -> None:
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    await sign_in(page, live, live.keys["analyst"])
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.wait_for_function(
        "[...document.querySelectorAll('figure.chart > svg')]"
        ".every((svg) => svg.viewBox.baseVal.width <= 390)"
    )
    small, _ = await text_too_small(page)
    assert small == []
    await context.close()


async def test_on_a_wide_screen_figures_stay_whole_and_labels_inside(
    browser: Browser, live: Live
) -> None:
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    await sign_in(page, live, live.keys["analyst"])
    # Each headline figure on one line, inside its card (never broken inside the number), even
    # nine-digit dollars in a quarter of the page.
    values = await page.locator(".figure .value").evaluate_all(
        """(values) => values.map((v) => {
            const range = document.createRange();
            range.selectNodeContents(v);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return { text: v.textContent, lines: lines.size, fits: v.scrollWidth <= v.clientWidth };
        })"""
    )
    assert len(values) >= 4
    assert [v for v in values if v["lines"] != 1 or not v["fits"]] == [], values
    assert any(v["text"] == "$123,781,789.50" for v in values)
    # The longest indicator codes are drawn whole inside the scorecard's charts.
    codes = await page.locator("#scorecard svg text").all_text_contents()
    assert "GDRP-WOMEN-COUNTERPARTS" in codes
    assert await page.evaluate(OUTSIDE) == []
    await context.close()


async def test_axes_never_repeat_a_label_and_legends_list_only_what_is_drawn(
    browser: Browser, live: Live
) -> None:
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    await sign_in(page, live, live.keys["analyst"])
    drawn = await page.evaluate(
        """async () => {
            const { columnChart } = await import("/dashboard/static/charts.js");
            const chart = columnChart({
                title: "All zero", summary: "Nothing yet", categories: ["A", "B"],
                series: [
                    { name: "Share", kind: "bar", values: [0, 0] },
                    { name: "Target", kind: "line", values: [null, null] },
                ],
                format: (v) => `${Math.round(v)}%`, width: 600,
            });
            return {
                ticks: [...chart.querySelectorAll(".grid text")].map((t) => t.textContent),
                legend: [...chart.querySelectorAll(".legend li")].map((li) => li.textContent),
            };
        }"""
    )
    ticks = [t for t in drawn["ticks"] if t.endswith("%")]
    assert ticks[0] == "0%" and len(ticks) == len(set(ticks)) >= 2, ticks
    assert drawn["legend"] == ["Share"]
    await context.close()

    # An embassy's women-trained chart with a program: its own country has no target, so the
    # legend lists no target line and the page says why.
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    await sign_in(page, live, live.keys["embassy"], query="?program=GPOI")
    legend = await page.locator("#women-trained .legend li").all_inner_texts()
    assert legend and not [e for e in legend if "Target" in e], legend
    lines = await page.locator("#women-trained svg polyline, #women-trained svg circle").count()
    assert lines > 0  # the cumulative line is drawn, and listed
    note = await page.locator("#women-trained .note").inner_text()
    assert note == "No target line: GPOI-WOMEN-TRAINED has no target for these years."
    await context.close()
