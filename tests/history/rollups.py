"""A report read from its rollup against the same report asked as known now, which the
point-in-time path sums from the records' history instead (the rollups are not versioned)."""

from __future__ import annotations

from typing import Any

import httpx


async def rows_as_known(
    client: httpx.AsyncClient, path: str, params: dict[str, str], headers: dict[str, str], at: str
) -> int:
    """Assert the report now equals the report as known `at` (after the last write); return
    how many rows it had, so a caller can check the comparison was not vacuous."""
    now = await client.get(path, params=params, headers=headers)
    known = await client.get(path, params={**params, "as_known_on": at}, headers=headers)
    assert now.status_code == known.status_code == 200, now.text
    expected: dict[str, Any] = known.json()
    del expected["filters"]["as_known_on"]
    assert now.json() == expected
    return len(expected["rows"])
