"""Rendering resources: one serialization pass, ETags, 304s, Location and Link headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request
from pydantic import BaseModel, TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Result

JSON = "application/json"


@lru_cache(maxsize=256)
def _adapter(schema: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(schema)


@lru_cache(maxsize=256)
def _list_adapter(schema: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(list[schema])  # type: ignore[valid-type]


def to_json(schema: type[BaseModel], obj: Any) -> bytes:
    adapter = _adapter(schema)
    return adapter.dump_json(adapter.validate_python(obj, from_attributes=True))


def etag_of(version: int | str) -> str:
    return f'"{version}"'


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def resource(
    request: Request,
    schema: type[BaseModel],
    obj: Any,
    *,
    status_code: int = 200,
    location: str | None = None,
    version: int | str | None = None,
) -> Response:
    """A single resource with its ETag; answers 304 when the client's copy is current."""
    version = version if version is not None else getattr(obj, "version", None)
    return json_resource(
        request,
        lambda: to_json(schema, obj),
        version,
        status_code=status_code,
        location=location,
    )


def json_resource(
    request: Request,
    body: Callable[[], bytes],
    version: int | str | None,
    *,
    status_code: int = 200,
    location: str | None = None,
) -> Response:
    """`resource()` for a body serialized by `body()` (called only when not answering 304)."""
    headers: dict[str, str] = {}
    if version is not None:
        etag = etag_of(version)
        headers["ETag"] = etag
        if status_code == 200 and request.method == "GET":
            if_none_match = request.headers.get("if-none-match")
            if if_none_match and (if_none_match.strip() == "*" or etag in _etags(if_none_match)):
                return Response(status_code=304, headers=headers)
    if location:
        headers["Location"] = location
    return Response(body(), status_code=status_code, media_type=JSON, headers=headers)


class Resource(Protocol):
    """What `created` needs of a resource's declaration (a `csvout.CsvListing`)."""

    @property
    def schema(self) -> type[BaseModel]: ...

    def url(self, obj: Any) -> str: ...


def created(request: Request, kind: Resource, obj: Any, location: str | None = None) -> Response:
    """A record just created: 201 with its ETag and Location (its URL, unless given)."""
    location = location if location is not None else kind.url(obj)
    return resource(request, kind.schema, obj, status_code=201, location=location)


def page(request: Request, schema: type[BaseModel], result: Result[Any]) -> Response:
    items = _list_adapter(schema)
    return json_page(
        request, items.dump_json(items.validate_python(result.items, from_attributes=True)), result
    )


def json_page(request: Request, items: bytes, result: Result[Any]) -> Response:
    """A page whose items are already serialized (a JSON array), for hand-built hot paths."""
    body = b'{"items":' + items
    body += b',"next_cursor":' + (
        b'"' + result.next_cursor.encode() + b'"' if result.next_cursor else b"null"
    )
    if result.total is not None:
        body += b',"total":' + str(result.total).encode()
    body += b"}"
    headers = {}
    if result.next_cursor:
        next_url = request.url.include_query_params(cursor=result.next_cursor)
        headers["Link"] = f'<{next_url}>; rel="next"'
    return Response(body, media_type=JSON, headers=headers)


# What a route declares it answers (its decorator's `**answers(...)`): the schema of its record
# and its problems by status (`errors.responses`), with 201 or 204 where it creates or deletes.
Declared = dict[str, Any]
# Problems every route of a kind can answer: one that takes a body, a body too large or not
# JSON (413, 415); one that changes a stored record, no such record (404), a version other than
# the one read (412) or none (428).
WITH_BODY = (413, 415)
STORED = (404, 412, 428)


def answers(schema: type[BaseModel], *statuses: int) -> Declared:
    """A route that answers one record (a read, an edit)."""
    return {"response_model": schema, "responses": responses(*statuses)}


def answers_created(schema: type[BaseModel], *statuses: int) -> Declared:
    """A route that creates a record from its body and answers it, 201."""
    return {"status_code": 201, **answers(schema, *WITH_BODY, *statuses)}


def answers_edited(schema: type[BaseModel], *statuses: int) -> Declared:
    """A route that changes a stored record from its body, at the version read."""
    return answers(schema, *STORED, *WITH_BODY, *statuses)


def answers_amended(schema: type[BaseModel], *statuses: int) -> Declared:
    """A route that changes a stored record from its body, at the version read when the
    caller names one (If-Match optional: no 428)."""
    return answers(schema, 404, 412, *WITH_BODY, *statuses)


def answers_put(schema: type[BaseModel], *statuses: int) -> Declared:
    """A PUT that creates the record (201) or replaces it (200), at the version read when the
    caller names one (If-Match optional, as `answers_amended`)."""
    amended = answers_amended(schema, *statuses)
    created = {"description": "Created", "model": schema}
    return {**amended, "responses": {201: created, **amended["responses"]}}


def answers_deleted(*statuses: int) -> Declared:
    """A route that deletes (or clears) a stored record at the version read: 204."""
    return {"status_code": 204, "responses": responses(*STORED, *statuses)}


def no_content() -> Response:
    return Response(status_code=204)


@dataclass(frozen=True, slots=True)
class Viewing:
    """What a route that answers one record takes besides its caller and its path: the
    request (for If-None-Match) and its session."""

    request: Request
    session: AsyncSession

    def resource(
        self, schema: type[BaseModel], obj: Any, *, version: int | str | None = None
    ) -> Response:
        """The record with its ETag (its `version`, unless given); 304 when the client's copy
        is current."""
        return resource(self.request, schema, obj, version=version)

    async def read(
        self, schema: type[BaseModel], read: Callable[..., Awaitable[Any]], *args: Any
    ) -> Response:
        """`resource` for the record the service's `read(session, *args)` finds."""
        return self.resource(schema, await read(self.session, *args))


async def _viewing(request: Request, session: SessionDep) -> Viewing:
    return Viewing(request, session)


View = Annotated[Viewing, Depends(_viewing)]
