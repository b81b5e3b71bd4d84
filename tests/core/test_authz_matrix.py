"""The authorization matrix: every route under /api/v1 by {no key, revoked key, each role}.

TABLE is the single statement of who may call what. A route missing from it fails the test
(so every new router must be added here), and so does a route whose signature (the roles its
`require(...)` dependency admits) disagrees with it.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from tests.conftest import Keys

ADMIN = frozenset({"admin"})
WRITERS = frozenset({"admin", "integration"})
EVERYONE = frozenset({"admin", "analyst", "integration", "embassy"})
NOT_EMBASSY = frozenset({"admin", "analyst", "integration"})
EMBASSY_DESK = frozenset({"admin", "embassy"})

TABLE: dict[tuple[str, str], frozenset[str]] = {
    # programs
    ("GET", "/api/v1/programs"): EVERYONE,
    ("POST", "/api/v1/programs"): ADMIN,
    ("GET", "/api/v1/programs/{code}"): EVERYONE,
    ("PATCH", "/api/v1/programs/{code}"): ADMIN,
    # partners, memberships, benchmarks
    ("GET", "/api/v1/partners"): EVERYONE,
    ("GET", "/api/v1/partners/{code}"): EVERYONE,
    ("PATCH", "/api/v1/partners/{code}"): ADMIN,
    ("GET", "/api/v1/partners/{code}/memberships"): EVERYONE,
    ("POST", "/api/v1/partners/{code}/memberships"): ADMIN,
    ("GET", "/api/v1/partners/{code}/memberships/{membership_id}"): EVERYONE,
    ("PATCH", "/api/v1/partners/{code}/memberships/{membership_id}"): ADMIN,
    ("GET", "/api/v1/partners/{code}/benchmarks/{fiscal_year}"): EVERYONE,
    ("PUT", "/api/v1/partners/{code}/benchmarks/{fiscal_year}"): ADMIN,
    # outcomes
    ("GET", "/api/v1/outcomes"): EVERYONE,
    ("GET", "/api/v1/outcomes/{number}"): EVERYONE,
    ("PATCH", "/api/v1/outcomes/{number}"): ADMIN,
    # audit and keys
    ("GET", "/api/v1/audit-events"): ADMIN,
    ("GET", "/api/v1/api-keys"): ADMIN,
    ("POST", "/api/v1/api-keys"): ADMIN,
    ("GET", "/api/v1/api-keys/{key_id}"): ADMIN,
    ("DELETE", "/api/v1/api-keys/{key_id}"): ADMIN,
    ("GET", "/api/v1/me"): EVERYONE,
    # trainings
    ("GET", "/api/v1/trainings"): EVERYONE,
    ("POST", "/api/v1/trainings"): WRITERS,
    ("GET", "/api/v1/trainings/{training_id}"): EVERYONE,
    ("PATCH", "/api/v1/trainings/{training_id}"): WRITERS,
    ("DELETE", "/api/v1/trainings/{training_id}"): WRITERS,
    ("POST", "/api/v1/imports/trainings"): WRITERS,
    ("GET", "/api/v1/reports/women-trained"): EVERYONE,
    # nominations
    ("GET", "/api/v1/nominations"): EMBASSY_DESK,
    ("POST", "/api/v1/nominations"): EMBASSY_DESK,
    ("GET", "/api/v1/nominations/{nomination_id}"): EMBASSY_DESK,
    ("PATCH", "/api/v1/nominations/{nomination_id}"): EMBASSY_DESK,
    ("POST", "/api/v1/nominations/{nomination_id}/transitions"): EMBASSY_DESK,
    # Embassies pass the signature so another country's nomination is a 404 before the 403.
    ("PUT", "/api/v1/nominations/{nomination_id}/vetting"): EMBASSY_DESK,
    ("GET", "/api/v1/nominations/{nomination_id}/history"): EMBASSY_DESK,
    ("GET", "/api/v1/nominations/{nomination_id}/transition-reasons"): ADMIN,
    ("DELETE", "/api/v1/nominations/{nomination_id}/transition-reasons"): ADMIN,
    ("GET", "/api/v1/reports/imet-parity"): EVERYONE,
    ("GET", "/api/v1/reports/imet-completions"): EVERYONE,
    # IMET history (embassy keys read their own country's records)
    ("GET", "/api/v1/imet-history"): EVERYONE,
    ("POST", "/api/v1/imet-history"): WRITERS,
    ("GET", "/api/v1/imet-history/{history_id}"): EVERYONE,
    ("PATCH", "/api/v1/imet-history/{history_id}"): WRITERS,
    ("DELETE", "/api/v1/imet-history/{history_id}"): WRITERS,
    ("POST", "/api/v1/imports/imet-history"): WRITERS,
    # CWD teams and rosters (embassy keys read their own country's teams)
    ("GET", "/api/v1/cwd-teams"): EVERYONE,
    ("POST", "/api/v1/cwd-teams"): WRITERS,
    ("GET", "/api/v1/cwd-teams/{team_id}"): EVERYONE,
    ("PATCH", "/api/v1/cwd-teams/{team_id}"): WRITERS,
    ("DELETE", "/api/v1/cwd-teams/{team_id}"): WRITERS,
    ("GET", "/api/v1/cwd-teams/{team_id}/rosters"): EVERYONE,
    ("POST", "/api/v1/cwd-teams/{team_id}/rosters"): WRITERS,
    ("GET", "/api/v1/cwd-teams/{team_id}/rosters/{as_of}"): EVERYONE,
    ("PATCH", "/api/v1/cwd-teams/{team_id}/rosters/{as_of}"): WRITERS,
    ("DELETE", "/api/v1/cwd-teams/{team_id}/rosters/{as_of}"): WRITERS,
    ("POST", "/api/v1/imports/cwd-teams"): WRITERS,
    ("GET", "/api/v1/reports/cwd-teams"): EVERYONE,
    # implementers (every key reads) and projects (embassy keys: their own country's)
    ("GET", "/api/v1/implementers"): EVERYONE,
    ("POST", "/api/v1/implementers"): WRITERS,
    ("GET", "/api/v1/implementers/{code}"): EVERYONE,
    ("PATCH", "/api/v1/implementers/{code}"): WRITERS,
    ("DELETE", "/api/v1/implementers/{code}"): WRITERS,
    ("GET", "/api/v1/projects"): EVERYONE,
    ("POST", "/api/v1/projects"): WRITERS,
    ("GET", "/api/v1/projects/{code}"): EVERYONE,
    ("PATCH", "/api/v1/projects/{code}"): WRITERS,
    ("DELETE", "/api/v1/projects/{code}"): WRITERS,
    # integrations (embassy keys: the projects in their own country)
    ("GET", "/api/v1/exports/iati"): EVERYONE,
    # funding
    ("GET", "/api/v1/obligations"): EVERYONE,
    ("POST", "/api/v1/obligations"): WRITERS,
    ("GET", "/api/v1/obligations/{obligation_id}"): EVERYONE,
    ("PATCH", "/api/v1/obligations/{obligation_id}"): WRITERS,
    ("DELETE", "/api/v1/obligations/{obligation_id}"): WRITERS,
    ("POST", "/api/v1/imports/obligations"): WRITERS,
    ("GET", "/api/v1/reports/funding"): EVERYONE,
    # peacekeeping
    ("GET", "/api/v1/peacekeeping/snapshots"): NOT_EMBASSY,
    ("POST", "/api/v1/peacekeeping/snapshots"): WRITERS,
    ("GET", "/api/v1/peacekeeping/snapshots/{snapshot_id}"): NOT_EMBASSY,
    ("DELETE", "/api/v1/peacekeeping/snapshots/{snapshot_id}"): ADMIN,
    ("GET", "/api/v1/reports/peacekeeping-share"): NOT_EMBASSY,
    # indicators (embassy keys read definitions, and their own country's figures)
    ("GET", "/api/v1/indicators"): EVERYONE,
    ("POST", "/api/v1/indicators"): ADMIN,
    ("GET", "/api/v1/indicators/{code}"): EVERYONE,
    ("PATCH", "/api/v1/indicators/{code}"): ADMIN,
    ("DELETE", "/api/v1/indicators/{code}"): ADMIN,
    ("GET", "/api/v1/indicators/{code}/targets/{fiscal_year}"): EVERYONE,
    ("PUT", "/api/v1/indicators/{code}/targets/{fiscal_year}"): ADMIN,
    ("GET", "/api/v1/indicators/{code}/results"): EVERYONE,
    ("POST", "/api/v1/indicators/{code}/results"): WRITERS,
    ("GET", "/api/v1/indicators/{code}/results/{result_id}"): EVERYONE,
    ("PATCH", "/api/v1/indicators/{code}/results/{result_id}"): WRITERS,
    ("DELETE", "/api/v1/indicators/{code}/results/{result_id}"): ADMIN,
    ("POST", "/api/v1/indicators/{code}/results/{result_id}/transitions"): WRITERS,
    ("PUT", "/api/v1/indicators/{code}/locks/{fiscal_year}"): ADMIN,
    ("DELETE", "/api/v1/indicators/{code}/locks/{fiscal_year}"): ADMIN,
    ("GET", "/api/v1/indicators/{code}/progress"): EVERYONE,
    ("GET", "/api/v1/reports/scorecard"): EVERYONE,
    ("GET", "/api/v1/fact-sheet"): EVERYONE,
    ("GET", "/api/v1/fact-sheet/changes"): NOT_EMBASSY,
    # GPOI training centers and facility upgrades (embassy keys read their own country's)
    ("GET", "/api/v1/training-centers"): EVERYONE,
    ("POST", "/api/v1/training-centers"): WRITERS,
    ("GET", "/api/v1/training-centers/{code}"): EVERYONE,
    ("PATCH", "/api/v1/training-centers/{code}"): WRITERS,
    ("DELETE", "/api/v1/training-centers/{code}"): WRITERS,
    ("GET", "/api/v1/facility-upgrades"): EVERYONE,
    ("POST", "/api/v1/facility-upgrades"): WRITERS,
    ("GET", "/api/v1/facility-upgrades/{upgrade_id}"): EVERYONE,
    ("PATCH", "/api/v1/facility-upgrades/{upgrade_id}"): WRITERS,
    ("DELETE", "/api/v1/facility-upgrades/{upgrade_id}"): WRITERS,
    ("POST", "/api/v1/imports/facility-upgrades"): WRITERS,
    ("GET", "/api/v1/reports/facility-upgrades"): EVERYONE,
    # GDRP advisory engagements and policy milestones (embassy keys read their own country's)
    ("GET", "/api/v1/advisory-engagements"): EVERYONE,
    ("POST", "/api/v1/advisory-engagements"): WRITERS,
    ("GET", "/api/v1/advisory-engagements/{engagement_id}"): EVERYONE,
    ("PATCH", "/api/v1/advisory-engagements/{engagement_id}"): WRITERS,
    ("DELETE", "/api/v1/advisory-engagements/{engagement_id}"): WRITERS,
    ("GET", "/api/v1/policy-milestones"): EVERYONE,
    ("POST", "/api/v1/policy-milestones"): WRITERS,
    ("GET", "/api/v1/policy-milestones/{milestone_id}"): EVERYONE,
    ("PATCH", "/api/v1/policy-milestones/{milestone_id}"): WRITERS,
    ("DELETE", "/api/v1/policy-milestones/{milestone_id}"): WRITERS,
    ("POST", "/api/v1/imports/policy-milestones"): WRITERS,
    ("GET", "/api/v1/reports/policy-milestones"): EVERYONE,
    # integrations: the change feed (each caller its own), webhooks (embassy keys their own)
    ("GET", "/api/v1/changes"): EVERYONE,
    ("GET", "/api/v1/webhooks"): EMBASSY_DESK,
    ("POST", "/api/v1/webhooks"): EMBASSY_DESK,
    ("GET", "/api/v1/webhooks/{webhook_id}"): EMBASSY_DESK,
    ("PATCH", "/api/v1/webhooks/{webhook_id}"): EMBASSY_DESK,
    ("DELETE", "/api/v1/webhooks/{webhook_id}"): EMBASSY_DESK,
    ("POST", "/api/v1/webhooks/{webhook_id}/rotate-secret"): EMBASSY_DESK,
    ("GET", "/api/v1/webhooks/{webhook_id}/deliveries"): EMBASSY_DESK,
    ("POST", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): EMBASSY_DESK,
}

ROLES = ("admin", "analyst", "integration", "embassy")
# Sample values for path parameters (valid in form, so only authorization decides).
PATH_VALUES = {
    "code": "KEN",
    "fiscal_year": "2026",
    "number": "1",
    "kind": "trainings",
    "as_of": "2022-03-31",
}
BODY_METHODS = {"POST", "PUT", "PATCH"}


def api_routes(app: FastAPI) -> dict[tuple[str, str], Any]:
    """(method, path template) → route, for every API route as mounted (prefixes included)."""
    routes: dict[tuple[str, str], Any] = {}
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if not isinstance(route.original_route, APIRoute) or not path.startswith("/api/v1"):
            continue
        for method in route.methods or ():
            routes[(method, path)] = route
    return routes


def declared_roles(dependant: Dependant) -> frozenset[str] | None:
    """The roles the route's signature admits: every `require(...)` found, intersected."""
    found: list[frozenset[str]] = []

    def walk(node: Dependant) -> None:
        for dep in node.dependencies:
            allowed = getattr(dep.call, "allowed_roles", None)
            if allowed is not None:
                found.append(frozenset(str(role) for role in allowed))
            walk(dep)

    walk(dependant)
    if not found:
        return None
    return frozenset.intersection(*found)


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: PATH_VALUES.get(m.group(1), "1"), path)


async def call(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str]
) -> httpx.Response:
    if method in BODY_METHODS:
        return await client.request(method, concrete(path), json={}, headers=headers)
    return await client.request(method, concrete(path), headers=headers)


def test_every_route_is_in_the_table(app: FastAPI) -> None:
    routes = set(api_routes(app))
    missing = sorted(routes - set(TABLE))
    assert not missing, f"routes missing from the authorization matrix: {missing}"
    stale = sorted(set(TABLE) - routes)
    assert not stale, f"the matrix names routes that do not exist: {stale}"


def test_the_table_agrees_with_each_route_signature(app: FastAPI) -> None:
    disagreements: list[tuple[object, ...]] = []
    for key, route in sorted(api_routes(app).items()):
        declared = declared_roles(route.dependant)
        if declared is None:
            disagreements.append((key, "no require(...) dependency: the route is open"))
        elif key in TABLE and declared != TABLE[key]:
            disagreements.append((key, sorted(declared), sorted(TABLE[key])))
    assert not disagreements, disagreements


async def test_matrix_over_http(app: FastAPI, client: httpx.AsyncClient, keys: Keys) -> None:
    wrong: list[tuple[object, ...]] = []
    for (method, path), allowed in sorted(TABLE.items()):
        if (method, path) not in api_routes(app):
            continue  # reported by test_every_route_is_in_the_table
        anonymous = await call(client, method, path, {})
        if anonymous.status_code != 401 or anonymous.headers.get("www-authenticate") != "Bearer":
            wrong.append((method, path, "no key", anonymous.status_code))
        for role in ROLES:
            response = await call(client, method, path, keys.headers(role))
            status = response.status_code
            if status >= 500:
                wrong.append((method, path, role, status, response.text[:200]))
            elif role in allowed and status in (401, 403):
                wrong.append((method, path, role, status, "refused but allowed"))
            elif role not in allowed and status != 403:
                wrong.append((method, path, role, status, "expected 403"))
            elif status == 403 or status == 401:
                assert response.headers["content-type"] == "application/problem+json"
    assert not wrong, "\n".join(map(str, wrong))


async def test_a_revoked_key_is_refused_everywhere(
    app: FastAPI, client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    made = await client.post(
        "/api/v1/api-keys",
        json={"name": "to revoke", "role": "admin", "owner": "Ops"},
        headers=admin,
    )
    assert made.status_code == 201
    revoked = {"Authorization": f"Bearer {made.json()['key']}"}
    assert (await client.get("/api/v1/api-keys", headers=revoked)).status_code == 200
    gone = await client.delete(
        made.headers["location"], headers={**admin, "If-Match": made.headers["etag"]}
    )
    assert gone.status_code == 204
    wrong: list[tuple[object, ...]] = []
    for method, path in sorted(api_routes(app)):
        response = await call(client, method, path, revoked)
        if response.status_code != 401 or response.headers.get("www-authenticate") != "Bearer":
            wrong.append((method, path, response.status_code))
    assert not wrong, wrong
