"""Error details a person reads: plain words, no library prefixes, no grammar slips."""

from __future__ import annotations

import re
from datetime import date

import httpx
import pytest

from app.core.errors import Conflict
from app.core.security import Role
from app.nominations.workflow import TRANSITIONS, Facts, Status, VettingStatus, check_transition
from tests.conftest import Keys
from tests.trainings.helpers import training

PREFIXES = ("Value error", "Assertion failed")
# "a under_review", "a approved": an article that does not fit, or a status code in a sentence.
SLIP = re.compile(r"\ba [aeiou]|\ban [^aeiou\s]|\b[a-z]+_[a-z_]+ nomination\b")


def assert_plain(text: str) -> None:
    for prefix in PREFIXES:
        assert prefix not in text, text
    assert not SLIP.search(text), text


async def test_validator_messages_have_no_library_prefix(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    repeated = await client.post(
        "/api/v1/programs", json={"code": "ABC", "name": "x", "outcomes": [1, 1]}, headers=admin
    )
    assert repeated.status_code == 422, repeated.text
    body = repeated.json()
    assert body["errors"] == [{"pointer": "/outcomes", "detail": "outcomes must not repeat"}]
    assert body["detail"] == "/outcomes: outcomes must not repeat"
    backwards = await client.post(
        "/api/v1/trainings",
        json=training(start_date="2021-10-15", end_date="2021-10-04"),
        headers=admin,
    )
    assert backwards.status_code == 422, backwards.text
    assert [e["detail"] for e in backwards.json()["errors"]] == [
        "end_date must not be before start_date"
    ]
    assert_plain(backwards.text)


async def test_import_row_messages_have_no_library_prefix(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    imported = await client.post(
        "/api/v1/imports/trainings",
        json=[training(start_date="2021-10-15", end_date="2021-10-04", topics=["nio", "nio"])],
        headers=keys.headers("integration"),
    )
    assert imported.status_code == 422, imported.text
    messages = {e["message"] for e in imported.json()["errors"]}
    assert messages == {"end_date must not be before start_date", "topics must not repeat"}
    assert_plain(imported.text)


READY = Facts(
    vetting_status=VettingStatus.approved,
    vetting_expires_at=date(2027, 1, 15),
    ecl_score=85,
    ecl_exempt=False,
    min_ecl=80,
)


@pytest.mark.parametrize("current", list(Status))
def test_refused_moves_name_the_status_in_plain_words(current: Status) -> None:
    refused = [t for t in Status if t not in TRANSITIONS.get(current, frozenset())]
    assert refused
    for target in refused:
        with pytest.raises(Conflict) as exc:
            check_transition(current, target, Role.admin, READY, date(2026, 11, 27))
        assert_plain(exc.value.detail)
        for unmet in exc.value.extra["unmet"]:
            assert_plain(unmet["detail"])
