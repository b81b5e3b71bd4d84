"""The OpenAPI contract: committed, stable, and complete about errors and security."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute, iter_route_contexts

from app.cli import CONTRACT, contract
from app.main import create_app
from tests.conftest import Keys

PUBLIC = {"/healthz", "/readyz"}  # /metrics takes WPS_METRICS_TOKEN or an admin key
METHODS = {"get", "put", "post", "patch", "delete", "head", "options"}
STANDARD_ERRORS = {"401", "403", "422", "429", "503"}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return json.loads(contract())


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def test_committed_contract_matches_the_code() -> None:
    assert CONTRACT.read_text(encoding="utf-8") == contract(), (
        "openapi/openapi.json is stale: run `wps openapi` and commit it"
    )


def test_contract_is_deterministic() -> None:
    assert contract() == contract()


def test_every_route_is_in_the_contract(spec: dict[str, Any]) -> None:
    documented = {(method, path) for method, path, _ in operations(spec)}
    # FastAPI 0.165 nests included routers; iter_route_contexts flattens them with prefixes.
    routes = {
        (method.lower(), route.path_format)
        for route in iter_route_contexts(create_app().routes)
        if isinstance(route.original_route, APIRoute)
        for method in route.methods or ()
    }
    assert routes == documented
    assert len(documented) >= 30


def test_operation_ids_are_explicit_and_unique(spec: dict[str, Any]) -> None:
    ids: list[str] = [op.get("operationId", "") for _, _, op in operations(spec)]
    assert all(ids), "every operation needs an operationId"
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for operation_id in ids:
        # FastAPI's generated ids ("list_partners_api_v1_partners_get") change with the path.
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", operation_id), operation_id
        assert "api_v1" not in operation_id, operation_id


def test_every_operation_declares_its_errors(spec: dict[str, Any]) -> None:
    missing: list[str] = []
    for method, path, op in operations(spec):
        if path in PUBLIC:
            continue
        declared = set(op["responses"])
        expected = set(STANDARD_ERRORS)
        if "{" in path:
            expected.add("404")
        if method in ("patch", "delete"):
            expected |= {"412", "428"}
        if "requestBody" in op:
            expected |= {"413", "415"}
        if not expected <= declared:
            missing.append(f"{method.upper()} {path}: {sorted(expected - declared)}")
        for status, response in op["responses"].items():
            if int(status) >= 400:
                content = response.get("content", {})
                assert list(content) == ["application/problem+json"], (method, path, status)
                assert content["application/problem+json"]["schema"] == PROBLEM_REF
    assert missing == []


def test_problem_schema_has_the_rfc9457_members(spec: dict[str, Any]) -> None:
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance", "errors"} <= set(problem["properties"])
    assert {"type", "title", "status", "detail"} <= set(problem["required"])


def test_every_operation_but_health_requires_a_bearer_key(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["HTTPBearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert "security" not in spec  # no global default that would hide a missing declaration
    for method, path, op in operations(spec):
        if path in PUBLIC:
            assert "security" not in op, (method, path)
        else:
            assert op.get("security") == [{"HTTPBearer": []}], (method, path)
    assert set(spec["paths"]) >= PUBLIC | {"/metrics"}


async def test_bodies_that_are_not_json_are_declared_422_problems(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    # Found by schemathesis: bytes that are not UTF-8 used to answer an undeclared 400.
    headers = keys.headers("admin", **{"Content-Type": "application/json"})
    for body in (b"\xff\xfe1", b'{"code": "\xc3"}', b"{bad", b"[" * 100_000):
        response = await client.post("/api/v1/programs", content=body, headers=headers)
        assert response.status_code == 422, body[:20]
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"] == [
            {"pointer": "", "detail": "request body is not valid JSON"}
        ]
