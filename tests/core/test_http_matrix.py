"""The HTTP mechanics every write shares, walked over `app.routes` so a new route is covered.

Every PATCH and DELETE names the version it changes (`RequiredVersion`: 428 without If-Match,
412 when the ETag is stale or weak); every POST but the key issuer takes an Idempotency-Key
and replays its first response. A route missing an example below fails the test, so a new
route gets one.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant

from app.core.idempotency import IdempotentRoute
from app.core.versioning import required_version
from tests.conftest import Keys
from tests.core.test_authz_matrix import api_routes, concrete, declared_roles
from tests.cwd.helpers import IMPORTS as CWD_IMPORTS
from tests.cwd.helpers import TEAMS, members, team
from tests.facilities.helpers import CENTERS, UPGRADES, center, upgrade
from tests.facilities.helpers import IMPORTS as UPGRADE_IMPORTS
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.gdrp.helpers import ENGAGEMENTS, MILESTONES, engagement, milestone
from tests.gdrp.helpers import IMPORTS as MILESTONE_IMPORTS
from tests.imet.history.helpers import HISTORY, IMPORTS, history
from tests.imet.nominations.helpers import NOMINATIONS, idem, nominate
from tests.imet.nominations.helpers import body as nomination
from tests.indicators.helpers import INDICATORS, create, manual, post_result
from tests.integrations.helpers import webhook_with_deliveries
from tests.peacekeeping.helpers import SNAPSHOTS, csv_headers, un_csv
from tests.projects.helpers import IMPLEMENTERS, PROJECTS, implementer, project
from tests.trainings.helpers import TRAININGS, training

CONDITIONAL = {"PATCH", "DELETE"}
# Issuing a key or a webhook's signing secret answers the secret once; replaying it would mean
# storing the secret.
NOT_IDEMPOTENT = {
    ("POST", "/api/v1/api-keys"),
    ("POST", "/api/v1/webhooks/{webhook_id}/rotate-secret"),
}
STALE = '"987654321"'


def _calls(dependant: Dependant) -> set[Any]:
    found: set[Any] = set()
    for dep in dependant.dependencies:
        found.add(dep.call)
        found |= _calls(dep)
    return found


def _takes_idempotency_key(dependant: Dependant) -> bool:
    if any(param.alias == "Idempotency-Key" for param in dependant.header_params):
        return True
    return any(_takes_idempotency_key(dep) for dep in dependant.dependencies)


def _role(route: Any) -> str:
    allowed = declared_roles(route.dependant) or frozenset({"admin"})
    return "admin" if "admin" in allowed else min(allowed)


def _writes(app: FastAPI, methods: set[str]) -> dict[tuple[str, str], Any]:
    return {key: route for key, route in sorted(api_routes(app).items()) if key[0] in methods}


def test_every_patch_and_delete_requires_the_version(app: FastAPI) -> None:
    routes = _writes(app, CONDITIONAL)
    assert routes
    missing = [
        key for key, route in routes.items() if required_version not in _calls(route.dependant)
    ]
    assert not missing, f"PATCH/DELETE routes without RequiredVersion: {missing}"


def test_every_post_takes_an_idempotency_key_and_stores_its_response(app: FastAPI) -> None:
    wrong: list[tuple[object, ...]] = []
    for key, route in _writes(app, {"POST"}).items():
        if key in NOT_IDEMPOTENT:
            assert not _takes_idempotency_key(route.dependant), key
        elif not _takes_idempotency_key(route.dependant):
            wrong.append((*key, "no IdempotencyKey in its signature"))
        elif not isinstance(route.original_route, IdempotentRoute):
            wrong.append((*key, "its router lacks route_class=IdempotentRoute"))
    assert not wrong, wrong


async def test_patch_and_delete_answer_428_without_if_match_and_412_when_weak(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    wrong: list[tuple[object, ...]] = []
    for (method, path), route in _writes(app, CONDITIONAL).items():
        headers = keys.headers(_role(route))
        body = {"json": {}} if method == "PATCH" else {}
        for if_match, expected in ((None, 428), ('W/"1"', 412), ("1", 412)):
            sent = headers if if_match is None else {**headers, "If-Match": if_match}
            response = await client.request(method, concrete(path), headers=sent, **body)
            if (
                response.status_code != expected
                or response.headers["content-type"] != "application/problem+json"
            ):
                wrong.append((method, path, if_match, response.status_code, response.text[:200]))
    assert not wrong, "\n".join(map(str, wrong))


async def _one_of_each(client: httpx.AsyncClient, keys: Keys) -> list[str]:
    """Paths of existing resources, one for every PATCH and DELETE route."""
    admin = keys.headers("admin")
    made = [
        await client.post(
            "/api/v1/partners/KEN/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01"},
            headers=admin,
        ),
        await client.post("/api/v1/api-keys", json={"name": "x", "role": "analyst"}, headers=admin),
        await client.post(
            "/api/v1/webhooks",
            json={"url": "https://hooks.example.org/wps", "events": ["training.created"]},
            headers=admin,
        ),
        await client.post(TRAININGS, json=training(), headers=admin),
        await client.post(OBLIGATIONS, json=obligation(), headers=admin),
        await client.post(HISTORY, json=history(), headers=admin),
        await client.post(CENTERS, json=center(), headers=admin),
        await client.post(UPGRADES, json=upgrade(), headers=admin),
        await client.post(ENGAGEMENTS, json=engagement(), headers=admin),
        await client.post(MILESTONES, json=milestone(), headers=admin),
        await client.post(IMPLEMENTERS, json=implementer(), headers=admin),
        await client.post(PROJECTS, json=project(), headers=admin),
        await post_result(
            client,
            keys,
            (await create(client, keys))["code"],
            fiscal_year=2021,
            value=100,
            women=40,
            men=60,
        ),
        await client.post(
            SNAPSHOTS,
            content=un_csv([("Ghana", "GHA", "UNIFIL", "Troops", 9, 1, "2021-09-30")]),
            headers=csv_headers(admin),
        ),
    ]
    cwd_team = await client.post(TEAMS, json=team(), headers=admin)
    made += [
        cwd_team,
        await client.post(
            f"{cwd_team.headers['location']}/rosters",
            json={"as_of": "2022-03-31", "members": members(women=3)},
            headers=admin,
        ),
    ]
    assert all(response.status_code == 201 for response in made), [r.text for r in made]
    code = manual()["code"]
    nomination_id = (await nominate(client, keys))["id"]
    return [
        "/api/v1/programs/GPOI",
        "/api/v1/partners/KEN",
        "/api/v1/outcomes/1",
        f"{INDICATORS}/{code}",
        f"{INDICATORS}/{code}/locks/2021",
        f"{NOMINATIONS}/{nomination_id}",
        f"{NOMINATIONS}/{nomination_id}/transition-reasons",
        *(response.headers["location"] for response in made),
    ]


def _matching(template: str, paths: list[str]) -> str | None:
    pattern = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template))
    return next((path for path in paths if re.fullmatch(pattern, path)), None)


async def test_patch_and_delete_answer_412_on_a_stale_etag_and_change_nothing(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    paths = await _one_of_each(client, keys)
    routes = api_routes(app)
    wrong: list[tuple[object, ...]] = []
    for (method, template), route in _writes(app, CONDITIONAL).items():
        path = _matching(template, paths)
        if path is None:
            wrong.append((method, template, "no example resource: add one to _one_of_each"))
            continue
        headers = keys.headers(_role(route))
        before = await client.get(path, headers=headers) if ("GET", template) in routes else None
        body = {"json": {}} if method == "PATCH" else {}
        response = await client.request(
            method, path, headers={**headers, "If-Match": STALE}, **body
        )
        if response.status_code != 412:
            wrong.append((method, path, response.status_code, response.text[:200]))
        if before is not None:
            after = await client.get(path, headers=headers)
            if (after.status_code, after.content) != (before.status_code, before.content):
                wrong.append((method, path, "changed by a refused request"))
    assert not wrong, "\n".join(map(str, wrong))


def _post_examples(
    nomination_id: int, team_id: int, delivery: str
) -> dict[str, tuple[str, dict[str, Any]]]:
    """POST route → (role, request arguments) of one request that succeeds."""
    return {
        "/api/v1/programs": ("admin", {"json": {"code": "MATRIX", "name": "Matrix"}}),
        # A public address literal: no lookup; no worker runs to send to it.
        "/api/v1/webhooks": (
            "admin",
            {"json": {"url": "https://93.184.216.34/matrix", "events": ["training.created"]}},
        ),
        "/api/v1/partners/{code}/memberships": (
            "admin",
            {"json": {"program": "GPOI", "start_date": "2008-01-01"}},
        ),
        TRAININGS: ("admin", {"json": training()}),
        "/api/v1/imports/trainings": (
            "admin",
            {"json": [training(external_ref="MATRIX-1")], "params": {"dry_run": "true"}},
        ),
        NOMINATIONS: ("embassy", {"json": nomination()}),
        "/api/v1/nominations/{nomination_id}/transitions": (
            "admin",
            {"json": {"to": "under_review"}, "path": f"{NOMINATIONS}/{nomination_id}/transitions"},
        ),
        OBLIGATIONS: ("admin", {"json": obligation()}),
        "/api/v1/imports/obligations": ("admin", {"json": [obligation(source_ref="MATRIX-1")]}),
        HISTORY: ("integration", {"json": history()}),
        IMPORTS: ("admin", {"json": [history(partner="GHA")]}),
        CENTERS: ("admin", {"json": center()}),
        UPGRADES: ("integration", {"json": upgrade()}),
        UPGRADE_IMPORTS: ("admin", {"json": [upgrade(external_ref="MATRIX-1")]}),
        ENGAGEMENTS: ("admin", {"json": engagement()}),
        MILESTONES: ("integration", {"json": milestone()}),
        MILESTONE_IMPORTS: ("admin", {"json": [milestone(external_ref="MATRIX-1")]}),
        IMPLEMENTERS: (
            "integration",
            {"json": implementer(code="MAG", name="Mines Advisory Group")},
        ),
        PROJECTS: ("admin", {"json": project(code="CWD-MATRIX-1", implementer="MAG")}),
        SNAPSHOTS: (
            "admin",
            {
                "content": un_csv([("Ghana", "GHA", "UNIFIL", "Troops", 80, 12, "30/09/2026")]),
                "headers": csv_headers({}),
            },
        ),
        TEAMS: ("integration", {"json": team()}),
        "/api/v1/cwd-teams/{team_id}/rosters": (
            "admin",
            {
                "json": {"as_of": "2022-03-31", "members": members(women=2, leaders=1)},
                "path": f"{TEAMS}/{team_id}/rosters",
            },
        ),
        CWD_IMPORTS: ("admin", {"json": [team(name="Imported")]}),
        INDICATORS: ("admin", {"json": manual(code="MATRIX-COUNT")}),
        "/api/v1/indicators/{code}/results": (
            "admin",
            {
                "json": {"fiscal_year": 2021, "value": 100, "women": 40, "men": 60},
                "path": f"{INDICATORS}/MATRIX-COUNT/results",
            },
        ),
        # The result the example above created (a path may be made from earlier answers).
        "/api/v1/indicators/{code}/results/{result_id}/transitions": (
            "integration",
            {
                "json": {"to": "submitted"},
                "path": lambda answered: (
                    answered["/api/v1/indicators/{code}/results"].headers["location"]
                    + "/transitions"
                ),
            },
        ),
        "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver": (
            "admin",
            {"path": f"{delivery}/redeliver"},
        ),
    }


async def test_every_post_replays_its_first_response_under_an_idempotency_key(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    matrix_team = await client.post(
        TEAMS, json=team(name="Matrix team"), headers=keys.headers("admin")
    )
    webhook_id = await webhook_with_deliveries(app, client, keys)
    deliveries = await client.get(
        f"/api/v1/webhooks/{webhook_id}/deliveries", headers=keys.headers("admin")
    )
    delivery = f"/api/v1/webhooks/{webhook_id}/deliveries/{deliveries.json()['items'][0]['id']}"
    examples = _post_examples(
        (await nominate(client, keys))["id"], matrix_team.json()["id"], delivery
    )
    posts = {path for method, path in _writes(app, {"POST"}) if method == "POST"}
    posts -= {path for _, path in NOT_IDEMPOTENT}
    assert not posts - set(examples), f"POST routes without an example: {posts - set(examples)}"
    assert not set(examples) - posts, f"examples of no route: {set(examples) - posts}"
    wrong: list[tuple[object, ...]] = []
    answered: dict[str, httpx.Response] = {}
    for template in examples:  # in order: the indicator exists before its results are posted
        role, arguments = examples[template]
        arguments = dict(arguments)
        path = arguments.pop("path", concrete(template))
        if callable(path):
            path = path(answered)
        headers = idem({**keys.headers(role), **arguments.pop("headers", {})})
        first = answered[template] = await client.post(path, headers=headers, **arguments)
        again = await client.post(path, headers=headers, **arguments)
        if not 200 <= first.status_code < 300 or "idempotent-replayed" in first.headers:
            wrong.append((template, "first", first.status_code, first.text[:200]))
        elif (
            again.headers.get("idempotent-replayed") != "true"
            or (again.status_code, again.content) != (first.status_code, first.content)
            or again.headers.get("location") != first.headers.get("location")
        ):
            wrong.append((template, "replay", again.status_code, again.text[:200]))
    assert not wrong, "\n".join(map(str, wrong))
