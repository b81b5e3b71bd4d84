"""/api/v1/peacekeeping/snapshots: the UN's monthly uniformed-personnel files."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from app.core import responses as render
from app.core.db import SessionDep
from app.core.errors import UnsupportedMediaType, responses
from app.core.idempotency import IdempotencyKey, IdempotentRoute
from app.core.pagination import Page
from app.core.params import Paging, UpdatedSince
from app.core.security import Principal, Role, Writer, require
from app.peacekeeping import service
from app.peacekeeping.schemas import SnapshotRead

router = APIRouter(
    prefix="/peacekeeping/snapshots", tags=["peacekeeping"], route_class=IdempotentRoute
)

# Snapshots hold every country's figures, so embassy keys (own country only) may not read them.
FigureReader = Annotated[Principal, require(Role.admin, Role.analyst, Role.integration)]
SnapshotId = Annotated[int, Path(ge=1, le=2**62)]

CSV_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {
                "schema": {"type": "string"},
                "example": "Contributing_Country,ISOCode3,Mission_Acronym,Personnel_Type,"
                "Male_Personnel,Female_Personnel,Last_Reporting_Date\n"
                "Ghana,GHA,UNIFIL,Troops,800,120,31/10/2026\n",
            }
        },
    }
}


@router.get(
    "",
    operation_id="peacekeeping_snapshots_list",
    summary="Snapshots, latest reporting date first",
    response_model=Page[SnapshotRead],
    responses=responses(),
)
async def list_snapshots(
    request: Request,
    _: FigureReader,
    session: SessionDep,
    paging: Paging,
    updated_since: UpdatedSince = None,
) -> Response:
    result = await service.list_snapshots(session, paging, updated_since=updated_since)
    return render.page(request, SnapshotRead, result)


@router.get(
    "/{snapshot_id}",
    operation_id="peacekeeping_snapshots_get",
    response_model=SnapshotRead,
    responses=responses(304, 404),
)
async def get_snapshot(
    request: Request, _: FigureReader, session: SessionDep, snapshot_id: SnapshotId
) -> Response:
    snapshot = await service.get_snapshot(session, snapshot_id)
    return render.resource(request, SnapshotRead, snapshot, version=snapshot.checksum)


@router.post(
    "",
    operation_id="peacekeeping_snapshots_create",
    summary="Upload a UN 'uniformed personnel by gender' CSV (the same file again: 200)",
    status_code=201,
    response_model=SnapshotRead,
    responses={
        200: {"description": "This file was uploaded before: its snapshot", "model": SnapshotRead},
        **responses(409, 413, 415),
    },
    openapi_extra=CSV_BODY,
)
async def upload_snapshot(
    request: Request, actor: Writer, session: SessionDep, idempotency_key: IdempotencyKey
) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "text/csv":
        raise UnsupportedMediaType("Content-Type must be text/csv (the UN file as published)")
    snapshot, created = await service.import_snapshot(session, actor, await request.body())
    location = f"/api/v1/peacekeeping/snapshots/{snapshot.id}"
    response = render.resource(
        request,
        SnapshotRead,
        snapshot,
        status_code=201 if created else 200,
        location=location if created else None,
        version=snapshot.checksum,
    )
    return response
