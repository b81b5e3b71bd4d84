"""What a write route takes besides its caller, its path and its body, and how it answers.

`Create` is a POST that makes a record (the request, its session and the Idempotency-Key that
replays it); `Edit` is a PATCH, PUT or DELETE of a stored record (the request, its session and
the If-Match version, 428 without); `Amend` is a PUT or a state change whose If-Match is
optional (checked when sent); `Upload` is a bulk import (its session, the records as
sent, a JSON array or a CSV, the Idempotency-Key and `?dry_run`). The caller stays its own
parameter (`actor: Writer`), so a route's signature still shows who may call it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from app.core import bulk
from app.core import responses as render
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.idempotency import IdempotencyKey
from app.core.params import DryRun
from app.core.security import Principal
from app.core.versioning import OptionalVersion, RequiredVersion

# A service function a route calls with its session first (its other arguments as it takes them).
ServiceCall = Callable[..., Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class Creation:
    """A POST that creates one record."""

    request: Request
    session: AsyncSession

    def created(self, kind: render.Resource, obj: Any, location: str | None = None) -> Response:
        """201 with the record, its ETag and its Location (its URL, unless given)."""
        return render.created(self.request, kind, obj, location)

    async def create(
        self, kind: render.Resource, create: ServiceCall, actor: Principal, *body: Any
    ) -> Response:
        """`created` for the record the service's `create(session, actor, *body)` makes."""
        return self.created(kind, await create(self.session, actor, *body))

    def created_json(
        self, kind: render.Resource, obj: Any, body: bytes, *, version: int | str
    ) -> Response:
        """`created` for a body already serialized in `kind`'s schema (a hot path's)."""
        return render.json_resource(
            self.request, lambda: body, version, status_code=201, location=kind.url(obj)
        )


@dataclass(frozen=True, slots=True)
class Edition:
    """A PATCH, PUT or DELETE of a stored record at the version the caller last read (with
    `Amend`, at any version when the caller names none)."""

    request: Request
    session: AsyncSession
    expected_version: str | None

    def resource(self, schema: type[BaseModel], obj: Any) -> Response:
        """The record as it now stands, with its new ETag."""
        return render.resource(self.request, schema, obj)

    def put(self, schema: type[BaseModel], obj: Any, created: bool, location: str) -> Response:
        """The record a PUT leaves: 201 with its `location` when the PUT created it, else 200."""
        if created:
            return render.resource(self.request, schema, obj, status_code=201, location=location)
        return self.resource(schema, obj)

    async def update(
        self, schema: type[BaseModel], update: ServiceCall, actor: Principal, *key_and_body: Any
    ) -> Response:
        """The record the service's `update(session, actor, *key_and_body, version)` leaves."""
        return self.resource(
            schema, await update(self.session, actor, *key_and_body, self.expected_version)
        )

    async def delete(self, delete: ServiceCall, actor: Principal, *key: Any) -> Response:
        """204 once the service's `delete(session, actor, *key, version)` has deleted it."""
        await delete(self.session, actor, *key, self.expected_version)
        return render.no_content()


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """A bulk import's request: the records as sent and whether to write them."""

    session: AsyncSession
    content: bytes
    is_csv: bool
    dry_run: bool

    async def run(self, parse: Callable[..., Any], load: ServiceCall, actor: Principal) -> Response:
        """The import's summary: the records `parse(content, csv_body=...)` reads, written
        (or, dry run, only checked) by `load(session, actor, records, dry_run=...)`."""
        records = parse(self.content, csv_body=self.is_csv)
        summary = await load(self.session, actor, records, dry_run=self.dry_run)
        return bulk.summary_response(summary)


async def _creation(
    request: Request, session: SessionDep, idempotency_key: IdempotencyKey
) -> Creation:
    return Creation(request, session)


async def _edition(
    request: Request, session: SessionDep, expected_version: RequiredVersion
) -> Edition:
    return Edition(request, session, expected_version)


async def _amendment(
    request: Request, session: SessionDep, expected_version: OptionalVersion
) -> Edition:
    return Edition(request, session, expected_version)


async def _upload(
    request: Request,
    session: SessionDep,
    idempotency_key: IdempotencyKey,
    dry_run: DryRun = False,
) -> ImportRequest:
    return ImportRequest(session, await request.body(), bulk.is_csv_request(request), dry_run)


def answers_import(importer: type[bulk.Importer[Any, Any, Any]], *statuses: int) -> dict[str, Any]:
    """A bulk import route's decorator arguments (`**answers_import(imports.XImporter)`): the
    body its importer takes (a JSON array of its `body_type`, or CSV), the importer's summary
    and its problems (413, 415 and `statuses`)."""
    return {
        "response_model": importer.summary_type,
        "responses": responses(*render.WITH_BODY, *statuses),
        "openapi_extra": bulk.request_body(importer.body_type),
    }


Create = Annotated[Creation, Depends(_creation)]
Edit = Annotated[Edition, Depends(_edition)]
Amend = Annotated[Edition, Depends(_amendment)]
Upload = Annotated[ImportRequest, Depends(_upload)]
