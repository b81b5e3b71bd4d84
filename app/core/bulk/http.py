"""The HTTP side of an import route: its request body in the contract, whether the body is
a CSV, and the summary as the response."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel
from starlette.responses import Response

from app.core.bulk.flow import ImportSummary
from app.core.records import ID


def is_csv_request(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower() == "text/csv"


def summary_response(summary: ImportSummary) -> Response:
    return Response(
        summary.model_dump_json(exclude_none=True).encode(), media_type="application/json"
    )


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI request body of an import route: an array of `model` records, each with
    the id an export gave it if any (see run_import), or a CSV."""
    record = model.model_json_schema(ref_template="#/components/schemas/{model}")
    record.pop("$defs", None)
    record["title"] = f"{model.__name__} (import)"
    record["properties"] = {
        ID: {
            "type": "integer",
            "minimum": 1,
            "description": "The id an export gave the record: it is matched to the stored "
            "record of that id with the same reference; an id this database does not hold "
            "is kept for the record created",
        },
        **record["properties"],
    }
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "array", "items": record}},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    }
