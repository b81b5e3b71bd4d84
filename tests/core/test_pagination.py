"""Keyset pagination at depth: every partner exactly once, opaque cursors that cannot be forged."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import pycountry

from tests.conftest import Keys

PARTNERS = "/api/v1/partners"
LINK_RE = re.compile(r'^<([^>]+)>; rel="next"$')


def forge(payload: object) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(payload)).decode().rstrip("=")


def assert_bad_cursor(response: httpx.Response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert [e.get("parameter") for e in body["errors"]] == ["cursor"]
    assert "cursor" in body["detail"]


async def test_walk_every_partner_seven_at_a_time(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("analyst")
    expected = sorted([c.alpha_3 for c in pycountry.countries] + ["XKX"])
    assert len(expected) == 250
    seen: list[str] = []
    url = f"{PARTNERS}?limit=7&include_total=true"
    pages = 0
    while True:
        response = await client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        assert body["total"] == 250
        assert 1 <= len(body["items"]) <= 7
        seen.extend(p["code"] for p in body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            assert "link" not in response.headers
            break
        assert len(body["items"]) == 7
        match = LINK_RE.match(response.headers["link"])
        assert match, response.headers["link"]
        query = parse_qs(urlsplit(match.group(1)).query)
        assert query["cursor"] == [cursor]
        assert query["limit"] == ["7"]
        url = f"{PARTNERS}?limit=7&include_total=true&cursor={cursor}"
    assert pages == 36  # 35 full pages and one of 5
    assert len(seen) == len(set(seen)), "a partner appeared twice"
    assert seen == expected, "partners missing or out of code order"


async def test_following_the_link_header_walks_the_same_listing(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("embassy")
    response = await client.get(f"{PARTNERS}?limit=100&region=EUR", headers=headers)
    codes = [p["code"] for p in response.json()["items"]]
    link = response.headers.get("link")
    while link:
        match = LINK_RE.match(link)
        assert match
        response = await client.get(match.group(1), headers=headers)
        assert response.status_code == 200
        codes.extend(p["code"] for p in response.json()["items"])
        link = response.headers.get("link")
    assert "XKX" in codes and "FRA" in codes and "KEN" not in codes
    assert codes == sorted(codes) and len(codes) == len(set(codes))


async def test_default_limit_and_total_only_on_request(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    body = (await client.get(PARTNERS, headers=keys.headers("analyst"))).json()
    assert len(body["items"]) == 50
    assert "total" not in body
    assert body["next_cursor"]
    full = (await client.get(f"{PARTNERS}?limit=500", headers=keys.headers("analyst"))).json()
    assert len(full["items"]) == 250 and full["next_cursor"] is None


async def test_limit_out_of_range_is_a_422_naming_limit(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for limit in ("0", "501", "-1", "abc", str(10**30)):
        response = await client.get(f"{PARTNERS}?limit={limit}", headers=keys.headers("admin"))
        assert response.status_code == 422, (limit, response.text)
        assert [e["parameter"] for e in response.json()["errors"]] == ["limit"]


async def test_garbage_and_forged_cursors_are_refused(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("analyst")
    forged = [
        "not-a-cursor!!",
        "%00",
        base64.urlsafe_b64encode(b"\xff\xfe garbage").decode(),
        forge([1, 2]),
        forge("KEN"),
        forge({"k": ["KEN"]}),
        forge({"s": "default"}),
        forge({"s": "default", "k": "KEN"}),
        forge({"s": "default", "k": [1]}),  # wrong type for a code
        forge({"s": "default", "k": [None]}),
        forge({"s": "default", "k": ["KEN", 5]}),  # too many keys
        forge({"s": "default", "k": ["x" * 300]}),
        forge({"s": "default", "k": ["KE\u0000N"]}),
        forge({"s": "other", "k": ["KEN"]}),
        "A" * 1001,
    ]
    for cursor in forged:
        response = await client.get(
            PARTNERS, params={"cursor": cursor, "limit": 5}, headers=headers
        )
        assert_bad_cursor(response)


async def test_cursor_from_another_listing_is_refused(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    programs = (await client.get("/api/v1/programs?limit=1", headers=admin)).json()
    assert programs["next_cursor"]
    # The program listing is also sorted by one text code: same shape, different listing.
    assert_bad_cursor(
        await client.get(PARTNERS, params={"cursor": programs["next_cursor"]}, headers=admin)
    )
    api_keys = (await client.get("/api/v1/api-keys?limit=1", headers=admin)).json()
    assert api_keys["next_cursor"]
    assert_bad_cursor(
        await client.get(PARTNERS, params={"cursor": api_keys["next_cursor"]}, headers=admin)
    )
    partners = (await client.get(f"{PARTNERS}?limit=2", headers=admin)).json()
    assert_bad_cursor(
        await client.get(
            "/api/v1/outcomes", params={"cursor": partners["next_cursor"]}, headers=admin
        )
    )


async def test_a_cursor_keeps_working_with_filters_and_updated_since(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("analyst")
    first = (await client.get(f"{PARTNERS}?region=AF&limit=10", headers=headers)).json()
    second = (
        await client.get(
            PARTNERS,
            params={"region": "AF", "limit": 10, "cursor": first["next_cursor"]},
            headers=headers,
        )
    ).json()
    assert first["items"][-1]["code"] < second["items"][0]["code"]
    assert {p["region"] for p in first["items"] + second["items"]} == {"AF"}

    future = await client.get(
        PARTNERS, params={"updated_since": "2999-01-01T00:00:00Z"}, headers=headers
    )
    assert future.status_code == 200
    assert future.json() == {"items": [], "next_cursor": None}
    past = await client.get(
        PARTNERS,
        params={"updated_since": "2000-01-01T00:00:00Z", "include_total": "true"},
        headers=headers,
    )
    assert past.json()["total"] == 250


async def test_name_search_treats_wildcards_as_characters(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("analyst")

    async def codes(q: str) -> list[str]:
        response = await client.get(PARTNERS, params={"q": q, "limit": 500}, headers=headers)
        assert response.status_code == 200, response.text
        return [p["code"] for p in response.json()["items"]]

    assert await codes("%") == []
    assert await codes("_") == []
    assert await codes("K_nya") == []
    assert await codes("kenya") == ["KEN"]
    assert "KEN" in await codes("ke")  # an alpha-2 code matches exactly, besides names
    assert "GBR" in await codes("united kingdom")


def test_forged_cursor_values_are_checked_against_the_sort_columns() -> None:
    from datetime import UTC, datetime

    import pytest

    from app.audit.models import AuditEvent
    from app.core.errors import Unprocessable
    from app.core.pagination import SortKey, decode_cursor, encode_cursor

    keys = [SortKey(AuditEvent.occurred_at), SortKey(AuditEvent.id)]
    instant = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert decode_cursor(encode_cursor("s", [instant, 7]), "s", keys) == [instant, 7]
    naive = decode_cursor(forge({"s": "s", "k": ["2026-01-02T03:04:05", 7]}), "s", keys)
    assert naive == [instant, 7]
    for values in (
        ["9999-12-31T23:59:59-14:00", 1],  # past year 9999 in UTC
        ["yesterday", 1],
        [instant.isoformat(), 2**63],
        [instant.isoformat(), True],
        [instant.isoformat(), "7"],
    ):
        with pytest.raises(Unprocessable):
            decode_cursor(forge({"s": "s", "k": values}), "s", keys)
