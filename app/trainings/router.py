"""/api/v1/trainings and /api/v1/imports/trainings"""

from __future__ import annotations

from collections.abc import AsyncIterable
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import answers_page, list_or_csv, listing_batches
from app.core.db import read_connection
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import (
    FiscalYearQuery,
    FromDate,
    FromFiscalYear,
    HostCountryFilter,
    OutputFormat,
    Paging,
    PartnerFilter,
    ProgramFilter,
    ProjectFilter,
    ToDate,
    ToFiscalYear,
    UpdatedSince,
    choice_text,
)
from app.core.responses import (
    answers,
    answers_created,
    answers_deleted,
    answers_edited,
)
from app.core.schemas import RecordId, SearchText
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload, answers_import
from app.trainings import imports, reads, service
from app.trainings.schemas import (
    TRAININGS,
    Kind,
    SortOrder,
    Topic,
    TrainingCreate,
    TrainingRead,
    TrainingUpdate,
)

router = resource_router("/trainings", "trainings")
imports_router = bulk_imports_router()


async def training_filters(  # async: a plain def would run in the threadpool
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    host_country: HostCountryFilter = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    from_date: FromDate = None,
    to_date: ToDate = None,
    kind: Kind | None = None,
    topic: Topic | None = None,
    q: Annotated[SearchText | None, Query(description="Title contains")] = None,
    project: ProjectFilter = None,
    updated_since: UpdatedSince = None,
) -> service.TrainingFilters:
    return service.TrainingFilters(
        program=program,
        partner=partner,
        host_country=host_country,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        from_date=from_date,
        to_date=to_date,
        kind=choice_text(kind),
        topic=choice_text(topic),
        q=q,
        project=project,
        updated_since=updated_since,
    )


Filters = Annotated[service.TrainingFilters, Depends(training_filters)]


@router.get("", **answers_page(TrainingRead))
async def list_trainings(
    request: Request,
    principal: Reader,
    paging: Paging,
    filters: Filters,
    sort: Annotated[SortOrder, Query(description="Order of the items")] = SortOrder.start_date_desc,
    format: OutputFormat = None,
) -> Response:
    # Reads only: connections of their own, without the request-scoped dependency's commit.
    sessionmaker = request.app.state.sessionmaker

    async def page() -> Response:
        items, result = await reads.page_json(request, principal, paging, filters, sort)
        return render.json_page(request, items, result)

    async def export() -> AsyncIterable[list[Any]]:
        async with sessionmaker() as session:
            listing = await service.trainings_listing(session, principal, filters, sort)
        return listing_batches(sessionmaker, listing)

    return await list_or_csv(
        request, format, TRAININGS.shape, filename=TRAININGS.filename, export=export, page=page
    )


@router.get("/{training_id}", **answers(TrainingRead, 304, 404))
async def get_training(request: Request, principal: Reader, training_id: RecordId) -> Response:
    async with read_connection(request) as conn:
        body, version = await reads.training_json(conn, principal, training_id)
    return render.json_resource(request, lambda: body, version)


@router.post("", **answers_created(TrainingRead, 409))
async def create_training(actor: Writer, create: Create, body: TrainingCreate) -> Response:
    created = await service.create_training(create.session, actor, body)
    body_json = reads.created_json(created.row, created.participants, created.topics)
    return create.created_json(TRAININGS, created, body_json, version=1)


@router.patch("/{training_id}", **answers_edited(TrainingRead, 409))
async def update_training(
    actor: Writer, edit: Edit, training_id: RecordId, body: TrainingUpdate
) -> Response:
    return await edit.update(TrainingRead, service.update_training, actor, training_id, body)


@router.delete("/{training_id}", **answers_deleted())
async def delete_training(actor: Writer, edit: Edit, training_id: RecordId) -> Response:
    return await edit.delete(service.delete_training, actor, training_id)


@imports_router.post(
    "/trainings",
    summary="Upsert trainings from a JSON array or a CSV (the export's columns)",
    **answers_import(imports.TrainingImporter, 409),
)
async def import_trainings(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_trainings, actor)
