"""The HTTP side of an import route: its request body in the contract, whether the body is
a CSV, and the summary as the response."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.responses import Response

from app.core.bulk.flow import ImportSummary


def is_csv_request(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower() == "text/csv"


def summary_response(summary: ImportSummary) -> Response:
    return Response(
        summary.model_dump_json(exclude_none=True).encode(), media_type="application/json"
    )


def request_body(schema: str) -> dict[str, Any]:
    """The OpenAPI request body of an import route: an array of `schema`, or a CSV."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}}
                },
                "text/csv": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    }
