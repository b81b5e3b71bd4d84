"""The finishing pass over the generated OpenAPI document, so client generators read it right:
domain names for generic schemas, JSON Schema keywords, required headers, response headers,
explicit security and servers. Each rule applies to every route; no route repeats it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import BaseRoute

# A dependency marks itself `contract_required_header = "Name"` when its header is required
# (the dependency answers a missing one with a problem of its own, so FastAPI cannot tell).
REQUIRED_HEADER = "contract_required_header"

HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {"description": "The representation's version; send it as If-Match to change it"},
    "Location": {"description": "The URL of the created resource"},
    "Link": {"description": 'The next page: `<url>; rel="next"` (absent on the last page)'},
    "Retry-After": {"description": "Seconds to wait before retrying"},
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored reply to an earlier request with the "
        "same Idempotency-Key"
    },
    "WWW-Authenticate": {"description": "The authentication scheme: `Bearer`"},
}
# Pydantic's names for constraints JSON Schema has no keyword for (a Decimal bound).
_KEYWORDS = {"gt": "exclusiveMinimum", "lt": "exclusiveMaximum", "ge": "minimum", "le": "maximum"}
_GENERIC = re.compile(r"^Page_(\w+)_$")
_SERVERS = [{"url": "/", "description": "The service answering this document"}]


def finish(schema: dict[str, Any], routes: list[BaseRoute]) -> dict[str, Any]:
    schema = _rename_generics(schema)
    _json_schema_keywords(schema)
    schema["servers"] = _SERVERS
    schema["components"]["headers"] = {
        name: {**header, "schema": {"type": "string"}} for name, header in HEADERS.items()
    }
    required = _required_headers(routes)
    for item in schema["paths"].values():
        for operation in item.values():
            operation.setdefault("security", [])  # no bearer dependency: open (health)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "header" and parameter["name"] in required.get(
                    operation.get("operationId", ""), ()
                ):
                    parameter["required"] = True
                    parameter["schema"] = _not_null(parameter["schema"])
            _declare_headers(operation, has_version=_has_version(item))
            _example_body(operation, schema["components"]["schemas"])
    return schema


def _rename_generics(schema: dict[str, Any]) -> dict[str, Any]:
    """`Page_ProgramRead_` (pydantic's generic name) becomes `ProgramReadPage`."""
    text = json.dumps(schema)
    for name in list(schema["components"]["schemas"]):
        match = _GENERIC.match(name)
        if match:
            text = text.replace(f'"{name}"', f'"{match[1]}Page"')
            text = text.replace(f'/{name}"', f'/{match[1]}Page"')
    renamed: dict[str, Any] = json.loads(text)
    return renamed


def _json_schema_keywords(node: Any, *, names: bool = False) -> None:
    """`gt` and friends become JSON Schema keywords (`names`: a dict of property names)."""
    if isinstance(node, dict):
        for pydantic_name, keyword in _KEYWORDS.items():
            if not names and pydantic_name in node and keyword not in node:
                node[keyword] = node.pop(pydantic_name)
        for key, value in node.items():
            _json_schema_keywords(value, names=key == "properties" and not names)
    elif isinstance(node, list):
        for value in node:
            _json_schema_keywords(value)


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    variants = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(variants) == 1:
        rest = {k: v for k, v in schema.items() if k != "anyOf"}
        return {**variants[0], **rest}
    return schema


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for dependency in dependant.dependencies:
        yield dependency
        yield from _dependencies(dependency)


def _required_headers(routes: list[BaseRoute]) -> dict[str, set[str]]:
    """The required headers of each operation (by operationId)."""
    required: dict[str, set[str]] = {}
    for context in iter_route_contexts(routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            required[route.unique_id] = {
                getattr(dependency.call, REQUIRED_HEADER)
                for dependency in _dependencies(route.dependant)
                if getattr(dependency.call, REQUIRED_HEADER, None)
            }
    return required


def _example_body(operation: dict[str, Any], components: dict[str, Any]) -> None:
    """The request body's example: its model's (`InputModel.example`); an import, a list of one."""
    media = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if media is None or "example" in media:
        return
    body = media["schema"]
    ref = body.get("$ref") or body.get("items", {}).get("$ref", "")
    examples = components.get(ref.rsplit("/", 1)[-1], {}).get("examples")
    if examples:
        media["example"] = examples[0] if "$ref" in body else [examples[0]]


def _has_version(item: dict[str, Any]) -> bool:
    """A path whose resource is versioned: some operation on it takes If-Match."""
    return any(
        parameter["in"] == "header" and parameter["name"] == "If-Match"
        for operation in item.values()
        for parameter in operation.get("parameters", [])
    )


def _declare_headers(operation: dict[str, Any], *, has_version: bool) -> None:
    idempotent = any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    for status, response in operation["responses"].items():
        names = []
        if status == "201":
            names.append("Location")
        if (status == "201" or (status == "200" and has_version)) and "content" in response:
            names.append("ETag")
        if status == "200" and str(
            response.get("content", {}).get("application/json", {}).get("schema", {})
        ).endswith("Page'}"):
            names.append("Link")
        if status in {"429", "503"}:
            names.append("Retry-After")
        if status == "401":
            names.append("WWW-Authenticate")
        if idempotent and status.startswith("2"):
            names.append("Idempotent-Replayed")
        if names:
            response["headers"] = {name: {"$ref": f"#/components/headers/{name}"} for name in names}
