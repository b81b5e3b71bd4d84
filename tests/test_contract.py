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
def built() -> str:
    """The contract as the code makes it (seconds of work: built once for this module)."""
    return contract()


@pytest.fixture(scope="module")
def spec(built: str) -> dict[str, Any]:
    return dict(json.loads(built))


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def test_committed_contract_matches_the_code(built: str) -> None:
    assert CONTRACT.read_text(encoding="utf-8") == built, (
        "openapi/openapi.json is stale: run `wps openapi` and commit it"
    )


def test_contract_is_deterministic(built: str) -> None:
    assert contract() == built  # built again, from a new app


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
        if path in PUBLIC:  # declared open, not left undeclared (issue 9, point 17)
            assert op["security"] == [], (method, path)
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


def schema_objects(node: Any, names: bool = False) -> list[dict[str, Any]]:
    """Every schema-like object of the document (the keys of `properties` are names)."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if not names:
            found.append(node)
        for key, value in node.items():
            found += schema_objects(value, names=key == "properties" and not names)
    elif isinstance(node, list):
        for value in node:
            found += schema_objects(value)
    return found


def test_every_schema_has_a_unique_domain_name(spec: dict[str, Any]) -> None:
    names = set(spec["components"]["schemas"])
    # No module paths (`app__nominations__workflow__Status`), generics (`Page_X_`) or
    # input/output splits (`Status-Input`): names a generated client can use as class names.
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) for name in names), sorted(names)
    assert "Status" not in names
    assert {"NominationStatus", "ProgressStatus", "VettingStatus", "TrainingReadPage"} <= names
    nomination = spec["components"]["schemas"]["NominationRead"]["properties"]["status"]
    assert nomination == {"$ref": "#/components/schemas/NominationStatus"}


def test_uploads_are_declared_as_files(spec: dict[str, Any]) -> None:
    bodies = {
        path: spec["paths"][path]["post"]["requestBody"]["content"]
        for path in ("/api/v1/imports/trainings", "/api/v1/imports/obligations")
    }
    snapshot = spec["paths"]["/api/v1/peacekeeping/snapshots"]["post"]["requestBody"]["content"]
    for content in [*bodies.values(), snapshot]:
        assert content["text/csv"]["schema"] == {"type": "string", "format": "binary"}
    form = snapshot["multipart/form-data"]["schema"]
    assert form["required"] == ["file"]
    assert form["properties"]["file"]["format"] == "binary"


def test_idempotency_key_is_required_where_the_server_requires_it(spec: dict[str, Any]) -> None:
    def key(method: str, path: str) -> dict[str, Any]:
        (parameter,) = [
            p for p in spec["paths"][path][method]["parameters"] if p["name"] == "Idempotency-Key"
        ]
        return parameter

    required = key("post", "/api/v1/nominations")
    assert required["required"] is True
    assert required["schema"]["type"] == "string"  # not nullable
    assert key("post", "/api/v1/trainings")["required"] is False


def test_only_json_schema_keywords(spec: dict[str, Any]) -> None:
    for pydantic_only in ("gt", "ge", "lt", "le"):
        assert not [s for s in schema_objects(spec) if pydantic_only in s], pydantic_only
    amount = spec["components"]["schemas"]["ObligationCreate"]["properties"]["amount_usd"]
    as_string, as_number = amount["anyOf"]  # decimals: a string with two places, or a number
    assert as_number["exclusiveMinimum"] == 0
    assert re.fullmatch(as_string["pattern"], "1000000.00")
    assert not re.fullmatch(as_string["pattern"], "0.00")
    assert not re.fullmatch(as_string["pattern"], "1.005")


def test_response_headers_are_declared(spec: dict[str, Any]) -> None:
    def headers(method: str, path: str, status: str) -> set[str]:
        return set(spec["paths"][path][method]["responses"][status].get("headers", {}))

    assert {"Location", "ETag", "Idempotent-Replayed"} <= headers(
        "post", "/api/v1/nominations", "201"
    )
    assert "ETag" in headers("get", "/api/v1/trainings/{training_id}", "200")
    assert "Link" in headers("get", "/api/v1/trainings", "200")
    for method, path, op in operations(spec):
        responses = op["responses"]
        if "401" in responses:
            assert "WWW-Authenticate" in headers(method, path, "401")
        for status in ("429", "503"):
            if status in responses:
                assert "Retry-After" in headers(method, path, status), (method, path)
    for name, header in spec["components"]["headers"].items():
        assert header["schema"] == {"type": "string"} and header["description"], name


def test_public_routes_declare_no_security_and_servers_are_set(spec: dict[str, Any]) -> None:
    for path in PUBLIC:
        assert spec["paths"][path]["get"]["security"] == []
    assert spec["servers"] == [{"url": "/", "description": "The service answering this document"}]


def test_request_fields_with_defaults_are_optional(spec: dict[str, Any]) -> None:
    """openapi-typescript makes a component property with a `default` required, so the
    README's `{"partner": "KE", "women": 3}` would not type-check: request schemas state
    defaults in words, and only fields without one are required."""
    participant = spec["components"]["schemas"]["ParticipantIn"]
    assert participant["required"] == ["partner"]
    assert "default" not in participant["properties"]["women"]
    assert "Default: `0`" in participant["properties"]["women"]["description"]
    for name in ("TrainingCreate", "NominationCreate", "ObligationCreate", "ProgramCreate"):
        schema = spec["components"]["schemas"][name]
        assert not [p for p in schema["properties"].values() if "default" in p], name


def test_every_request_body_has_an_example_the_server_accepts(spec: dict[str, Any]) -> None:
    from app.core.schemas import InputModel

    def subclasses(cls: type[InputModel]) -> list[type[InputModel]]:
        return [cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))]

    models = {model.__name__: model for model in subclasses(InputModel)}
    bodies = 0
    for method, path, op in operations(spec):
        if "requestBody" not in op:
            continue
        bodies += 1
        content = op["requestBody"]["content"]
        assert any("example" in media for media in content.values()), (method, path)
        json_body = content.get("application/json")
        if json_body is None:
            continue
        schema = json_body["schema"]
        # A body is a model ($ref), or an import's array of the model's records with an id.
        items = schema.get("items", {})
        ref = schema.get("$ref") or items.get("$ref")
        name = ref.rsplit("/", 1)[-1] if ref else items["title"].removesuffix(" (import)")
        examples = json_body["example"] if "items" in schema else [json_body["example"]]
        for example in examples:
            models[name].model_validate(example)  # raises if the server would refuse it
    assert bodies >= 24
