"""Differencing across answers (issue 24, point 6): two answers that nest (a fiscal-year range
and the same range less its first year, all programs and one, two groupings of the same
people) differ by what one holds and the other does not, which can be a withheld count. Under
the public threshold an embassy key reads each report's published grouping only: every
parameter that would nest is a 422 naming it, so the attack that works for a key choosing its
own threshold recovers nothing for an embassy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Keys
from tests.reports.test_suppression import _train

K = 5
REPORTS = "/api/v1/reports/"
WOMEN_TRAINED = REPORTS + "women-trained"


@pytest.fixture
def public_threshold(app: FastAPI) -> Iterator[None]:
    """The service run with WPS_PUBLIC_SUPPRESS_BELOW=5."""
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"public_suppress_below": K})
    yield
    app.state.settings = settings


async def _kenya(client: httpx.AsyncClient, keys: Keys) -> None:
    """Kenya: 2 women trained in FY2021 (a small count), 30 in FY2022."""
    await _train(client, keys, "DIFF-1", "2021-03-01", KEN={"women": 2, "men": 20})
    await _train(client, keys, "DIFF-2", "2022-03-01", KEN={"women": 30, "men": 25})


async def _women(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> Any:
    answer = await client.get(WOMEN_TRAINED, params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_the_attack_recovers_a_withheld_count_where_keys_choose_their_threshold(
    client: httpx.AsyncClient, keys: Keys, public_threshold: None
) -> None:
    """The limit as it stands for keys that choose (analysts): stated in the README."""
    await _kenya(client, keys)
    analyst = keys.headers("analyst")
    by_year = await _women(client, analyst, partner="KEN", suppress_below=K)
    assert [r["women"] for r in by_year["rows"]] == [None, None]  # FY2021's 2 withheld
    both = await _women(client, analyst, partner="KEN", from_fy=2021, suppress_below=K)
    later = await _women(client, analyst, partner="KEN", from_fy=2022, suppress_below=K)
    assert both["totals"]["women"] - later["totals"]["women"] == 2  # given back


async def test_an_embassy_cannot_difference_two_answers(
    client: httpx.AsyncClient, keys: Keys, public_threshold: None
) -> None:
    await _kenya(client, keys)
    embassy = keys.headers("embassy")  # Kenya's
    # The published grouping: by fiscal year, FY2021's 2 women withheld.
    own = await _women(client, embassy)
    assert own["filters"]["suppress_below"] == K
    assert [r["women"] for r in own["rows"]] == [None, None]
    # Every parameter that would give a second answer nesting with it is refused, by name.
    for name, value in (
        ("from_fy", 2022),
        ("to_fy", 2021),
        ("program", "GPOI"),
        ("partner", "GHA"),
        ("region", "AF"),
        ("topic", "sea"),
        ("group_by", "fiscal_year,program"),
        ("as_known_on", "2026-01-01"),
    ):
        refused = await client.get(WOMEN_TRAINED, params={name: value}, headers=embassy)
        assert refused.status_code == 422, (name, refused.text)
        (error,) = refused.json()["errors"]
        assert error["parameter"] == name and "public threshold" in error["detail"], error
    # Nor a second threshold: K=5 and K=10 withhold different cells of the same table.
    higher = await client.get(WOMEN_TRAINED, params={"suppress_below": 10}, headers=embassy)
    assert higher.status_code == 422
    assert higher.json()["errors"][0]["parameter"] == "suppress_below"
    lower = await _women(client, embassy, suppress_below=3)  # raised to K: the same answer
    assert lower == own
    # Parameters that nest nothing still answer: the format, one fiscal year (years are
    # disjoint), an outcome's lines, the years progress shows (each year's row the same).
    assert (await client.get(WOMEN_TRAINED, params={"format": "csv"}, headers=embassy)).is_success
    # Asking for the published table itself is no second answer: the default grouping, the
    # embassy's own country (what the dashboard sends).
    same = await _women(client, embassy, group_by="fiscal_year", partner="KEN")
    assert (same["rows"], same["totals"]) == (own["rows"], own["totals"])
    for url, params in (
        (REPORTS + "imet-parity", {"fiscal_year": 2022}),
        (REPORTS + "scorecard", {"fiscal_year": 2022, "outcome": 1}),
        ("/api/v1/indicators/GPOI-WOMEN-TRAINED/progress", {"from_fy": 2020, "to_fy": 2022}),
    ):
        answer = await client.get(url, params=params, headers=embassy)
        assert answer.status_code == 200, (url, answer.text)
    # Keys that choose their own threshold keep every filter.
    analyst = await client.get(
        WOMEN_TRAINED,
        params={"from_fy": 2022, "suppress_below": K},
        headers=keys.headers("analyst"),
    )
    assert analyst.status_code == 200
