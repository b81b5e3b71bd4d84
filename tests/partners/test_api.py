"""Partners: filters, code resolution, admin edits, memberships over date ranges, benchmarks."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Keys

PARTNERS = "/api/v1/partners"


async def codes(client: httpx.AsyncClient, keys: Keys, **params: Any) -> list[str]:
    response = await client.get(
        PARTNERS, params={"limit": 500, **params}, headers=keys.headers("analyst")
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return [p["code"] for p in body["items"]]


async def add_membership(
    client: httpx.AsyncClient,
    keys: Keys,
    partner: str,
    program: str,
    start: str,
    end: str | None = None,
) -> httpx.Response:
    return await client.post(
        f"{PARTNERS}/{partner}/memberships",
        json={"program": program, "start_date": start, "end_date": end},
        headers=keys.headers("admin"),
    )


async def audit(client: httpx.AsyncClient, keys: Keys, resource_type: str) -> list[Any]:
    response = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": resource_type},
        headers=keys.headers("admin"),
    )
    assert response.status_code == 200
    return [
        (e["action"], e["resource_id"], e["changed_fields"], e["actor_role"])
        for e in response.json()["items"]
    ]


# Listing and filters


async def test_every_country_and_kosovo_are_partners(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await client.get(
        PARTNERS, params={"include_total": "true"}, headers=keys.headers("embassy")
    )
    assert response.status_code == 200
    assert response.json()["total"] == 250  # 249 ISO 3166-1 countries plus Kosovo
    kosovo = (await client.get(f"{PARTNERS}/XKX", headers=keys.headers("analyst"))).json()
    assert (kosovo["alpha2"], kosovo["name"], kosovo["region"]) == ("XK", "Kosovo", "EUR")


async def test_region_filter(client: httpx.AsyncClient, keys: Keys) -> None:
    africa = await codes(client, keys, region="AF")
    assert {"KEN", "GHA", "COD", "CIV"} <= set(africa)
    assert "FRA" not in africa and "USA" not in africa
    assert africa == sorted(africa)
    western = await codes(client, keys, region="WHA")
    assert "USA" in western and "KEN" not in western
    bad = await client.get(PARTNERS, params={"region": "XX"}, headers=keys.headers("analyst"))
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["parameter"] == "region"


async def test_name_search_matches_names_in_any_case_and_exact_codes(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    assert await codes(client, keys, q="KENYA") == ["KEN"]
    # "gha" is in Afghanistan's name and is Ghana's alpha-3 code.
    assert await codes(client, keys, q="gha") == ["AFG", "GHA"]
    assert set(await codes(client, keys, q="guinea")) == {"GIN", "GNB", "GNQ", "PNG"}
    assert await codes(client, keys, q="no such country") == []


async def test_search_ignores_accents_and_case_and_knows_other_names(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    assert await codes(client, keys, q="CÔTE") == ["CIV"]
    assert await codes(client, keys, q="cote d'ivoire") == ["CIV"]
    assert await codes(client, keys, q="ivory coast") == ["CIV"]
    assert await codes(client, keys, q="åland") == ["ALA", "NZL"]  # New Zealand: "zealand"
    assert await codes(client, keys, q="ÅLAND ISLANDS") == ["ALA"]
    assert await codes(client, keys, q="aland islands") == ["ALA"]
    assert await codes(client, keys, q="Turkey") == ["TUR"]
    assert await codes(client, keys, q="TURKIYE") == ["TUR"]
    assert await codes(client, keys, q="Republic of Türkiye") == ["TUR"]  # the official name
    assert await codes(client, keys, q="plurinational") == ["BOL"]
    # A renamed partner is found by its new name and still by the names pycountry knows.
    renamed = await client.patch(
        f"{PARTNERS}/TUR",
        json={"name": "Türkiye (Ankara)"},
        headers=keys.headers("admin", **{"If-Match": '"1"'}),
    )
    assert renamed.status_code == 200, renamed.text
    assert await codes(client, keys, q="(ankara)") == ["TUR"]
    assert await codes(client, keys, q="turkey") == ["TUR"]


async def test_program_filter_uses_memberships_valid_on_the_date(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    assert (await add_membership(client, keys, "KEN", "GPOI", "2008-01-01")).status_code == 201
    ended = await add_membership(client, keys, "GHA", "GPOI", "2010-01-01", "2020-01-01")
    assert ended.status_code == 201
    assert (await add_membership(client, keys, "FRA", "IMET", "2010-01-01")).status_code == 201

    assert await codes(client, keys, program="GPOI", as_of="2015-06-01") == ["GHA", "KEN"]
    assert await codes(client, keys, program="GPOI", as_of="2019-12-31") == ["GHA", "KEN"]
    # end_date is exclusive: on the day a membership ends it no longer counts.
    assert await codes(client, keys, program="GPOI", as_of="2020-01-01") == ["KEN"]
    assert await codes(client, keys, program="GPOI", as_of="2009-06-01") == ["KEN"]
    assert await codes(client, keys, program="GPOI", as_of="2007-12-31") == []
    assert await codes(client, keys, program="GPOI") == ["KEN"]  # as of today
    assert await codes(client, keys, program="gpoi", as_of="2015-06-01") == ["GHA", "KEN"]
    assert await codes(client, keys, program="IMET", as_of="2015-06-01") == ["FRA"]
    assert await codes(client, keys, program="GPOI", region="EUR", as_of="2015-06-01") == []
    assert await codes(client, keys, program="CWD") == []


async def test_updated_since_lists_only_partners_changed_at_or_after_the_instant(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    kenya = await client.get(f"{PARTNERS}/KEN", headers=keys.headers("admin"))
    updated = await client.patch(
        f"{PARTNERS}/KEN",
        json={"name": "Republic of Kenya"},
        headers=keys.headers("admin", **{"If-Match": kenya.headers["etag"]}),
    )
    assert updated.status_code == 200
    since = updated.json()["updated_at"]
    assert updated.json()["updated_at"] > kenya.json()["updated_at"]
    assert await codes(client, keys, updated_since=since) == ["KEN"]
    assert len(await codes(client, keys, updated_since=kenya.json()["updated_at"])) > 1
    assert await codes(client, keys, updated_since="2999-01-01T00:00:00Z") == []


# One partner


async def test_get_by_alpha3_or_alpha2_in_any_case_answers_alpha3(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for code in ("KEN", "ken", "Ken", "KE", "ke", "kE"):
        response = await client.get(f"{PARTNERS}/{code}", headers=keys.headers("embassy_gha"))
        assert response.status_code == 200, code
        body = response.json()
        assert (body["code"], body["alpha2"], body["numeric"], body["name"], body["region"]) == (
            "KEN",
            "KE",
            "404",
            "Kenya",
            "AF",
        )
        assert response.headers["etag"] == '"1"'
    assert (await client.get(f"{PARTNERS}/xk", headers=keys.headers("analyst"))).json()[
        "code"
    ] == "XKX"
    missing = await client.get(f"{PARTNERS}/ZZZ", headers=keys.headers("analyst"))
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    malformed = await client.get(f"{PARTNERS}/K1", headers=keys.headers("analyst"))
    assert malformed.status_code == 422
    assert (await client.get(f"{PARTNERS}/KEN")).status_code == 401


async def test_admin_updates_name_and_region_with_if_match(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    current = await client.get(f"{PARTNERS}/ke", headers=admin)
    etag = current.headers["etag"]

    assert (
        await client.patch(f"{PARTNERS}/KEN", json={"region": "EAP"}, headers=admin)
    ).status_code == 428
    invalid = await client.patch(
        f"{PARTNERS}/KEN", json={"region": "MARS"}, headers={**admin, "If-Match": etag}
    )
    assert invalid.status_code == 422
    assert [e["pointer"] for e in invalid.json()["errors"]] == ["/region"]
    for body, pointer in [
        ({"name": None}, "/name"),
        ({"name": ""}, "/name"),
        ({"name": "x" * 201}, "/name"),
        ({"name": "Ken\x00ya"}, "/name"),
        ({"code": "KEX"}, "/code"),
    ]:
        refused = await client.patch(
            f"{PARTNERS}/KEN", json=body, headers={**admin, "If-Match": etag}
        )
        assert refused.status_code == 422, body
        assert [e["pointer"] for e in refused.json()["errors"]] == [pointer]

    updated = await client.patch(
        f"{PARTNERS}/ke",
        json={"name": "Republic of Kenya", "region": "EAP"},
        headers={**admin, "If-Match": etag},
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["code"], body["name"], body["region"]) == ("KEN", "Republic of Kenya", "EAP")
    assert updated.headers["etag"] == '"2"'
    assert "KEN" not in await codes(client, keys, region="AF")
    assert "KEN" in await codes(client, keys, region="EAP")

    stale = await client.patch(
        f"{PARTNERS}/KEN", json={"name": "Kenya"}, headers={**admin, "If-Match": etag}
    )
    assert stale.status_code == 412
    assert (await client.get(f"{PARTNERS}/KEN", headers=admin)).json()["name"] == (
        "Republic of Kenya"
    )
    assert await audit(client, keys, "partner") == [("update", "KEN", ["name", "region"], "admin")]


async def test_non_admins_cannot_update_partners(client: httpx.AsyncClient, keys: Keys) -> None:
    etag = (await client.get(f"{PARTNERS}/KEN", headers=keys.headers("admin"))).headers["etag"]
    for role in ("analyst", "integration", "embassy"):
        response = await client.patch(
            f"{PARTNERS}/KEN",
            json={"name": "Changed"},
            headers=keys.headers(role, **{"If-Match": etag}),
        )
        assert response.status_code == 403, role
    unchanged = await client.get(f"{PARTNERS}/KEN", headers=keys.headers("admin"))
    assert unchanged.json()["name"] == "Kenya"
    assert unchanged.headers["etag"] == etag


# Memberships


async def test_add_membership_answers_201_with_location(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await add_membership(client, keys, "ke", "GPOI", "2008-01-01")
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["partner"], body["program"], body["start_date"], body["end_date"]) == (
        "KEN",
        "GPOI",
        "2008-01-01",
        None,
    )
    assert created.headers["location"] == f"/api/v1/partners/KEN/memberships/{body['id']}"
    fetched = await client.get(created.headers["location"], headers=keys.headers("embassy"))
    assert fetched.status_code == 200
    assert fetched.json() == body
    # Another partner's path does not reach this membership.
    other = await client.get(
        f"{PARTNERS}/GHA/memberships/{body['id']}", headers=keys.headers("admin")
    )
    assert other.status_code == 404
    assert await audit(client, keys, "membership") == [
        ("create", str(body["id"]), ["end_date", "program", "start_date"], "admin")
    ]


async def test_membership_validation_points_at_the_field(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    unknown = await add_membership(client, keys, "KEN", "NOPE", "2008-01-01")
    assert unknown.status_code == 422
    assert [e["pointer"] for e in unknown.json()["errors"]] == ["/program"]
    for end in ("2007-12-31", "2008-01-01"):
        backwards = await add_membership(client, keys, "KEN", "GPOI", "2008-01-01", end)
        assert backwards.status_code == 422, end
        assert [e["pointer"] for e in backwards.json()["errors"]] == ["/end_date"]
    missing_partner = await add_membership(client, keys, "ZZZ", "GPOI", "2008-01-01")
    assert missing_partner.status_code == 404
    extra = await client.post(
        f"{PARTNERS}/KEN/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01", "id": 7},
        headers=keys.headers("admin"),
    )
    assert extra.status_code == 422
    assert [e["pointer"] for e in extra.json()["errors"]] == ["/id"]
    forbidden = await client.post(
        f"{PARTNERS}/KEN/memberships",
        json={"program": "GPOI", "start_date": "2008-01-01"},
        headers=keys.headers("integration"),
    )
    assert forbidden.status_code == 403
    listed = await client.get(f"{PARTNERS}/KEN/memberships", headers=keys.headers("admin"))
    assert listed.json()["items"] == []
    assert await audit(client, keys, "membership") == []


async def test_overlapping_memberships_of_the_same_pair_are_refused(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    first = await add_membership(client, keys, "KEN", "GPOI", "2010-01-01", "2015-01-01")
    assert first.status_code == 201
    for start, end in [
        ("2014-06-01", "2016-01-01"),  # overlaps the end
        ("2009-01-01", "2010-01-02"),  # overlaps the start
        ("2011-01-01", "2012-01-01"),  # inside
        ("2009-01-01", None),  # open-ended, covering it
        ("2010-01-01", "2015-01-01"),  # the same range
    ]:
        clash = await add_membership(client, keys, "KEN", "GPOI", start, end)
        assert clash.status_code == 409, (start, end)
        assert clash.json()["conflicting_membership"] == first.json()["id"]
    # Adjacent ranges [a, b) and [b, c) do not overlap, on either side.
    assert (
        await add_membership(client, keys, "KEN", "GPOI", "2015-01-01", "2018-01-01")
    ).status_code == 201
    assert (
        await add_membership(client, keys, "KEN", "GPOI", "2005-01-01", "2010-01-01")
    ).status_code == 201
    # An open-ended membership blocks every later range.
    assert (await add_membership(client, keys, "KEN", "GPOI", "2018-01-01")).status_code == 201
    assert (
        await add_membership(client, keys, "KEN", "GPOI", "2030-01-01", "2031-01-01")
    ).status_code == 409
    # Other programs and other partners are independent.
    assert (
        await add_membership(client, keys, "KEN", "IMET", "2011-01-01", "2012-01-01")
    ).status_code == 201
    assert (
        await add_membership(client, keys, "GHA", "GPOI", "2011-01-01", "2012-01-01")
    ).status_code == 201
    listed = await client.get(
        f"{PARTNERS}/KEN/memberships",
        params={"program": "GPOI"},
        headers=keys.headers("analyst"),
    )
    assert [(m["start_date"], m["end_date"]) for m in listed.json()["items"]] == [
        ("2010-01-01", "2015-01-01"),
        ("2015-01-01", "2018-01-01"),
        ("2005-01-01", "2010-01-01"),
        ("2018-01-01", None),
    ]


async def test_end_a_membership_with_if_match(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    created = await add_membership(client, keys, "KEN", "GPOI", "2008-01-01")
    url = created.headers["location"]
    etag = created.headers["etag"]

    assert (
        await client.patch(url, json={"end_date": "2020-01-01"}, headers=admin)
    ).status_code == (428)
    backwards = await client.patch(
        url, json={"end_date": "2007-01-01"}, headers={**admin, "If-Match": etag}
    )
    assert backwards.status_code == 422
    assert [e["pointer"] for e in backwards.json()["errors"]] == ["/end_date"]
    moved = await client.patch(
        url, json={"start_date": "2001-01-01"}, headers={**admin, "If-Match": etag}
    )
    assert moved.status_code == 422
    assert [e["pointer"] for e in moved.json()["errors"]] == ["/start_date"]
    forbidden = await client.patch(
        url,
        json={"end_date": "2020-01-01"},
        headers=keys.headers("analyst", **{"If-Match": etag}),
    )
    assert forbidden.status_code == 403

    ended = await client.patch(
        url, json={"end_date": "2020-01-01"}, headers={**admin, "If-Match": etag}
    )
    assert ended.status_code == 200, ended.text
    assert (ended.json()["start_date"], ended.json()["end_date"]) == ("2008-01-01", "2020-01-01")
    assert ended.headers["etag"] != etag
    stale = await client.patch(url, json={"end_date": None}, headers={**admin, "If-Match": etag})
    assert stale.status_code == 412

    # Once ended, a new membership may start on the end date; reopening would then overlap.
    later = await add_membership(client, keys, "KEN", "GPOI", "2020-01-01")
    assert later.status_code == 201
    reopen = await client.patch(
        url, json={"end_date": None}, headers={**admin, "If-Match": ended.headers["etag"]}
    )
    assert reopen.status_code == 409
    assert (await client.get(url, headers=admin)).json()["end_date"] == "2020-01-01"

    membership_id = str(created.json()["id"])
    events = [e for e in await audit(client, keys, "membership") if e[1] == membership_id]
    assert events == [
        ("update", membership_id, ["end_date"], "admin"),
        ("create", membership_id, ["end_date", "program", "start_date"], "admin"),
    ]


async def test_list_memberships_as_of_a_date(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_membership(client, keys, "KEN", "GPOI", "2008-01-01", "2012-01-01")
    await add_membership(client, keys, "KEN", "IMET", "2010-01-01")
    await add_membership(client, keys, "GHA", "GPOI", "2008-01-01")

    async def listed(**params: str) -> list[tuple[str, str]]:
        response = await client.get(
            f"{PARTNERS}/ke/memberships", params=params, headers=keys.headers("embassy")
        )
        assert response.status_code == 200
        return [(m["partner"], m["program"]) for m in response.json()["items"]]

    assert await listed() == [("KEN", "GPOI"), ("KEN", "IMET")]
    assert await listed(as_of="2009-01-01") == [("KEN", "GPOI")]
    assert await listed(as_of="2011-01-01") == [("KEN", "GPOI"), ("KEN", "IMET")]
    assert await listed(as_of="2012-01-01") == [("KEN", "IMET")]
    assert await listed(as_of="2007-01-01") == []
    assert await listed(program="GPOI") == [("KEN", "GPOI")]
    bad = await client.get(
        f"{PARTNERS}/KEN/memberships", params={"as_of": "soon"}, headers=keys.headers("embassy")
    )
    assert bad.status_code == 422
    missing = await client.get(f"{PARTNERS}/ZZZ/memberships", headers=keys.headers("embassy"))
    assert missing.status_code == 404


# Benchmarks


async def test_put_creates_then_replaces_a_benchmark(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    url = f"{PARTNERS}/KEN/benchmarks/2026"
    assert (await client.get(url, headers=admin)).status_code == 404

    created = await client.put(
        f"{PARTNERS}/ke/benchmarks/2026",
        json={"military_women_share_pct": 7.0, "source": "Kenya Defence Forces, 2025"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    assert created.headers["location"] == url
    assert created.json()["partner"] == "KEN"

    replaced = await client.put(
        url,
        json={"military_women_share_pct": "7.25", "source": "Kenya Defence Forces, 2025"},
        headers=admin,
    )
    assert replaced.status_code == 200
    assert "location" not in replaced.headers

    fetched = await client.get(url, headers=keys.headers("embassy_gha"))
    assert fetched.status_code == 200
    body = fetched.json()
    assert body["fiscal_year"] == 2026
    assert body["military_women_share_pct"] == 7.25
    assert isinstance(body["military_women_share_pct"], float)
    assert body["source"] == "Kenya Defence Forces, 2025"
    assert fetched.headers["etag"] == replaced.headers["etag"] != created.headers["etag"]

    stale = await client.put(
        url,
        json={"military_women_share_pct": 8, "source": "x"},
        headers={**admin, "If-Match": created.headers["etag"]},
    )
    assert stale.status_code == 412
    other_year = await client.get(f"{PARTNERS}/KEN/benchmarks/2025", headers=admin)
    assert other_year.status_code == 404
    assert (await client.get(f"{PARTNERS}/GHA/benchmarks/2026", headers=admin)).status_code == 404

    events = await audit(client, keys, "benchmark")
    assert [(action, fields) for action, _, fields, _ in events] == [
        ("update", ["military_women_share_pct"]),
        ("create", ["military_women_share_pct", "source"]),
    ]


async def test_benchmark_validation(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    url = f"{PARTNERS}/KEN/benchmarks/2026"
    for pct in (100.01, 101, -0.01, -1, 7.125, "abc", None):
        refused = await client.put(
            url, json={"military_women_share_pct": pct, "source": "s"}, headers=admin
        )
        assert refused.status_code == 422, pct
        assert [e["pointer"] for e in refused.json()["errors"]] == ["/military_women_share_pct"]
    for edge in (0, 100, 99.99):
        accepted = await client.put(
            url, json={"military_women_share_pct": edge, "source": "s"}, headers=admin
        )
        assert accepted.status_code in (200, 201), edge
        assert accepted.json()["military_women_share_pct"] == edge
    no_source = await client.put(
        url, json={"military_women_share_pct": 5, "source": ""}, headers=admin
    )
    assert no_source.status_code == 422
    for year in (1989, 2101, 0, 99999999999999999999):
        out_of_range = await client.put(
            f"{PARTNERS}/KEN/benchmarks/{year}",
            json={"military_women_share_pct": 5, "source": "s"},
            headers=admin,
        )
        assert out_of_range.status_code == 422, year
        assert out_of_range.json()["errors"][0]["parameter"] == "fiscal_year"
        assert (
            await client.get(f"{PARTNERS}/KEN/benchmarks/{year}", headers=admin)
        ).status_code == 422
    forbidden = await client.put(
        url, json={"military_women_share_pct": 5, "source": "s"}, headers=keys.headers("analyst")
    )
    assert forbidden.status_code == 403
    unknown_partner = await client.put(
        f"{PARTNERS}/ZZZ/benchmarks/2026",
        json={"military_women_share_pct": 5, "source": "s"},
        headers=admin,
    )
    assert unknown_partner.status_code == 404
