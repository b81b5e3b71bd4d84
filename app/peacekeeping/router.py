"""/api/v1/peacekeeping/snapshots: the UN's monthly uniformed-personnel files."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query, Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, answers_page
from app.core.errors import Unprocessable, responses
from app.core.operations import resource_router
from app.core.params import FromDate, ToDate, UpdatedSince
from app.core.responses import View, answers, answers_deleted
from app.core.routetable import declared_media_types, unsupported_media_type
from app.core.schemas import RecordId
from app.core.security import Admin, Principal, Role, Writer, require
from app.core.writes import Create, Edit
from app.peacekeeping import service
from app.peacekeeping.schemas import SNAPSHOTS, SnapshotRead, SnapshotUpload
from app.peacekeeping.un_file import ACCEPTED

router = resource_router("/peacekeeping/snapshots", "peacekeeping_snapshots", tag="peacekeeping")

# Snapshots hold every country's figures, so embassy keys (own country only) may not read them.
FigureReader = Annotated[Principal, require(Role.admin, Role.analyst, Role.integration)]
FILE_FIELD = "file"

CSV_EXAMPLE = (
    "Contributing_Country,ISOCode3,Mission_Acronym,Personnel_Type,"
    "Male_Personnel,Female_Personnel,Last_Reporting_Date\n"
    "Ghana,GHA,UNIFIL,Troops,800,120,31-Aug-21\n"
    "Ghana,GHA,UNIFIL,Troops,790,140,30-Sep-21\n"
)
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "The UN file as published (many months in one file are fine): the CSV "
        "bytes as the body, or a browser form's `file` field",
        "content": {
            "text/csv": {"schema": {"type": "string", "format": "binary"}, "example": CSV_EXAMPLE},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        FILE_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "The CSV file",
                        }
                    },
                    "required": [FILE_FIELD],
                },
                "encoding": {FILE_FIELD: {"contentType": "text/csv, application/octet-stream"}},
            },
        },
    }
}


async def _file_bytes(request: Request) -> bytes:
    """The uploaded file: a text/csv body, or the `file` part of multipart/form-data."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "text/csv":
        return await request.body()
    if content_type != "multipart/form-data":  # the middleware refuses it first
        raise unsupported_media_type(declared_media_types(request.scope["route"]), content_type)
    limit = request.app.state.settings.max_import_bytes
    try:
        async with request.form(max_files=1, max_fields=10, max_part_size=limit) as form:
            part = form.get(FILE_FIELD)
            if isinstance(part, UploadFile):
                return await part.read()
            if isinstance(part, str):  # a field sent without a filename
                return part.encode()
    except HTTPException as exc:  # Starlette's 400 for a form it cannot read
        detail = f"not a readable multipart/form-data body ({exc.detail}); {ACCEPTED}"
        raise Unprocessable(detail, errors=[{"pointer": "", "detail": str(exc.detail)}]) from None
    detail = f"the form has no `{FILE_FIELD}` field; {ACCEPTED}"
    raise Unprocessable(detail, errors=[{"pointer": f"/{FILE_FIELD}", "detail": "required"}])


@router.get(
    "",
    summary="Snapshots, latest reporting date first (within a month, the newest upload first)",
    **answers_page(SnapshotRead),
)
async def list_snapshots(
    _: FigureReader,
    asked: ListQuery,
    reporting_date: Annotated[date | None, Query(description="Of this reporting date")] = None,
    from_date: FromDate = None,
    to_date: ToDate = None,
    checksum: Annotated[
        str | None,
        Query(pattern=r"^[0-9A-Fa-f]{64}$", description="From the file with this SHA-256"),
    ] = None,
    updated_since: UpdatedSince = None,
) -> Response:
    filters = service.SnapshotFilters(
        reporting_date=reporting_date,
        from_date=from_date,
        to_date=to_date,
        checksum=checksum,
        updated_since=updated_since,
    )
    listing = service.list_snapshots(filters)
    return await asked.answer(listing, SNAPSHOTS)


@router.get("/{snapshot_id}", **answers(SnapshotRead, 304, 404))
async def get_snapshot(_: FigureReader, view: View, snapshot_id: RecordId) -> Response:
    snapshot = await service.get_snapshot(view.session, snapshot_id)
    return view.resource(SnapshotRead, snapshot, version=snapshot.checksum)


@router.post(
    "",
    operation_id="peacekeeping_snapshots_create",
    summary="Upload a UN 'uniformed personnel by gender' CSV: a snapshot per reporting date",
    description="Each Last_Reporting_Date in the file becomes a snapshot, all in one "
    "transaction. Rows whose code is no country (`#N/A`, `BDS`) are left out and listed in "
    "`skipped_rows`; any other bad cell refuses the whole file (422, each error with its row, "
    "column and pointer). The same bytes again answer the stored snapshots (`created: false`, "
    "200); that does not make an older upload current again: reports use the newest upload "
    "of a month unless asked for `snapshot=ID`. Location: the snapshot, or the list of the "
    "file's snapshots when it held several months.",
    status_code=201,
    response_model=SnapshotUpload,
    responses={
        200: {"description": "These bytes were uploaded before: their snapshots"},
        **responses(409, 413, 415),
    },
    openapi_extra=UPLOAD_BODY,
)
async def upload_snapshot(actor: Writer, create: Create) -> Response:
    upload = await service.import_snapshots(
        create.session, actor, await _file_bytes(create.request)
    )
    location = None
    if upload.created:
        only = upload.snapshots[0].id if len(upload.snapshots) == 1 else None
        location = (
            f"/api/v1/peacekeeping/snapshots/{only}"
            if only is not None
            else f"/api/v1/peacekeeping/snapshots?checksum={upload.checksum}"
        )
    response = render.resource(
        create.request,
        SnapshotUpload,
        upload,
        status_code=201 if upload.created else 200,
        location=location,
        version=upload.checksum,
    )
    return response


@router.delete(
    "/{snapshot_id}",
    summary="Delete a snapshot (admin); the month's previous upload is then the newest",
    **answers_deleted(),
)
async def delete_snapshot(actor: Admin, edit: Edit, snapshot_id: RecordId) -> Response:
    return await edit.delete(service.delete_snapshot, actor, snapshot_id)
