"""Nominee names never reach the logs, on success or on failure."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from app.core.observability import JsonFormatter
from tests.conftest import Keys
from tests.imet.nominations.helpers import NOMINATIONS, body, idem, nominate

GIVEN, FAMILY = "Zawadi", "Kiplagat-Mwangi"


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def wps_logs() -> Iterator[Captured]:
    """Everything the service's `wps` loggers write, formatted as the JSON handler writes it."""
    logger = logging.getLogger("wps")
    handler = Captured()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def named(given: str = GIVEN, family: str = FAMILY, **nominee: str) -> dict[str, object]:
    return {**body()["nominee"], "given_name": given, "family_name": family, **nominee}


async def test_no_nominee_name_in_logs_of_creates_and_failed_creates(
    client: httpx.AsyncClient, keys: Keys, wps_logs: Captured
) -> None:
    embassy = keys.headers("embassy")
    created = await nominate(client, keys, nominee=named(), external_ref="LOG-1")
    failures = [
        body(nominee=named(family=FAMILY + "\x00")),  # control character: 422
        body(nominee=named(), ecl_score=101),  # out of range: 422
        body(nominee=named(), external_ref="LOG-1"),  # duplicate external_ref: 409
        body(nominee=named(), partner="GHA"),  # embassy naming a partner: 422
        {**body(nominee=named()), "status": "approved"},  # read-only field: 422
    ]
    for sent in failures:
        response = await client.post(NOMINATIONS, json=sent, headers=idem(embassy))
        assert response.status_code in (409, 422), response.text
    updated = await client.patch(
        f"{NOMINATIONS}/{created['id']}",
        json={"nominee": {"family_name": "Kiplagat-Otieno"}},
        headers={**embassy, "If-Match": '"1"'},
    )
    assert updated.status_code == 200
    assert (
        "Kiplagat-Otieno"
        in (await client.get(f"{NOMINATIONS}/{created['id']}", headers=embassy)).text
    )

    text = "\n".join(wps_logs.lines)
    # The requests were logged (so the capture works), without a single name in them.
    assert text.count('"route":"/api/v1/nominations"') == 1 + len(failures)
    for name in (GIVEN, FAMILY, "Kiplagat", "Otieno"):
        assert name not in text
