"""Implementer and project bodies and requests for the tests."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from app.projects.schemas import ImplementerCreate, ProjectCreate
from tests.conftest import Keys

IMPLEMENTERS = "/api/v1/implementers"
PROJECTS = "/api/v1/projects"


def implementer(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(ImplementerCreate.example or {})  # the contract's
    body.update(overrides)
    return body


def project(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(ProjectCreate.example or {})  # the contract's
    body.update(overrides)
    return body


async def make_project(
    client: httpx.AsyncClient, keys: Keys, *, implementer_code: str = "HALO", **overrides: Any
) -> dict[str, Any]:
    """POST the implementer (if new) and a project; return the project (201 asserted)."""
    admin = keys.headers("admin")
    made = await client.post(IMPLEMENTERS, json=implementer(code=implementer_code), headers=admin)
    assert made.status_code in (201, 409), made.text
    response = await client.post(
        PROJECTS, json=project(implementer=implementer_code, **overrides), headers=admin
    )
    assert response.status_code == 201, response.text
    return dict(response.json())
