"""/docs and /redoc work offline: every file they load comes from the service itself."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx
import pytest

# Where a page says what to load: src=, href=, url:, spec-url=
REFERENCE = re.compile(r"""(?:src|href|spec-url)=["']([^"']+)["']|url:\s*'([^']+)'""")
CONTENT_TYPES = {
    ".js": ("text/javascript", "application/javascript"),
    ".css": ("text/css",),
    ".png": ("image/png",),
    ".json": ("application/json",),
}


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_only_local_files(client: httpx.AsyncClient, page: str) -> None:
    shown = await client.get(page)
    assert shown.status_code == 200
    assert shown.headers["content-type"].startswith("text/html")
    urls = [a or b for a, b in REFERENCE.findall(shown.text)]
    assert any(u.endswith(".js") for u in urls), urls
    assert "/openapi.json" in urls
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc and url.startswith("/"), url
        loaded = await client.get(url)
        assert loaded.status_code == 200, url
        suffix = "." + url.rsplit(".", 1)[-1]
        assert loaded.headers["content-type"].split(";")[0] in CONTENT_TYPES[suffix], url
        assert len(loaded.content) > 1000, url
    policy = dict(
        part.strip().split(" ", 1)
        for part in shown.headers["content-security-policy"].split(";")
        if " " in part.strip()
    )
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'self'"
    for directive in ("script-src", "style-src", "img-src", "connect-src", "font-src"):
        assert "http" not in policy[directive] and "*" not in policy[directive], directive
    # The inline bootstrap script is allowed by its hash, never by 'unsafe-inline'.
    assert "'unsafe-inline'" not in policy["script-src"]
    if "<script>" in shown.text:
        assert "'sha256-" in policy["script-src"]


async def test_swagger_ui_calls_no_validator_service(client: httpx.AsyncClient) -> None:
    shown = await client.get("/docs")
    assert '"validatorUrl": null' in shown.text
    assert "cdn." not in shown.text and "fonts.googleapis" not in (await client.get("/redoc")).text
