"""What a write route takes besides its caller, its path and its body, and how it answers.

`Create` is a POST that makes a record (the request, its session and the Idempotency-Key that
replays it); `Edit` is a PATCH, PUT or DELETE of a stored record (the request, its session and
the If-Match version, 428 without); `Upload` is a bulk import (its session, the records as
sent, a JSON array or a CSV, the Idempotency-Key and `?dry_run`). The caller stays its own
parameter (`actor: Writer`), so a route's signature still shows who may call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from app.core import bulk
from app.core import responses as render
from app.core.db import SessionDep
from app.core.idempotency import IdempotencyKey
from app.core.params import DryRun
from app.core.versioning import RequiredVersion


@dataclass(frozen=True, slots=True)
class Creation:
    """A POST that creates one record."""

    request: Request
    session: AsyncSession

    def created(self, kind: render.Resource, obj: Any, location: str | None = None) -> Response:
        """201 with the record, its ETag and its Location (its URL, unless given)."""
        return render.created(self.request, kind, obj, location)

    def created_json(
        self, kind: render.Resource, obj: Any, body: bytes, *, version: int | str
    ) -> Response:
        """`created` for a body already serialized in `kind`'s schema (a hot path's)."""
        return render.json_resource(
            self.request, lambda: body, version, status_code=201, location=kind.url(obj)
        )


@dataclass(frozen=True, slots=True)
class Edition:
    """A PATCH, PUT or DELETE of a stored record at the version the caller last read."""

    request: Request
    session: AsyncSession
    expected_version: str | None

    def resource(self, schema: type[BaseModel], obj: Any) -> Response:
        """The record as it now stands, with its new ETag."""
        return render.resource(self.request, schema, obj)


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """A bulk import's request: the records as sent and whether to write them."""

    session: AsyncSession
    content: bytes
    is_csv: bool
    dry_run: bool


async def _creation(
    request: Request, session: SessionDep, idempotency_key: IdempotencyKey
) -> Creation:
    return Creation(request, session)


async def _edition(
    request: Request, session: SessionDep, expected_version: RequiredVersion
) -> Edition:
    return Edition(request, session, expected_version)


async def _upload(
    request: Request,
    session: SessionDep,
    idempotency_key: IdempotencyKey,
    dry_run: DryRun = False,
) -> ImportRequest:
    return ImportRequest(session, await request.body(), bulk.is_csv_request(request), dry_run)


Create = Annotated[Creation, Depends(_creation)]
Edit = Annotated[Edition, Depends(_edition)]
Upload = Annotated[ImportRequest, Depends(_upload)]
