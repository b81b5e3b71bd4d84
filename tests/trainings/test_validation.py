"""Every validation rule answers 422 with a pointer to the field, and stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

P0 = {"partner": "GHA", "women": 1, "men": 1}

CASES: list[tuple[str, dict[str, Any], set[str]]] = [
    ("unknown program", {"program": "NOPE"}, {"/program"}),
    ("bad program code", {"program": "gp oi"}, {"/program"}),
    ("unknown host", {"host_country": "ZZZ"}, {"/host_country"}),
    (
        "unknown partner",
        {"participants": [P0, {"partner": "QQ", "women": 1}]},
        {"/participants/1/partner"},
    ),
    (
        "partner twice, alpha-2 and alpha-3",
        {"participants": [{"partner": "KEN"}, {"partner": "ke"}]},
        {"/participants/1/partner"},
    ),
    ("end before start", {"start_date": "2022-01-10", "end_date": "2022-01-09"}, {"/end_date"}),
    (
        "negative count",
        {"participants": [{"partner": "GHA", "women": -1}]},
        {"/participants/0/women"},
    ),
    (
        "absurd count",
        {"participants": [{"partner": "GHA", "men": 1_000_001}]},
        {"/participants/0/men"},
    ),
    ("huge number", {"participants": [{"partner": "GHA", "men": 10**30}]}, {"/participants/0/men"}),
    (
        "count as string",
        {"participants": [{"partner": "GHA", "unreported": "3"}]},
        {"/participants/0/unreported"},
    ),
    ("unknown topic", {"topics": ["peacekeeping", "cooking"]}, {"/topics/1"}),
    ("repeated topic", {"topics": ["nio", "nio"]}, {"/topics"}),
    ("unknown kind", {"kind": "seminar"}, {"/kind"}),
    ("unknown delivery", {"delivery": "remote"}, {"/delivery"}),
    ("empty title", {"title": "  "}, {"/title"}),
    ("oversized title", {"title": "x" * 201}, {"/title"}),
    ("control characters", {"title": "Course\x00"}, {"/title"}),
    ("unknown field", {"colour": "red"}, {"/colour"}),
    ("read-only id", {"id": 5}, {"/id"}),
    ("read-only fiscal_year", {"fiscal_year": 2022}, {"/fiscal_year"}),
    ("read-only totals", {"totals": {"women": 1}}, {"/totals"}),
    (
        "participant total",
        {"participants": [{"partner": "GHA", "total": 3}]},
        {"/participants/0/total"},
    ),
    ("negative hours", {"hours": -1}, {"/hours"}),
    ("bad external_ref", {"external_ref": "has space"}, {"/external_ref"}),
]


@pytest.mark.parametrize(("case", "changes", "pointers"), CASES, ids=[c[0] for c in CASES])
async def test_invalid_training_is_refused_with_pointers(
    client: httpx.AsyncClient,
    keys: Keys,
    case: str,
    changes: dict[str, Any],
    pointers: set[str],
) -> None:
    admin = keys.headers("admin")
    response = await client.post(TRAININGS, json=training(**changes), headers=admin)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert {e["pointer"] for e in response.json()["errors"]} == pointers
    listed = await client.get(f"{TRAININGS}?include_total=true", headers=admin)
    assert listed.json()["total"] == 0


async def test_missing_required_fields_are_named(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await client.post(TRAININGS, json={}, headers=keys.headers("admin"))
    assert response.status_code == 422
    assert {e["pointer"] for e in response.json()["errors"]} == {
        "/program",
        "/title",
        "/kind",
        "/start_date",
        "/end_date",
    }


async def test_update_validates_against_stored_values(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(TRAININGS, json=training(), headers=admin)
    url = f"{TRAININGS}/{created.json()['id']}"
    if_match = {**admin, "If-Match": created.headers["etag"]}
    for body, pointer in (
        ({"end_date": "2021-10-01"}, "/end_date"),
        ({"start_date": "2021-10-20"}, "/start_date"),
        ({"participants": [{"partner": "GHA"}, {"partner": "GH"}]}, "/participants/1/partner"),
        ({"title": None}, "/title"),
        ({"fiscal_year": 2020}, "/fiscal_year"),
        ({"program": "NOPE"}, "/program"),
    ):
        response = await client.patch(url, json=body, headers=if_match)
        assert response.status_code == 422, body
        assert [e["pointer"] for e in response.json()["errors"]] == [pointer]
    unchanged = await client.get(url, headers=admin)
    assert unchanged.headers["etag"] == created.headers["etag"]


async def test_duplicate_external_ref_in_a_program_conflicts(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    assert (await client.post(TRAININGS, json=training(), headers=admin)).status_code == 201
    again = await client.post(TRAININGS, json=training(), headers=admin)
    assert again.status_code == 409
    other_program = await client.post(TRAININGS, json=training(program="CWD"), headers=admin)
    assert other_program.status_code == 201


async def test_only_writers_write(client: httpx.AsyncClient, keys: Keys) -> None:
    for role in ("analyst", "embassy"):
        refused = await client.post(TRAININGS, json=training(), headers=keys.headers(role))
        assert refused.status_code == 403, role
    assert (await client.post(TRAININGS, json=training())).status_code == 401
