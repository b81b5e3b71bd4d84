"""Bodies and requests shared by the indicator tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

INDICATORS = "/api/v1/indicators"


def manual(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "CWD-TEST-COUNT",
        "name": "Women deminers in CWD teams",
        "outcome": 3,
        "program": "CWD",
        "measure": "count",
        "direction": "increase",
        "aggregation": "per_period_sum",
        "source": "manual",
    }
    body.update(overrides)
    return body


async def create(client: httpx.AsyncClient, keys: Keys, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        INDICATORS, json=manual(**overrides), headers=keys.headers("admin")
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def post_result(
    client: httpx.AsyncClient,
    keys: Keys,
    code: str,
    expect: int = 201,
    role: str = "admin",
    **body: Any,
) -> httpx.Response:
    params = {"force": "true"} if body.pop("force", False) else None
    response = await client.post(
        f"{INDICATORS}/{code}/results", json=body, params=params, headers=keys.headers(role)
    )
    assert response.status_code == expect, response.text
    return response


async def move(
    client: httpx.AsyncClient,
    keys: Keys,
    code: str,
    result_id: int,
    to: str,
    role: str = "admin",
    expect: int = 200,
    **body: Any,
) -> httpx.Response:
    response = await client.post(
        f"{INDICATORS}/{code}/results/{result_id}/transitions",
        json={"to": to, **body},
        headers=keys.headers(role),
    )
    assert response.status_code == expect, response.text
    return response


async def post_approved(
    client: httpx.AsyncClient, keys: Keys, code: str, expect: int = 201, **body: Any
) -> httpx.Response:
    """A result entered and submitted by the integration key and approved by the admin key
    (two owners, as the four-eyes rule wants), so that progress counts it."""
    response = await post_result(client, keys, code, expect, "integration", **body)
    if response.status_code == 201:
        result_id = response.json()["id"]
        await move(client, keys, code, result_id, "submitted", role="integration")
        await move(client, keys, code, result_id, "approved")
    return response


async def put_target(
    client: httpx.AsyncClient, keys: Keys, code: str, year: int, value: Any, **extra: Any
) -> httpx.Response:
    response = await client.put(
        f"{INDICATORS}/{code}/targets/{year}",
        json={"value": value, **extra},
        headers=keys.headers("admin"),
    )
    assert response.status_code in (200, 201), response.text
    return response


async def progress(
    client: httpx.AsyncClient, keys: Keys, code: str, role: str = "analyst", **params: Any
) -> dict[int, dict[str, Any]]:
    response = await client.get(
        f"{INDICATORS}/{code}/progress", params=params, headers=keys.headers(role)
    )
    assert response.status_code == 200, response.text
    return {row["fiscal_year"]: row for row in response.json()["rows"]}


def pointers(response: httpx.Response) -> list[str]:
    return [e.get("pointer") or e.get("parameter") for e in response.json()["errors"]]
