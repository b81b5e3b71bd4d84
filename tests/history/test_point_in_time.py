"""Reports as known on a past instant: later inserts, edits and deletions are not seen."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

REPORT = "/api/v1/reports/women-trained"


async def instant() -> str:
    """Now, apart from the writes before and after it (SQLite's clock counts milliseconds)."""
    await asyncio.sleep(0.01)
    at = datetime.now(UTC).isoformat()
    await asyncio.sleep(0.01)
    return at


async def women(client: httpx.AsyncClient, headers: dict[str, str], at: str | None) -> Any:
    params = {"group_by": "partner", **({"as_known_on": at} if at else {})}
    answer = await client.get(REPORT, params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return {r["partner"]: r["women"] for r in body["rows"]}, body["totals"]["women"]


async def test_women_trained_as_known_before_and_after_insert_edit_delete(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    first = await client.post(
        TRAININGS,
        json=training(external_ref="A", participants=[{"partner": "KEN", "women": 3, "men": 1}]),
        headers=admin,
    )
    assert first.status_code == 201, first.text
    before_insert = await instant()
    second = await client.post(
        TRAININGS,
        json=training(external_ref="B", participants=[{"partner": "GHA", "women": 5, "men": 0}]),
        headers=admin,
    )
    assert second.status_code == 201, second.text
    before_edit = await instant()
    edited = await client.patch(
        f"{TRAININGS}/{first.json()['id']}",
        json={"participants": [{"partner": "KEN", "women": 7, "men": 1}]},
        headers={**admin, "If-Match": first.headers["ETag"]},
    )
    assert edited.status_code == 200, edited.text
    before_delete = await instant()
    deleted = await client.delete(
        f"{TRAININGS}/{second.json()['id']}", headers={**admin, "If-Match": second.headers["ETag"]}
    )
    assert deleted.status_code == 204, deleted.text
    after = await instant()

    assert await women(client, admin, before_insert) == ({"KEN": 3}, 3)
    assert await women(client, admin, before_edit) == ({"KEN": 3, "GHA": 5}, 8)
    assert await women(client, admin, before_delete) == ({"KEN": 7, "GHA": 5}, 12)
    assert await women(client, admin, after) == ({"KEN": 7}, 7)
    # Now, from the rollup, is what is known now.
    assert await women(client, admin, None) == ({"KEN": 7}, 7)
