"""/api/v1/imet-history (IMET completions before the service existed) and
/api/v1/imports/imet-history."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.responses import Response

from app.core import bulk
from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.errors import responses
from app.core.operations import bulk_imports_router, resource_router
from app.core.pagination import Page
from app.core.params import (
    FiscalYearQuery,
    FromFiscalYear,
    PartnerFilter,
    ToFiscalYear,
    UpdatedSince,
)
from app.core.responses import View
from app.core.schemas import RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload
from app.imet_history import imports, service
from app.imet_history.schemas import (
    IMET_HISTORY,
    ImetHistoryCreate,
    ImetHistoryRead,
    ImetHistoryUpdate,
)

router = resource_router("/imet-history", "imet_history")
imports_router = bulk_imports_router()


def history_filters(
    partner: PartnerFilter = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    updated_since: UpdatedSince = None,
) -> service.ImetHistoryFilters:
    return service.ImetHistoryFilters(
        partner=partner,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
    )


Filters = Annotated[service.ImetHistoryFilters, Depends(history_filters)]


@router.get(
    "",
    summary="IMET completions per partner and fiscal year from before the service (embassy "
    "keys: their own country's only)",
    response_model=Page[ImetHistoryRead],
    responses=list_responses(),
)
async def list_history(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    listing = await service.history_listing(asked.session, principal, filters)
    return await asked.answer(listing, IMET_HISTORY)


@router.get("/{history_id}", response_model=ImetHistoryRead, responses=responses(304, 404))
async def get_history(principal: Reader, view: View, history_id: RecordId) -> Response:
    history = await service.get_history(view.session, principal, history_id)
    return view.resource(ImetHistoryRead, history)


@router.post(
    "",
    status_code=201,
    summary="Record a partner's IMET completions for a fiscal year; 409 when the year already "
    "has a record or completed nominations",
    response_model=ImetHistoryRead,
    responses=responses(409, 413, 415),
)
async def create_history(actor: Writer, create: Create, body: ImetHistoryCreate) -> Response:
    history = await service.create_history(create.session, actor, body)
    return create.created(IMET_HISTORY, history)


@router.patch(
    "/{history_id}",
    response_model=ImetHistoryRead,
    responses=responses(404, 409, 412, 413, 415, 428),
)
async def update_history(
    actor: Writer, edit: Edit, history_id: RecordId, body: ImetHistoryUpdate
) -> Response:
    history = await service.update_history(
        edit.session, actor, history_id, body, edit.expected_version
    )
    return edit.resource(ImetHistoryRead, history)


@router.delete("/{history_id}", status_code=204, responses=responses(404, 412, 428))
async def delete_history(actor: Writer, edit: Edit, history_id: RecordId) -> Response:
    await service.delete_history(edit.session, actor, history_id, edit.expected_version)
    return render.no_content()


@imports_router.post(
    "/imet-history",
    operation_id="imports_imet_history",
    response_model=bulk.ImportSummary,
    summary="Upsert IMET history on (partner, fiscal_year) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `created_at`, `updated_at` ignored). "
        "A partner's fiscal year may appear once in a file; a row for a year that has "
        "completed nominations is refused. All or nothing."
    ),
    responses=responses(409, 413, 415),
    openapi_extra=bulk.request_body(ImetHistoryCreate),
)
async def import_history(actor: Writer, upload: Upload) -> Response:
    records = imports.parse(upload.content, csv_body=upload.is_csv)
    summary = await imports.import_history(upload.session, actor, records, dry_run=upload.dry_run)
    return bulk.summary_response(summary)
