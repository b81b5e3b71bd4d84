"""Advisory engagement and policy milestone bodies and requests for the tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

ENGAGEMENTS = "/api/v1/advisory-engagements"
MILESTONES = "/api/v1/policy-milestones"
IMPORTS = "/api/v1/imports/policy-milestones"


def engagement(**overrides: Any) -> dict[str, Any]:
    """DESIGN.md's example engagement."""
    body: dict[str, Any] = {
        "program": "GDRP",
        "partner": "UKR",
        "institution": "Ministry of Defence",
        "focus": ["wps_policy", "hr_reform"],
        "start_date": "2021-11-01",
        "end_date": "2022-06-30",
        "counterparts": {"women": 4, "men": 9, "unreported": 0},
    }
    body.update(overrides)
    return body


def milestone(**overrides: Any) -> dict[str, Any]:
    """DESIGN.md's example milestone."""
    body: dict[str, Any] = {
        "partner": "UKR",
        "program": "GDRP",
        "kind": "national_action_plan",
        "title": "National Action Plan on Women, Peace and Security, revised",
        "adopted_on": "2022-05-10",
        "evidence_ref": "Cabinet of Ministers order of 2022-05-10",
        "engagement": None,
    }
    body.update(overrides)
    return body


async def add(
    client: httpx.AsyncClient, keys: Keys, path: str, body: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(path, json=body, headers=keys.headers("admin"))
    assert response.status_code == 201, response.text
    return dict(response.json())
