"""Bodies and checks shared by the training tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.trainings import rollup

TRAININGS = "/api/v1/trainings"


def training(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "program": "GPOI",
        "title": "UN Staff Officer Course",
        "kind": "course",
        "topics": ["peacekeeping", "gender_integration"],
        "start_date": "2021-10-04",
        "end_date": "2021-10-15",
        "host_country": "GHA",
        "location": "Accra",
        "delivery": "direct",
        "hours": 64,
        "external_ref": "GPOI-FY22-0042",
        "participants": [
            {"partner": "GHA", "women": 6, "men": 18, "unreported": 0},
            {"partner": "KE", "women": 3, "men": 7},
        ],
    }
    body.update(overrides)
    return body


async def assert_rollup_consistent(session: AsyncSession) -> None:
    """The rollup maintained on write equals a GROUP BY over the records."""
    async with session.begin():
        assert await rollup.stored(session) == await rollup.from_records(session)
