"""The one filter vocabulary (app/core/params.py): every route that filters on a program or a
partner answers an unknown code with a 422 naming the parameter, and takes known codes in any
case (a partner by alpha-3, alpha-2 or numeric) in paths, queries and bodies.

The routes are discovered from the app, so a new route with such a filter is covered here
without being listed.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import iter_route_contexts

from tests.conftest import Keys
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.trainings.helpers import TRAININGS, training

CODE_FILTERS = {
    "program": "program",
    "partner": "partner",
    "host_country": "partner",
    "country": "partner",
}
UNKNOWN = {"program": ["NOPE", "nope"], "partner": ["ZZ", "zzz", "999"]}
# Known codes as clients may send them: KEN as alpha-3, alpha-2 and ISO numeric, any case.
KNOWN = {"program": ["imet", "Gpoi"], "partner": ["ken", "Ke", "404"]}
# A value for each path parameter of a filtered route (a new one must be added here).
PATH_VALUES = {"code": {"/api/v1/partners": "KEN", "/api/v1/indicators": "IMET-WOMEN-TRAINED"}}
SCALAR_PATH_VALUES = {"fiscal_year": "2024"}


def filtered_routes(app: FastAPI) -> list[tuple[str, list[str]]]:
    """Every GET route under /api/v1 with a program or partner code filter, and those filters."""
    found = []
    for route in iter_route_contexts(app.routes):
        if "GET" not in (getattr(route, "methods", None) or ()) or not hasattr(route, "dependant"):
            continue
        if not route.path.startswith("/api/v1/"):
            continue
        params = get_flat_params(route.dependant)
        names = [p.alias for p in params if p.alias in CODE_FILTERS and _in_query(p)]
        if names:
            found.append((route.path, names))
    return found


def _in_query(param: Any) -> bool:
    return type(param.field_info).__name__ == "Query"


def concrete(path: str) -> str:
    """`path` with each {parameter} replaced by a value that exists."""
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        name = path[start + 1 : end]
        if name in SCALAR_PATH_VALUES:
            value = SCALAR_PATH_VALUES[name]
        else:
            by_prefix = PATH_VALUES.get(name, {})
            matches = [v for prefix, v in by_prefix.items() if path.startswith(prefix)]
            assert matches, f"add a value for {{{name}}} of {path} to PATH_VALUES"
            value = matches[0]
        path = path[:start] + value + path[end + 1 :]
    return path


def required_extras(path: str, name: str) -> dict[str, str]:
    """Other required parameters, so only the filter under test can be wrong."""
    if path == "/api/v1/reports/peacekeeping-share" and name != "program":
        return {"program": "GPOI"}
    return {}


async def test_every_code_filter_refuses_an_unknown_code_naming_it(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    routes = filtered_routes(app)
    paths = {path for path, _ in routes}
    # The discovery sees the filtered collections and reports (it must not go blind).
    assert {
        "/api/v1/trainings",
        "/api/v1/obligations",
        "/api/v1/indicators",
        "/api/v1/nominations",
        "/api/v1/partners",
        "/api/v1/partners/{code}/memberships",
        "/api/v1/indicators/{code}/results",
        "/api/v1/indicators/{code}/progress",
        "/api/v1/reports/funding",
        "/api/v1/reports/women-trained",
        "/api/v1/reports/scorecard",
        "/api/v1/reports/imet-parity",
        "/api/v1/reports/peacekeeping-share",
    } <= paths
    checked = 0
    for path, names in routes:
        url = concrete(path)
        for name in names:
            for code in UNKNOWN[CODE_FILTERS[name]]:
                params = {**required_extras(path, name), name: code}
                response = await client.get(url, params=params, headers=keys.headers("admin"))
                where = f"GET {path}?{name}={code}"
                assert response.status_code == 422, f"{where}: {response.text}"
                assert response.headers["content-type"] == "application/problem+json", where
                errors = response.json()["errors"]
                assert {"parameter": name, "location": "query"}.items() <= errors[0].items(), (
                    where,
                    errors,
                )
                assert code in errors[0]["detail"], (where, errors)
                checked += 1
    assert checked >= 2 * len(routes)


async def test_every_code_filter_takes_known_codes_in_any_case(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    for path, names in filtered_routes(app):
        url = concrete(path)
        for name in names:
            for code in KNOWN[CODE_FILTERS[name]]:
                params = {**required_extras(path, name), name: code}
                response = await client.get(url, params=params, headers=keys.headers("admin"))
                # A target never set, or no snapshot yet, is a 404; never a refusal of the code.
                assert response.status_code in (200, 404), f"GET {path}?{name}={code}"
                if response.status_code == 404:
                    assert code not in response.json()["detail"], response.text


async def test_filters_answer_with_the_canonical_code(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    created = await client.post(OBLIGATIONS, json=obligation(partner="KEN"), headers=admin)
    assert created.status_code == 201, created.text
    report = await client.get(
        "/api/v1/reports/funding",
        params={"partner": "404", "program": "imet", "group_by": "partner"},
        headers=admin,
    )
    assert report.status_code == 200, report.text
    body = report.json()
    assert [row["partner"] for row in body["rows"]] == ["KEN"]
    listed = await client.get(OBLIGATIONS, params={"partner": "ke"}, headers=admin)
    assert [o["id"] for o in listed.json()["items"]] == [created.json()["id"]]


async def test_a_partner_path_takes_alpha3_alpha2_and_numeric(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for code in ("KEN", "ken", "KE", "ke", "404"):
        response = await client.get(f"/api/v1/partners/{code}", headers=keys.headers("analyst"))
        assert response.status_code == 200, (code, response.text)
        assert response.json()["code"] == "KEN"
    unknown = await client.get("/api/v1/partners/999", headers=keys.headers("analyst"))
    assert unknown.status_code == 404
    program = await client.get("/api/v1/programs/gpoi", headers=keys.headers("analyst"))
    assert program.status_code == 200
    assert program.json()["code"] == "GPOI"


async def test_a_region_filter_takes_any_case(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    upper = await client.get("/api/v1/partners", params={"region": "AF"}, headers=analyst)
    lower = await client.get("/api/v1/partners", params={"region": "af"}, headers=analyst)
    assert lower.status_code == 200, lower.text
    assert lower.json()["items"]
    assert lower.json()["items"] == upper.json()["items"]
    assert {p["region"] for p in lower.json()["items"]} == {"AF"}
    report = await client.get(
        "/api/v1/reports/women-trained", params={"region": "eur"}, headers=analyst
    )
    assert report.status_code == 200, report.text
    assert report.json()["filters"]["region"] == "EUR"


async def test_bodies_take_codes_in_any_case_and_answer_canonical(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    body = training(
        program="gpoi",
        host_country="288",  # Ghana, ISO numeric
        participants=[
            {"partner": "gha", "women": 6, "men": 18},
            {"partner": "404", "women": 3, "men": 7},
        ],
    )
    created = await client.post(TRAININGS, json=body, headers=admin)
    assert created.status_code == 201, created.text
    read = created.json()
    assert read["program"] == "GPOI"
    assert read["host_country"] == "GHA"
    assert sorted(p["partner"] for p in read["participants"]) == ["GHA", "KEN"]

    funded = await client.post(
        OBLIGATIONS, json=obligation(program="imet", partner="ke"), headers=admin
    )
    assert funded.status_code == 201, funded.text
    assert (funded.json()["program"], funded.json()["partner"]) == ("IMET", "KEN")

    member = await client.post(
        "/api/v1/partners/404/memberships",
        json={"program": "cwd", "start_date": "2020-01-01"},
        headers=admin,
    )
    assert member.status_code == 201, member.text
    assert member.json()["program"] == "CWD"
    assert member.headers["location"].startswith("/api/v1/partners/KEN/memberships/")

    version = (await client.get("/api/v1/partners/KEN", headers=admin)).headers["etag"]
    moved = await client.patch(
        "/api/v1/partners/KEN", json={"region": "eur"}, headers={**admin, "If-Match": version}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["region"] == "EUR"


async def test_a_found_code_is_looked_up_once_an_unknown_one_every_time(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    lookups = app.state.codes
    asked: list[str] = []
    partner = lookups.partner

    async def counting(session: Any, code: str) -> str | None:
        asked.append(code)
        return await partner(session, code)

    lookups.partner = counting
    try:
        for code in ("ke", "KE", "404", "KEN", "ke"):
            answer = await client.get(
                OBLIGATIONS, params={"partner": code}, headers=keys.headers("analyst")
            )
            assert answer.status_code == 200, answer.text
        for _ in range(2):
            answer = await client.get(
                OBLIGATIONS, params={"partner": "ZZ"}, headers=keys.headers("analyst")
            )
            assert answer.status_code == 422
    finally:
        lookups.partner = partner
    # One lookup per spelling (KE in any case is one), then none; ZZ is asked each time.
    assert asked == ["ke", "404", "KEN", "ZZ", "ZZ"]
