"""/api/v1/obligations (obligations and disbursements) and /api/v1/imports/obligations."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import (
    FiscalYearQuery,
    ProgramAndPartner,
    ProjectFilter,
    UpdatedSince,
    choice_text,
)
from app.core.responses import (
    View,
    answers,
    answers_created,
    answers_deleted,
    answers_edited,
)
from app.core.schemas import RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload, answers_import
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


async def obligation_filters(
    codes: ProgramAndPartner,
    fiscal_year: FiscalYearQuery = None,
    type: Annotated[FundingType | None, Query()] = None,
    purpose: Annotated[Purpose | None, Query()] = None,
    project: ProjectFilter = None,
    updated_since: UpdatedSince = None,
) -> service.ObligationFilters:
    return service.ObligationFilters(
        **codes,
        fiscal_year=fiscal_year,
        type=choice_text(type),
        purpose=choice_text(purpose),
        project=project,
        updated_since=updated_since,
    )


Filters = Annotated[service.ObligationFilters, Depends(obligation_filters)]


@router.get(
    "",
    summary="Obligations and disbursements (embassy keys: their own country's only)",
    **answers_page(ObligationRead),
)
async def list_obligations(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    return await asked.read(OBLIGATIONS, service.obligations_listing, principal, filters)


@router.get("/{obligation_id}", **answers(ObligationRead, 304, 404))
async def get_obligation(principal: Reader, view: View, obligation_id: RecordId) -> Response:
    return await view.read(ObligationRead, service.get_obligation, principal, obligation_id)


@router.post("", **answers_created(ObligationRead))
async def create_obligation(actor: Writer, create: Create, body: ObligationCreate) -> Response:
    return await create.create(OBLIGATIONS, service.create_obligation, actor, body)


@router.patch("/{obligation_id}", **answers_edited(ObligationRead))
async def update_obligation(
    actor: Writer, edit: Edit, obligation_id: RecordId, body: ObligationUpdate
) -> Response:
    return await edit.update(ObligationRead, service.update_obligation, actor, obligation_id, body)


@router.delete("/{obligation_id}", **answers_deleted())
async def delete_obligation(actor: Writer, edit: Edit, obligation_id: RecordId) -> Response:
    return await edit.delete(service.delete_obligation, actor, obligation_id)


@imports_router.post(
    "/obligations",
    summary="Upsert obligations on (program, source_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `created_at`, `updated_at` ignored). "
        "A source_ref may appear once per program in a file and must match at most one stored "
        "record; records without one are always created. All or nothing."
    ),
    **answers_import(imports.ObligationImporter, 409),
)
async def import_obligations(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_obligations, actor)
