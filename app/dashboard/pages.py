"""/dashboard and its files, shipped in the package and served under a strict
Content-Security-Policy: this origin's scripts, styles and API only, nothing inline."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

STATIC_DIR = files("app.dashboard") / "static"
PAGE_URL = "/dashboard"
FACT_SHEET_URL = "/dashboard/fact-sheet"
ASSETS_URL = "/dashboard/static"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)

# The key lives in the tab's sessionStorage: no referrer carries a URL elsewhere, no frame
# embeds the page.
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}


def _page(name: str) -> Callable[[Request], Awaitable[HTMLResponse]]:
    """A route answering the static page `name` under the page's policy."""
    html = (STATIC_DIR / name).read_text(encoding="utf-8")

    async def show(request: Request) -> HTMLResponse:
        return HTMLResponse(html, headers=HEADERS)

    return show


class DashboardFiles(StaticFiles):
    """The dashboard's scripts and styles, each answered with the page's policy."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(HEADERS)
        return response


def install_dashboard(app: FastAPI) -> None:
    """Serve the pages (outside the API and its contract) and mount their files: the
    dashboard, and the printable fact sheet."""
    for url, name in ((PAGE_URL, "index.html"), (FACT_SHEET_URL, "factsheet.html")):
        app.add_route(url, _page(name), methods=["GET"], include_in_schema=False)
    app.mount(ASSETS_URL, DashboardFiles(directory=str(STATIC_DIR)), name="dashboard-assets")
