"""Outcomes: the fact sheet's four WPS outcomes, word for word, and the admin's text edit."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conftest import Keys

# A copy of ../shared/seed/pm-wps-fact-sheet.txt, so the suite runs without the shared folder.
FACT_SHEET = Path(__file__).resolve().parents[1] / "data" / "pm-wps-fact-sheet.txt"
OUTCOMES = "/api/v1/outcomes"


def fact_sheet_outcomes() -> dict[int, str]:
    """The numbered outcome lines of the fact sheet ("  1. Women around the world ...").

    The published page separates two words of outcome 2 with no-break spaces (an HTML
    artifact); the service stores plain spaces, so whitespace is normalized and nothing else.
    """
    lines = FACT_SHEET.read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines:
        if match := re.fullmatch(r"\s+([1-4])\. (.+)", line):
            found[int(match[1])] = " ".join(match[2].split())
    assert sorted(found) == [1, 2, 3, 4]
    return found


async def test_four_outcomes_carry_the_fact_sheet_text_exactly(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    response = await client.get(
        OUTCOMES, params={"include_total": "true"}, headers=keys.headers("embassy")
    )
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 4
    assert body["next_cursor"] is None
    expected = fact_sheet_outcomes()
    assert {o["number"]: o["text"] for o in body["items"]} == expected
    assert [o["number"] for o in body["items"]] == [1, 2, 3, 4]
    # The fact sheet's typographic apostrophes, kept as published.
    assert "women\u2019s and girls\u2019 equality" in body["items"][2]["text"]
    assert all(o["title"] for o in body["items"])


async def test_get_outcome_by_number(client: httpx.AsyncClient, keys: Keys) -> None:
    expected = fact_sheet_outcomes()
    for number in (1, 2, 3, 4):
        response = await client.get(f"{OUTCOMES}/{number}", headers=keys.headers("analyst"))
        assert response.status_code == 200
        assert response.json()["number"] == number
        assert response.json()["text"] == expected[number]
        assert response.headers["etag"] == '"1"'
    for bad in ("0", "5", "-1", "one", "99999999999999999999999"):
        response = await client.get(f"{OUTCOMES}/{bad}", headers=keys.headers("analyst"))
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["parameter"] == "number"
    assert (await client.get(f"{OUTCOMES}/1")).status_code == 401


async def test_admin_updates_outcome_text_with_if_match_and_it_is_audited(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    url = f"{OUTCOMES}/2"
    etag = (await client.get(url, headers=admin)).headers["etag"]

    assert (await client.patch(url, json={"text": "New"}, headers=admin)).status_code == 428
    for body, pointer in [
        ({"text": ""}, "/text"),
        ({"text": None}, "/text"),
        ({"text": "x" * 5001}, "/text"),
        ({"title": "a\x00b"}, "/title"),
        ({"number": 5}, "/number"),
    ]:
        refused = await client.patch(url, json=body, headers={**admin, "If-Match": etag})
        assert refused.status_code == 422, body
        assert [e["pointer"] for e in refused.json()["errors"]] == [pointer]
    for role in ("analyst", "integration", "embassy"):
        forbidden = await client.patch(
            url, json={"text": "New"}, headers=keys.headers(role, **{"If-Match": etag})
        )
        assert forbidden.status_code == 403, role

    updated = await client.patch(
        url,
        json={"title": "Protection", "text": "Line one.\nLine two."},
        headers={**admin, "If-Match": etag},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["text"] == "Line one.\nLine two."
    assert updated.json()["title"] == "Protection"
    assert updated.headers["etag"] == '"2"'
    stale = await client.patch(url, json={"text": "Again"}, headers={**admin, "If-Match": etag})
    assert stale.status_code == 412
    assert (await client.get(url, headers=admin)).json()["text"] == "Line one.\nLine two."
    # The other outcomes keep the fact sheet's text.
    assert (await client.get(f"{OUTCOMES}/1", headers=admin)).json()[
        "text"
    ] == fact_sheet_outcomes()[1]

    # An unchanged body changes nothing and records nothing.
    same = await client.patch(
        url, json={"title": "Protection"}, headers={**admin, "If-Match": updated.headers["etag"]}
    )
    assert same.status_code == 200
    assert same.headers["etag"] == '"2"'

    events = await client.get(
        "/api/v1/audit-events", params={"resource_type": "outcome"}, headers=admin
    )
    assert [
        (e["action"], e["resource_id"], e["changed_fields"], e["actor_role"])
        for e in events.json()["items"]
    ] == [("update", "2", ["text", "title"], "admin")]
