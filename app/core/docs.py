"""/docs and /redoc served with their own Swagger UI and ReDoc files, so they work offline."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse

# The fastapi-offline package ships Swagger UI (Apache-2.0) and ReDoc (MIT) builds with
# their licence headers; we use its files only.
ASSETS_DIR = files("fastapi_offline") / "static"
ASSETS_URL = "/docs/assets"
SWAGGER_JS = f"{ASSETS_URL}/swagger-ui-bundle.js"
SWAGGER_CSS = f"{ASSETS_URL}/swagger-ui.css"
REDOC_JS = f"{ASSETS_URL}/redoc.standalone.js"
FAVICON = f"{ASSETS_URL}/favicon.png"

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def content_security_policy(html: str) -> str:
    """Only this origin's files, plus the page's own inline bootstrap script by its hash.
    Both UIs set inline styles, and ReDoc runs its search in a blob: worker."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' {hashes}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def _page(app: FastAPI, path: str, page: HTMLResponse) -> None:
    """Serve a page built once (it depends on nothing in the request), with its policy."""
    html = bytes(page.body).decode()
    headers = {"Content-Security-Policy": content_security_policy(html)}

    async def show(request: Request) -> HTMLResponse:
        return HTMLResponse(html, headers=headers)

    # A plain route, like FastAPI's own docs pages: outside the API and its contract.
    app.add_route(path, show, methods=["GET"], include_in_schema=False)


def install_docs(app: FastAPI) -> None:
    """Mount the assets and the three pages; create the app with docs_url=redoc_url=None."""
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"
    app.mount(ASSETS_URL, StaticFiles(directory=str(ASSETS_DIR)), name="docs-assets")
    swagger = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=f"{app.title} - Swagger UI",
        swagger_js_url=SWAGGER_JS,
        swagger_css_url=SWAGGER_CSS,
        swagger_favicon_url=FAVICON,
        oauth2_redirect_url=redirect_url,
        # No call to the public validator service from a closed network.
        swagger_ui_parameters={"validatorUrl": None},
    )
    redoc = get_redoc_html(
        openapi_url=openapi_url,
        title=f"{app.title} - ReDoc",
        redoc_js_url=REDOC_JS,
        redoc_favicon_url=FAVICON,
        with_google_fonts=False,
    )
    _page(app, "/docs", swagger)
    _page(app, redirect_url, get_swagger_ui_oauth2_redirect_html())
    _page(app, "/redoc", redoc)
