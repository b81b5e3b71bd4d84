"""`wps serve`'s log: one format for every line, uvicorn's own included; access lines name the
route template, the documentation's routes too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from tests.live import running_service

ADMIN_KEY = "wps_server-logs-admin-key-0123456789"
REQUESTS = {
    "/docs": "/docs",
    "/redoc": "/redoc",
    "/openapi.json": "/openapi.json",
    "/docs/assets/swagger-ui.css": "/docs/assets/{path}",
    "/dashboard": "/dashboard",
    "/dashboard/static/dashboard.js": "/dashboard/static/{path}",
    "/healthz": "/healthz",
    "/api/v1/partners/KEN": "/api/v1/partners/{code}",
    "/nowhere": "unmatched",
}


def exercise(base_url: str) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    for path in REQUESTS:
        httpx.get(base_url + path, headers=headers, timeout=30)


def test_every_line_is_json_with_real_routes(tmp_path: Path) -> None:
    with running_service(tmp_path, WPS_BOOTSTRAP_ADMIN_KEY=ADMIN_KEY) as service:
        exercise(service.base_url)
    lines = [line for line in service.stderr.splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    loggers = {e["logger"] for e in entries}
    assert {"uvicorn.error", "wps.access"} <= loggers, loggers
    assert any("Uvicorn running on" in e["message"] for e in entries)
    assert not any("color_message" in e for e in entries)
    routes = {e["route"] for e in entries if e["logger"] == "wps.access"}
    assert set(REQUESTS.values()) <= routes, routes
    assert ADMIN_KEY not in service.stderr


def test_text_format_for_every_line(tmp_path: Path) -> None:
    with running_service(
        tmp_path, WPS_BOOTSTRAP_ADMIN_KEY=ADMIN_KEY, WPS_LOG_FORMAT="text"
    ) as service:
        exercise(service.base_url)
    lines = [line for line in service.stderr.splitlines() if line.strip()]
    shape = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+ \[[^\]]*\] ")
    assert lines
    for line in lines:
        assert shape.match(line), line
    assert any(line.startswith("INFO uvicorn.error ") for line in lines)
    assert any("route=/openapi.json" in line for line in lines)


def test_a_first_admin_key_is_printed_on_stdout_not_in_the_log(tmp_path: Path) -> None:
    with running_service(tmp_path) as service:
        pass
    out = service.stdout.splitlines()
    assert "No admin key existed; created one (shown only now):" in out
    secret = out[out.index("No admin key existed; created one (shown only now):") + 1]
    assert secret.startswith("wps_")
    assert secret not in service.stderr
    for line in service.stderr.splitlines():
        json.loads(line)
