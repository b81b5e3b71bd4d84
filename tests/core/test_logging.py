"""Structured logs: one JSON object per line, carrying the request id, never a key."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from app.core.observability import JsonFormatter, TextFormatter
from tests.conftest import Keys


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("wps")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def _entries(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


async def test_logs_carry_the_request_id_and_never_a_secret(
    client: httpx.AsyncClient, keys: Keys, log_lines: io.StringIO
) -> None:
    secret = keys["analyst"]
    ok = await client.get(
        "/api/v1/partners/KEN",
        headers={"Authorization": f"Bearer {secret}", "X-Request-ID": "log-ok-1"},
    )
    assert ok.status_code == 200
    wrong = "wps_this-is-a-wrong-secret-0123456789abcdef"
    failed = await client.get(
        "/api/v1/partners/KEN",
        headers={"Authorization": f"Bearer {wrong}", "X-Request-ID": "log-fail-1"},
    )
    assert failed.status_code == 401
    created = await client.post(
        "/api/v1/api-keys",
        json={"name": "Embassy Accra", "role": "embassy", "partner": "GHA"},
        headers={**keys.headers("admin"), "X-Request-ID": "log-create-1"},
    )
    assert created.status_code == 201
    new_secret = created.json()["key"]
    generated = await client.get("/api/v1/programs", headers=keys.headers("integration"))

    raw = log_lines.getvalue()
    entries = _entries(log_lines)  # every line is one JSON object
    assert entries
    for needle in (secret, wrong, new_secret, keys["admin"], keys["integration"], "Bearer"):
        assert needle not in raw
    by_id = {e["request_id"]: e for e in entries if e.get("logger") == "wps.access"}
    assert by_id["log-ok-1"]["status"] == 200
    assert by_id["log-ok-1"]["route"] == "/api/v1/partners/{code}"
    assert by_id["log-fail-1"]["status"] == 401
    assert by_id["log-create-1"]["status"] == 201
    assert by_id[generated.headers["x-request-id"]]["status"] == 200
    for entry in entries:
        assert entry["level"] and entry["time"] and entry["message"]
        assert "authorization" not in json.dumps(entry).lower()


async def test_error_logs_name_the_error_type_not_its_text(
    client: httpx.AsyncClient, keys: Keys, log_lines: io.StringIO
) -> None:
    duplicate = await client.post(
        "/api/v1/programs",
        json={"code": "GPOI", "name": "Nominee Amina Odhiambo"},
        headers={**keys.headers("admin"), "X-Request-ID": "log-dup-1"},
    )
    assert duplicate.status_code == 409
    raw = log_lines.getvalue()
    assert "Amina" not in raw and "INSERT" not in raw
    assert any(e["request_id"] == "log-dup-1" for e in _entries(log_lines))


def test_text_format_carries_the_request_id() -> None:
    from app.core.context import request_id_var

    token = request_id_var.set("rid-text")
    try:
        record = logging.LogRecord("wps.test", logging.INFO, __file__, 1, "hello", (), None)
        record.route = "/api/v1/x"
        line = TextFormatter().format(record)
    finally:
        request_id_var.reset(token)
    assert line.startswith("INFO wps.test [rid-text] hello")
    assert "route=/api/v1/x" in line
