"""/api/v1/imet-history (IMET completions before the service existed) and
/api/v1/imports/imet-history."""

from __future__ import annotations

from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import (
    PartnerYearFilters,
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
from app.imet.history import imports, service
from app.imet.history.schemas import (
    IMET_HISTORY,
    ImetHistoryCreate,
    ImetHistoryRead,
    ImetHistoryUpdate,
)

router = resource_router("/imet-history", "imet_history")
imports_router = bulk_imports_router()


@router.get(
    "",
    summary="IMET completions per partner and fiscal year from before the service (embassy "
    "keys: their own country's only)",
    **answers_page(ImetHistoryRead),
)
async def list_history(
    principal: Reader, asked: ListQuery, filters: PartnerYearFilters
) -> Response:
    chosen = service.ImetHistoryFilters(**filters)
    return await asked.read(IMET_HISTORY, service.history_listing, principal, chosen)


@router.get("/{history_id}", **answers(ImetHistoryRead, 304, 404))
async def get_history(principal: Reader, view: View, history_id: RecordId) -> Response:
    return await view.read(ImetHistoryRead, service.get_history, principal, history_id)


@router.post(
    "",
    summary="Record a partner's IMET completions for a fiscal year; 409 when the year already "
    "has a record or completed nominations",
    **answers_created(ImetHistoryRead, 409),
)
async def create_history(actor: Writer, create: Create, body: ImetHistoryCreate) -> Response:
    return await create.create(IMET_HISTORY, service.create_history, actor, body)


@router.patch("/{history_id}", **answers_edited(ImetHistoryRead, 409))
async def update_history(
    actor: Writer, edit: Edit, history_id: RecordId, body: ImetHistoryUpdate
) -> Response:
    return await edit.update(ImetHistoryRead, service.update_history, actor, history_id, body)


@router.delete("/{history_id}", **answers_deleted())
async def delete_history(actor: Writer, edit: Edit, history_id: RecordId) -> Response:
    return await edit.delete(service.delete_history, actor, history_id)


@imports_router.post(
    "/imet-history",
    summary="Upsert IMET history on (partner, fiscal_year) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `created_at`, `updated_at` ignored). "
        "A partner's fiscal year may appear once in a file; a row for a year that has "
        "completed nominations is refused. All or nothing."
    ),
    **answers_import(imports.ImetHistoryImporter, 409),
)
async def import_history(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_history, actor)
