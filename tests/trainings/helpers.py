"""Bodies and checks shared by the training tests."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.trainings import rollup
from app.trainings.schemas import TrainingCreate

TRAININGS = "/api/v1/trainings"


def training(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(TrainingCreate.example or {})  # the contract's
    body.update(overrides)
    return body


async def assert_rollup_consistent(session: AsyncSession) -> None:
    """The rollup maintained on write equals a GROUP BY over the records."""
    async with session.begin():
        assert await rollup.stored(session) == await rollup.from_records(session)
