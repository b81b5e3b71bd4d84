"""Outcome reads and text edits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.core.edits import Patch
from app.core.errors import NotFound
from app.core.pagination import Listing, SortKey
from app.core.security import Principal
from app.outcomes.models import Outcome
from app.outcomes.schemas import OutcomeUpdate


def list_outcomes(*, updated_since: datetime | None = None) -> Listing:
    stmt = select(Outcome)
    if updated_since is not None:
        stmt = stmt.where(Outcome.updated_at >= updated_since)
    return Listing(stmt, [SortKey(Outcome.number)])


async def get_outcome(session: AsyncSession, number: int) -> Outcome:
    outcome = await session.get(Outcome, number)
    if outcome is None:
        raise NotFound(f"outcome {number} does not exist")
    return outcome


async def update_outcome(
    session: AsyncSession,
    actor: Principal,
    number: int,
    body: OutcomeUpdate,
    expected_version: str | None,
) -> Outcome:
    outcome = await get_outcome(session, number)
    patch = Patch.checked(outcome, body, expected_version).copy()
    if await patch.saved(session):
        record(session, actor, "update", "outcome", outcome.number, patch.changed)
    return outcome
