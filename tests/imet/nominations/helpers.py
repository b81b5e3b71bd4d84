"""Bodies, requests and database looks shared by the nomination tests."""

from __future__ import annotations

import copy
import itertools
import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.fiscal_year import fiscal_year
from app.core.models import utcnow
from app.imet.nominations.models import Nomination
from app.imet.nominations.schemas import NominationCreate
from tests.conftest import Keys

NOMINATIONS = "/api/v1/nominations"
TODAY = utcnow().date()
CURRENT_FY = fiscal_year(TODAY)
_refs = itertools.count(1)

# The nominee of DESIGN.md's example; tests look for these strings where they must not be.
GIVEN_NAME = "Amina"
FAMILY_NAME = "Odhiambo"


def body(**overrides: Any) -> dict[str, Any]:
    """A valid nomination body (for an embassy key: no `partner`)."""
    nomination: dict[str, Any] = copy.deepcopy(NominationCreate.example or {})  # the contract's
    nomination["fiscal_year"] = CURRENT_FY
    nomination["external_ref"] = f"NBO-{CURRENT_FY}-{next(_refs):03d}"
    nomination.update(overrides)
    return nomination


def idem(headers: dict[str, str], key: str | None = None) -> dict[str, str]:
    return {**headers, "Idempotency-Key": key or uuid.uuid4().hex}


async def nominate(
    client: httpx.AsyncClient, keys: Keys, role: str = "embassy", **overrides: Any
) -> dict[str, Any]:
    """Create a nomination and return its representation (asserting the 201)."""
    response = await client.post(
        NOMINATIONS, json=body(**overrides), headers=idem(keys.headers(role))
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def move(
    client: httpx.AsyncClient,
    keys: Keys,
    nomination_id: int,
    to: str,
    role: str = "admin",
    reason: str | None = None,
) -> httpx.Response:
    return await client.post(
        f"{NOMINATIONS}/{nomination_id}/transitions",
        json={"to": to, "reason": reason},
        headers=keys.headers(role),
    )


def vetting(status: str = "approved", days_valid: int = 365, **overrides: Any) -> dict[str, Any]:
    decided = TODAY - timedelta(days=10)
    record: dict[str, Any] = {
        "status": status,
        "case_ref": "INVEST-2026-1234",
        "decided_at": decided.isoformat() if status != "pending" else None,
        "expires_at": (decided + timedelta(days=days_valid)).isoformat()
        if status == "approved"
        else None,
    }
    record.update(overrides)
    return record


async def set_vetting(
    client: httpx.AsyncClient, keys: Keys, nomination_id: int, **kwargs: Any
) -> httpx.Response:
    return await client.put(
        f"{NOMINATIONS}/{nomination_id}/vetting",
        json=vetting(**kwargs),
        headers=keys.headers("admin"),
    )


PATH = ["under_review", "approved", "ito_issued", "in_training", "completed"]


async def advance(client: httpx.AsyncClient, keys: Keys, nomination_id: int, to: str) -> None:
    """Walk a submitted nomination along the main path up to `to`, vetting it on the way."""
    for status in PATH[: PATH.index(to) + 1]:
        if status == "approved":
            assert (await set_vetting(client, keys, nomination_id)).status_code == 200
        response = await move(client, keys, nomination_id, status)
        assert response.status_code == 200, response.text


async def stored(session: AsyncSession) -> list[dict[str, Any]]:
    """Every nomination row as stored, straight from the table."""
    async with session.begin():
        result = await session.execute(select(Nomination.__table__).order_by(Nomination.id))
        return [dict(row._mapping) for row in result]
