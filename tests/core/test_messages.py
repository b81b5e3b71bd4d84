"""Error details a person reads: plain words, no library prefixes, no grammar slips."""

from __future__ import annotations

import re
from datetime import date

import httpx
import pytest

from app.core.errors import Conflict
from app.core.security import Role
from app.imet.nominations.workflow import TRANSITIONS, NominationStatus, check_transition
from tests.conftest import Keys
from tests.imet.nominations.test_workflow import READY
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


@pytest.mark.parametrize("current", list(NominationStatus))
def test_refused_moves_name_the_status_in_plain_words(current: NominationStatus) -> None:
    refused = [t for t in NominationStatus if t not in TRANSITIONS.get(current, frozenset())]
    assert refused
    for target in refused:
        with pytest.raises(Conflict) as exc:
            check_transition(current, target, Role.admin, READY, date(2026, 11, 27))
        assert_plain(exc.value.detail)
        for unmet in exc.value.extra["unmet"]:
            assert_plain(unmet["detail"])


async def test_one_415_names_what_each_route_accepts(
    app: object, client: httpx.AsyncClient, keys: Keys
) -> None:
    """Every route with a body, JSON or not, refuses another type with the same sentence,
    naming the types its declaration (the contract) lists."""
    contract = app.openapi()  # type: ignore[attr-defined]
    checked = 0
    for path, operations in contract["paths"].items():
        for method, operation in operations.items():
            declared = operation.get("requestBody", {}).get("content")
            if not declared:
                continue
            url = re.sub(r"\{[^}]+\}", "1", path)
            for sent in ("application/xml", "application/octet-stream"):
                refused = await client.request(
                    method.upper(),
                    url,
                    content=b"<x/>",
                    headers={**keys.headers("admin"), "Content-Type": sent},
                )
                assert refused.status_code == 415, (method, path, refused.text)
                body = refused.json()
                accepted = sorted(declared)
                assert body["detail"] == f"Content-Type must be {' or '.join(accepted)}, not {sent}"
            checked += 1
    assert checked >= 20


async def test_the_snapshot_upload_refuses_json_like_any_other_type(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    url = "/api/v1/peacekeeping/snapshots"
    answers = []
    for sent in ("application/json", "application/octet-stream", None):
        headers = keys.headers("admin")
        if sent:
            headers["Content-Type"] = sent
        refused = await client.post(url, content=b'{"rows": []}', headers=headers)
        assert refused.status_code == 415, refused.text
        answers.append(refused.json()["detail"])
    expected = "Content-Type must be multipart/form-data or text/csv"
    assert answers == [
        f"{expected}, not application/json",
        f"{expected}, not application/octet-stream",
        f"{expected}; none was sent",
    ]
