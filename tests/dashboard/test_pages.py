"""/dashboard is public static content under a strict policy; the figures stay behind a key."""

from __future__ import annotations

import re
from importlib.resources import files
from urllib.parse import urlsplit

import httpx

from app.dashboard.pages import PAGE_URL

REFERENCE = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
STATIC = files("app.dashboard") / "static"


def policy(response: httpx.Response) -> dict[str, str]:
    parts = (
        p.strip().split(" ", 1) for p in response.headers["content-security-policy"].split(";")
    )
    return {name: value for name, value in parts}


async def test_the_page_loads_only_its_own_files_under_a_strict_policy(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get(PAGE_URL)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    rules = policy(page)
    assert rules["default-src"] == "'self'"
    assert rules["script-src"] == "'self'" and rules["style-src"] == "'self'"
    assert rules["connect-src"] == "'self'" and rules["frame-ancestors"] == "'none'"
    assert not any("unsafe" in v or "http" in v or "*" in v for v in rules.values()), rules
    assert page.headers["referrer-policy"] == "no-referrer"
    # Nothing inline for the policy to block: no inline script, style element or attribute.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text)
    assert "<style" not in page.text and "style=" not in page.text
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", page.text)  # no inline event handler
    loaded = [u for u in REFERENCE.findall(page.text) if not u.startswith(("#", "data:"))]
    assert {"/dashboard/static/dashboard.js", "/dashboard/static/dashboard.css"} <= set(loaded)
    for url in loaded:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url
        answer = await client.get(url)
        assert answer.status_code == 200, url


async def test_the_scripts_are_shipped_in_the_package_and_use_no_other_origin(
    client: httpx.AsyncClient,
) -> None:
    scripts = [p for p in STATIC.iterdir() if p.name.endswith(".js")]
    assert {p.name for p in scripts} == {"dashboard.js", "charts.js", "factsheet.js"}
    for script in scripts:
        served = await client.get(f"/dashboard/static/{script.name}")
        assert served.headers["content-type"].startswith("text/javascript")
        assert served.text == script.read_text(encoding="utf-8")
        # No address of another origin, no cookie, no key in a URL, no inline style attribute.
        assert "http://" not in served.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in served.text and "document.cookie" not in served.text
        assert 'setAttribute("style"' not in served.text and "innerHTML" not in served.text
    main = (STATIC / "dashboard.js").read_text(encoding="utf-8")
    assert "sessionStorage" in main and "localStorage" not in main
    assert "Authorization: `Bearer ${key}`" in main


async def test_the_page_needs_no_key_but_the_figures_do(client: httpx.AsyncClient) -> None:
    assert (await client.get(PAGE_URL)).status_code == 200
    assert (await client.get("/dashboard/static/dashboard.css")).status_code == 200
    refused = await client.get("/api/v1/reports/women-trained")
    assert refused.status_code == 401
    assert (await client.get("/dashboard/static/../../main.py")).status_code == 404
