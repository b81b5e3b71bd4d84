"""/api/v1/obligations (obligations and disbursements) and /api/v1/imports/obligations."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from starlette.responses import Response

from app.core import bulk
from app.core import responses as render
from app.core.csvout import ListQuery, list_responses
from app.core.errors import responses
from app.core.operations import bulk_imports_router, resource_router
from app.core.pagination import Page
from app.core.params import (
    FiscalYearQuery,
    PartnerFilter,
    ProgramFilter,
    ProjectFilter,
    UpdatedSince,
)
from app.core.responses import View
from app.core.schemas import RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload
from app.funding import imports, service
from app.funding.schemas import (
    OBLIGATIONS,
    FundingType,
    ObligationCreate,
    ObligationRead,
    ObligationUpdate,
    Purpose,
)

router = resource_router("/obligations", "obligations", tag="funding")
imports_router = bulk_imports_router()


def obligation_filters(
    program: ProgramFilter = None,
    fiscal_year: FiscalYearQuery = None,
    partner: PartnerFilter = None,
    type: Annotated[FundingType | None, Query()] = None,
    purpose: Annotated[Purpose | None, Query()] = None,
    project: ProjectFilter = None,
    updated_since: UpdatedSince = None,
) -> service.ObligationFilters:
    return service.ObligationFilters(
        program=program,
        fiscal_year=fiscal_year,
        partner=partner,
        type=str(type) if type else None,
        purpose=str(purpose) if purpose else None,
        project=project,
        updated_since=updated_since,
    )


Filters = Annotated[service.ObligationFilters, Depends(obligation_filters)]


@router.get(
    "",
    summary="Obligations and disbursements (embassy keys: their own country's only)",
    response_model=Page[ObligationRead],
    responses=list_responses(),
)
async def list_obligations(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    listing = await service.obligations_listing(asked.session, principal, filters)
    return await asked.answer(listing, OBLIGATIONS)


@router.get("/{obligation_id}", response_model=ObligationRead, responses=responses(304, 404))
async def get_obligation(principal: Reader, view: View, obligation_id: RecordId) -> Response:
    obligation = await service.get_obligation(view.session, principal, obligation_id)
    return view.resource(ObligationRead, obligation)


@router.post("", status_code=201, response_model=ObligationRead, responses=responses(413, 415))
async def create_obligation(actor: Writer, create: Create, body: ObligationCreate) -> Response:
    obligation = await service.create_obligation(create.session, actor, body)
    return create.created(OBLIGATIONS, obligation)


@router.patch(
    "/{obligation_id}", response_model=ObligationRead, responses=responses(404, 412, 413, 415, 428)
)
async def update_obligation(
    actor: Writer, edit: Edit, obligation_id: RecordId, body: ObligationUpdate
) -> Response:
    obligation = await service.update_obligation(
        edit.session, actor, obligation_id, body, edit.expected_version
    )
    return edit.resource(ObligationRead, obligation)


@router.delete("/{obligation_id}", status_code=204, responses=responses(404, 412, 428))
async def delete_obligation(actor: Writer, edit: Edit, obligation_id: RecordId) -> Response:
    await service.delete_obligation(edit.session, actor, obligation_id, edit.expected_version)
    return render.no_content()


@imports_router.post(
    "/obligations",
    operation_id="imports_obligations",
    response_model=bulk.ImportSummary,
    summary="Upsert obligations on (program, source_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `created_at`, `updated_at` ignored). "
        "A source_ref may appear once per program in a file and must match at most one stored "
        "record; records without one are always created. All or nothing."
    ),
    responses=responses(409, 413, 415),
    openapi_extra=bulk.request_body(ObligationCreate),
)
async def import_obligations(actor: Writer, upload: Upload) -> Response:
    records = imports.parse(upload.content, csv_body=upload.is_csv)
    summary = await imports.import_obligations(
        upload.session, actor, records, dry_run=upload.dry_run
    )
    return bulk.summary_response(summary)
