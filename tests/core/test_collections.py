"""Every collection route, walked from the app's routes: each answers CSV when asked, and each
refuses a forged, stale or re-filtered cursor with a 422 naming `cursor` (never a 500)."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from app.core.pagination import Page
from tests.conftest import Keys
from tests.core.test_pagination import assert_bad_cursor
from tests.cwd.helpers import make_team, members, roster
from tests.facilities.helpers import CENTERS, UPGRADES, center, upgrade
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.gdrp.helpers import ENGAGEMENTS, MILESTONES, engagement, milestone
from tests.imet.nominations.helpers import move, nominate
from tests.indicators.helpers import create, post_result
from tests.integrations.helpers import webhook_with_deliveries
from tests.peacekeeping.helpers import SNAPSHOTS, UN_MONTHS, csv_headers, un_csv
from tests.projects.helpers import make_project
from tests.trainings.helpers import TRAININGS, training

# Collections that cannot answer CSV, each with the reason its 406 gives (none today).
NO_CSV: dict[str, str] = {}


def collection_routes(app: FastAPI) -> dict[str, APIRoute]:
    """Path template → route, for every GET under /api/v1 that answers a page of items."""
    found: dict[str, APIRoute] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        path = context.path or ""
        if not isinstance(route, APIRoute) or not path.startswith("/api/v1"):
            continue
        model = route.response_model
        if "GET" in (context.methods or ()) and isinstance(model, type) and issubclass(model, Page):
            found[path] = route
    return found


async def populate(client: httpx.AsyncClient, keys: Keys) -> dict[str, str]:
    """Two or more records in every collection; returns the path parameters to use."""
    admin = keys.headers("admin")
    for ref, start in (("CSV-1", "2021-10-04"), ("CSV-2", "2022-10-04")):
        body = training(external_ref=ref, start_date=start, end_date=start)
        assert (await client.post(TRAININGS, json=body, headers=admin)).status_code == 201
    for ref in ("FA-1", "FA-2"):
        made = await client.post(OBLIGATIONS, json=obligation(source_ref=ref), headers=admin)
        assert made.status_code == 201, made.text
    first = await nominate(client, keys)
    await nominate(client, keys)
    # Two status changes with reasons, for the transition-reasons collection.
    assert (await move(client, keys, first["id"], "under_review", reason="complete")).is_success
    withdrawn = await move(client, keys, first["id"], "withdrawn", role="embassy", reason="ill")
    assert withdrawn.status_code == 200
    for program, start in (("GPOI", "2008-01-01"), ("IMET", "2010-01-01")):
        made = await client.post(
            "/api/v1/partners/KEN/memberships",
            json={"program": program, "start_date": start},
            headers=admin,
        )
        assert made.status_code == 201, made.text
    indicator = await create(client, keys)
    for year in (2021, 2022):
        await post_result(client, keys, indicator["code"], fiscal_year=year, value="3")
    upload = await client.post(SNAPSHOTS, content=un_csv(UN_MONTHS), headers=csv_headers(admin))
    assert upload.status_code == 201, upload.text
    for year in (2016, 2017):
        body = {"fiscal_year": year, "partner": "GHA", "women": 2, "men": 9, "source": "archive"}
        made = await client.post("/api/v1/imet-history", json=body, headers=admin)
        assert made.status_code == 201, made.text
    for code, partner in (("GHA-KAIPTC", "GHA"), ("KEN-IPSTC", "KEN")):
        made = await client.post(CENTERS, json=center(code=code, partner=partner), headers=admin)
        assert made.status_code == 201, made.text
        made = await client.post(UPGRADES, json=upgrade(training_center=code), headers=admin)
        assert made.status_code == 201, made.text
    for partner in ("UKR", "KEN"):
        for path, body in ((ENGAGEMENTS, engagement), (MILESTONES, milestone)):
            made = await client.post(path, json=body(partner=partner), headers=admin)
            assert made.status_code == 201, made.text
    await make_project(client, keys)
    await make_project(client, keys, implementer_code="MAG", code="CWD-AFG-02")
    cwd_teams = [await make_team(client, keys, name=name) for name in ("Team 1", "Team 2")]
    for day in ("2022-03-31", "2022-09-30"):
        await roster(client, keys, cwd_teams[0]["id"], day, members(women=2, men=1))
    return {
        "code": "KEN",
        "nomination_id": str(first["id"]),
        "indicator": indicator["code"],
        "team_id": str(cwd_teams[0]["id"]),
    }


def concrete(path: str, values: dict[str, str]) -> str:
    if path.startswith("/api/v1/indicators/"):
        values = {**values, "code": values["indicator"]}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


@pytest.fixture
async def listed(app: FastAPI, client: httpx.AsyncClient, keys: Keys) -> dict[str, str]:
    values = await populate(client, keys)
    values["webhook_id"] = str(await webhook_with_deliveries(app, client, keys))
    return {path: concrete(path, values) for path in collection_routes(app)}


def test_the_walk_finds_every_collection(app: FastAPI) -> None:
    paths = set(collection_routes(app))
    for expected in (
        "/api/v1/partners",
        "/api/v1/audit-events",
        "/api/v1/api-keys",
        "/api/v1/indicators/{code}/results",
        "/api/v1/nominations/{nomination_id}/history",
        "/api/v1/peacekeeping/snapshots",
    ):
        assert expected in paths
    assert len(paths) >= 13


async def test_every_collection_answers_csv(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys, listed: dict[str, str]
) -> None:
    headers = keys.headers("admin")
    wrong = []
    for template, url in sorted(listed.items()):
        page = await client.get(url, params={"limit": 500}, headers=headers)
        assert page.status_code == 200, (url, page.text)
        assert page.json()["items"], f"{url}: no records to export"
        for params, extra in (({"format": "csv"}, {}), ({}, {"Accept": "text/csv"})):
            response = await client.get(url, params=params, headers={**headers, **extra})
            if template in NO_CSV:
                if response.status_code != 406 or NO_CSV[template] not in response.text:
                    wrong.append((url, params, response.status_code))
                continue
            if response.status_code != 200 or not response.headers["content-type"].startswith(
                "text/csv"
            ):
                wrong.append((url, params, response.status_code, response.text[:200]))
                continue
            lines = list(csv.reader(io.StringIO(response.text)))
            header, rows = lines[0], lines[1:]
            if not rows or any(len(row) != len(header) for row in rows):
                wrong.append((url, "ragged or empty", header, rows[:2]))
            # One convention: no JSON object in a cell, booleans as JSON writes them.
            for row in rows:
                for cell in row:
                    if cell.startswith(("{", "[")) or cell in ("True", "False"):
                        wrong.append((url, "cell", cell))
    assert not wrong, "\n".join(map(str, wrong))


async def test_the_contract_declares_csv_for_every_collection(app: FastAPI) -> None:
    spec = app.openapi()
    for path in collection_routes(app):
        operation = spec["paths"][path]["get"]
        assert "text/csv" in operation["responses"]["200"]["content"], path
        assert "format" in {p["name"] for p in operation["parameters"]}, path


def forge(payload: object) -> str:
    # The standard library writes integers of any size (orjson stops at 64 bits).
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decoded(cursor: str) -> dict[str, Any]:
    return dict(orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))))


# Values no sort column of that kind admits: past BIGINT, wrong types, past any code's length.
ANY_KIND: list[Any] = [None, 1.5, True, [1], {"a": 1}]
FORGED_BY_KIND: dict[type, list[Any]] = {
    int: [2**63, -(2**63) - 1, 10**30, "1", *ANY_KIND],
    str: [1, "x" * 300, "KE\u0000N", *ANY_KIND],
}
FORGED_DATES: list[Any] = ["2026-13-45", "9999-12-31T23:59:59-14:00", "yesterday", 1, *ANY_KIND]


def forged_values(genuine: Any) -> list[Any]:
    if isinstance(genuine, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", genuine):
        return FORGED_DATES
    return FORGED_BY_KIND[type(genuine)]


async def test_forged_cursors_are_a_422_on_every_collection(
    client: httpx.AsyncClient, keys: Keys, listed: dict[str, str]
) -> None:
    headers = keys.headers("admin")
    for url in sorted(listed.values()):
        first = await client.get(url, params={"limit": 1}, headers=headers)
        assert first.status_code == 200, (url, first.text)
        genuine = first.json()["next_cursor"]
        assert genuine, f"{url}: one page only; the walk needs two records"
        assert (
            await client.get(url, params={"limit": 1, "cursor": genuine}, headers=headers)
        ).status_code == 200
        payload = decoded(genuine)
        forged = ["garbage!", base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(), forge([1])]
        for position, genuine_value in enumerate(payload["k"]):
            for value in forged_values(genuine_value):
                keys_ = list(payload["k"])
                keys_[position] = value
                forged.append(forge({**payload, "k": keys_}))
        forged.append(forge({**payload, "k": payload["k"] + [1]}))
        forged.append(forge({**payload, "f": "0" * 16}))
        for cursor in forged:
            response = await client.get(url, params={"cursor": cursor}, headers=headers)
            assert_bad_cursor(response)


async def test_a_cursor_is_bound_to_its_filters_on_every_collection(
    client: httpx.AsyncClient, keys: Keys, listed: dict[str, str]
) -> None:
    headers = keys.headers("admin")
    since = {"updated_since": "2000-01-01T00:00:00Z"}
    for url in sorted(listed.values()):
        first = await client.get(url, params={**since, "limit": 1}, headers=headers)
        cursor = first.json()["next_cursor"]
        assert cursor, url
        params = {**since, "limit": 1, "cursor": cursor}
        same = await client.get(url, params=params, headers=headers)
        assert same.status_code == 200, (url, same.text)
        without = await client.get(url, params={"limit": 1, "cursor": cursor}, headers=headers)
        assert_bad_cursor(without)
        assert "filters" in without.json()["detail"]


async def test_a_region_cursor_does_not_continue_the_unfiltered_list(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    headers = keys.headers("analyst")
    africa = await client.get("/api/v1/partners", params={"region": "AF"}, headers=headers)
    cursor = africa.json()["next_cursor"]
    assert_bad_cursor(
        await client.get("/api/v1/partners", params={"cursor": cursor}, headers=headers)
    )
    assert_bad_cursor(
        await client.get(
            "/api/v1/partners", params={"region": "EUR", "cursor": cursor}, headers=headers
        )
    )
    # The same filters written another way are the same listing.
    again = await client.get(
        "/api/v1/partners",
        params={"region": "AF", "cursor": cursor, "include_total": "true", "limit": 10},
        headers=headers,
    )
    assert again.status_code == 200
    assert {p["region"] for p in again.json()["items"]} == {"AF"}


@pytest.mark.parametrize("value", [2**31, -(2**31) - 1, 2**40])
async def test_a_cursor_past_an_integer_column_is_a_422_not_a_500(
    client: httpx.AsyncClient, keys: Keys, value: int
) -> None:
    """`outcomes.number` and `indicator_results.fiscal_year` are INTEGER: on PostgreSQL a
    forged value past 32 bits reached the database and failed with a 500."""
    headers = keys.headers("admin")
    indicator = await create(client, keys)
    for year in (2021, 2022):
        await post_result(client, keys, indicator["code"], fiscal_year=year, value="3")
    for url in ("/api/v1/outcomes", f"/api/v1/indicators/{indicator['code']}/results"):
        first = await client.get(url, params={"limit": 1}, headers=headers)
        payload = decoded(first.json()["next_cursor"])
        payload["k"][0] = value
        assert_bad_cursor(await client.get(url, params={"cursor": forge(payload)}, headers=headers))
