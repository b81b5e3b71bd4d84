"""Training center and facility upgrade bodies and requests for the tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

CENTERS = "/api/v1/training-centers"
UPGRADES = "/api/v1/facility-upgrades"
IMPORTS = "/api/v1/imports/facility-upgrades"


def center(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "GHA-KAIPTC",
        "name": "Kofi Annan International Peacekeeping Training Centre",
        "partner": "GHA",
        "location": "Accra",
    }
    body.update(overrides)
    return body


def upgrade(**overrides: Any) -> dict[str, Any]:
    """DESIGN.md's example upgrade, planned."""
    body: dict[str, Any] = {
        "training_center": "GHA-KAIPTC",
        "program": "GPOI",
        "features": ["accommodation", "bathrooms", "showers"],
        "women_beds_added": 24,
        "status": "planned",
        "completed_on": None,
        "cost_usd": "125000.00",
    }
    body.update(overrides)
    return body


async def add_center(client: httpx.AsyncClient, keys: Keys, **overrides: Any) -> dict[str, Any]:
    response = await client.post(CENTERS, json=center(**overrides), headers=keys.headers("admin"))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def add_upgrade(
    client: httpx.AsyncClient, keys: Keys, role: str = "admin", **overrides: Any
) -> httpx.Response:
    response = await client.post(UPGRADES, json=upgrade(**overrides), headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return response


async def patch(
    client: httpx.AsyncClient, keys: Keys, path: str, body: dict[str, Any]
) -> httpx.Response:
    """PATCH with the ETag just read."""
    admin = keys.headers("admin")
    etag = (await client.get(path, headers=admin)).headers["etag"]
    return await client.patch(path, json=body, headers={**admin, "If-Match": etag})
