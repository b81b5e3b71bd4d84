"""CWD team and roster bodies and requests for the tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

TEAMS = "/api/v1/cwd-teams"
IMPORTS = "/api/v1/imports/cwd-teams"
REPORT = "/api/v1/reports/cwd-teams"


def team(**overrides: Any) -> dict[str, Any]:
    """DESIGN.md's example team (in Kenya, where the tests' embassy key is)."""
    body: dict[str, Any] = {
        "name": "Team 7",
        "activity": "clearance",
        "partner": "KEN",
        "formed_on": "2021-03-01",
        "disbanded_on": None,
    }
    body.update(overrides)
    return body


def members(women: int = 0, men: int = 0, leaders: int = 0) -> list[dict[str, Any]]:
    """A roster: `leaders` women team leaders, then deminers (the rest of the women, the men)."""
    listed: list[dict[str, Any]] = []
    if leaders:
        listed.append({"role": "team_leader", "women": leaders, "men": 0, "unreported": 0})
    listed.append({"role": "deminer", "women": women - leaders, "men": men})
    return listed


async def make_team(
    client: httpx.AsyncClient, keys: Keys, role: str = "admin", **overrides: Any
) -> dict[str, Any]:
    response = await client.post(TEAMS, json=team(**overrides), headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def post_roster(
    client: httpx.AsyncClient,
    keys: Keys,
    team_id: int,
    as_of: str,
    listed: list[dict[str, Any]],
    role: str = "admin",
) -> httpx.Response:
    return await client.post(
        f"{TEAMS}/{team_id}/rosters",
        json={"as_of": as_of, "members": listed},
        headers=keys.headers(role),
    )


async def roster(
    client: httpx.AsyncClient, keys: Keys, team_id: int, as_of: str, listed: list[dict[str, Any]]
) -> dict[str, Any]:
    response = await post_roster(client, keys, team_id, as_of, listed)
    assert response.status_code == 201, response.text
    return dict(response.json())
