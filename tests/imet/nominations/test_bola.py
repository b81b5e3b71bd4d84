"""Embassy isolation: another country's nomination answers exactly like a missing one.

Two embassy keys (KEN and GHA), every nomination route and method, each against the other's
records: 404 indistinguishable from an id that does not exist, and nothing changes. Lists and
reports never include the other country.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.imet.nominations.helpers import NOMINATIONS, body, idem, nominate, stored, vetting

MISSING_ID = 987_654

# Every route under /nominations/{id}, with a body that would succeed on one's own record.
ROUTES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "", None),
    ("PATCH", "", {"nominee": {"rank": "General"}, "ecl_score": 99}),
    ("POST", "/transitions", {"to": "withdrawn", "reason": "x"}),
    ("PUT", "/vetting", vetting()),
    ("GET", "/history", None),
]

PAIRS = [("embassy", "embassy_gha", "GHA"), ("embassy_gha", "embassy", "KEN")]


def comparable(response: httpx.Response, nomination_id: int) -> tuple[Any, ...]:
    """A 404's observable parts, with the id the client itself sent masked out."""
    problem = response.json()
    return (
        response.status_code,
        response.headers["content-type"],
        problem["type"],
        problem["title"],
        problem["detail"].replace(str(nomination_id), "{id}"),
        sorted(k for k in problem if k != "instance"),
    )


@pytest.mark.parametrize(("owner", "intruder", "intruder_country"), PAIRS)
async def test_other_countrys_nominations_answer_like_missing_ones(
    client: httpx.AsyncClient,
    keys: Keys,
    session: AsyncSession,
    owner: str,
    intruder: str,
    intruder_country: str,
) -> None:
    theirs = await nominate(client, keys, role=owner)
    mine = await nominate(client, keys, role=intruder)
    before = await stored(session)
    for method, suffix, json in ROUTES:
        results = {}
        for target in (theirs["id"], MISSING_ID):
            response = await client.request(
                method,
                f"{NOMINATIONS}/{target}{suffix}",
                json=json,
                headers=idem(keys.headers(intruder, **{"If-Match": '"1"'})),
            )
            assert response.status_code == 404, (method, suffix, response.text)
            assert "etag" not in response.headers
            results[target] = comparable(response, target)
        assert results[theirs["id"]] == results[MISSING_ID], (method, suffix)
    assert await stored(session) == before

    # Lists: never the other country's, whatever the filters say.
    listed = await client.get(NOMINATIONS, headers=keys.headers(intruder))
    assert [n["id"] for n in listed.json()["items"]] == [mine["id"]]
    owner_country = theirs["partner"]
    for params in (
        {"partner": owner_country},
        {"external_ref": theirs["external_ref"]},
        {"include_total": "true", "partner": owner_country},
    ):
        response = await client.get(NOMINATIONS, params=params, headers=keys.headers(intruder))
        assert response.status_code == 200
        assert response.json()["items"] == []
        assert response.json().get("total", 0) == 0
    assert mine["partner"] == intruder_country


@pytest.mark.parametrize(("owner", "intruder", "intruder_country"), PAIRS)
async def test_reports_never_include_the_other_country(
    client: httpx.AsyncClient, keys: Keys, owner: str, intruder: str, intruder_country: str
) -> None:
    theirs = await nominate(client, keys, role=owner)
    await nominate(client, keys, role=intruder)
    owner_country = theirs["partner"]
    for path in ("/api/v1/reports/imet-parity", "/api/v1/reports/imet-completions"):
        report = await client.get(path, headers=keys.headers(intruder))
        assert report.status_code == 200, report.text
        assert owner_country not in report.text
        assert report.json()["filters"]["partner"] == intruder_country
        asked = await client.get(
            path, params={"partner": owner_country}, headers=keys.headers(intruder)
        )
        assert asked.status_code == 403
        assert owner_country not in asked.json()["detail"]
    parity = await client.get("/api/v1/reports/imet-parity", headers=keys.headers(intruder))
    assert [row["partner"] for row in parity.json()["rows"]] == [intruder_country]
    assert parity.json()["totals"]["nominations"] == 1


async def test_an_embassy_cannot_create_for_another_country(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    for role, other in (("embassy", "GHA"), ("embassy_gha", "KEN")):
        response = await client.post(
            NOMINATIONS, json=body(partner=other), headers=idem(keys.headers(role))
        )
        assert response.status_code == 422
    assert await stored(session) == []
