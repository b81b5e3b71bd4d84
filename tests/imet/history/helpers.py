"""IMET history bodies and requests for the tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

HISTORY = "/api/v1/imet-history"
IMPORTS = "/api/v1/imports/imet-history"


def history(**overrides: Any) -> dict[str, Any]:
    """DESIGN.md's example record."""
    body: dict[str, Any] = {
        "fiscal_year": 2016,
        "partner": "KEN",
        "women": 3,
        "men": 41,
        "source": "PM/SA IMET completions data call, FY2016",
        "source_ref": "IMET-FY16-KEN",
    }
    body.update(overrides)
    return body


async def record(
    client: httpx.AsyncClient, keys: Keys, role: str = "admin", **overrides: Any
) -> httpx.Response:
    """POST one history record and return the 201 (asserted)."""
    response = await client.post(HISTORY, json=history(**overrides), headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return response
