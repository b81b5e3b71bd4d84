"""/api/v1/training-centers, /api/v1/facility-upgrades and /api/v1/imports/facility-upgrades."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
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
    ProgramFilter,
    ProjectFilter,
    ToFiscalYear,
    UpdatedSince,
)
from app.core.responses import View
from app.core.schemas import RecordId
from app.core.security import Reader, Writer
from app.core.writes import Create, Edit, Upload
from app.facilities import imports, service
from app.facilities.schemas import (
    CENTER_CODE_PATTERN,
    FACILITY_UPGRADES,
    TRAINING_CENTERS,
    FacilityUpgradeCreate,
    FacilityUpgradeRead,
    FacilityUpgradeUpdate,
    Feature,
    TrainingCenterCreate,
    TrainingCenterRead,
    TrainingCenterUpdate,
    UpgradeStatus,
)

centers = resource_router("/training-centers", "training_centers")
router = resource_router("/facility-upgrades", "facility_upgrades")
imports_router = bulk_imports_router()

CenterPath = Annotated[
    str, Path(pattern=CENTER_CODE_PATTERN, max_length=40, description="Center code, any case")
]


# --- Training centers -------------------------------------------------------------------------


@centers.get(
    "",
    summary="Partners' peace operations training centers (embassy keys: their own country's)",
    response_model=Page[TrainingCenterRead],
    responses=list_responses(),
)
async def list_centers(
    principal: Reader,
    asked: ListQuery,
    partner: PartnerFilter = None,
    updated_since: UpdatedSince = None,
) -> Response:
    filters = service.CenterFilters(partner=partner, updated_since=updated_since)
    listing = await service.centers_listing(asked.session, principal, filters)
    return await asked.answer(listing, TRAINING_CENTERS)


@centers.get("/{code}", response_model=TrainingCenterRead, responses=responses(304, 404))
async def get_center(principal: Reader, view: View, code: CenterPath) -> Response:
    center = await service.get_center(view.session, principal, code)
    return view.resource(TrainingCenterRead, center)


@centers.post(
    "", status_code=201, response_model=TrainingCenterRead, responses=responses(409, 413, 415)
)
async def create_center(actor: Writer, create: Create, body: TrainingCenterCreate) -> Response:
    center = await service.create_center(create.session, actor, body)
    return create.created(TRAINING_CENTERS, center)


@centers.patch(
    "/{code}", response_model=TrainingCenterRead, responses=responses(404, 412, 413, 415, 428)
)
async def update_center(
    actor: Writer, edit: Edit, code: CenterPath, body: TrainingCenterUpdate
) -> Response:
    center = await service.update_center(edit.session, actor, code, body, edit.expected_version)
    return edit.resource(TrainingCenterRead, center)


@centers.delete(
    "/{code}",
    status_code=204,
    summary="Delete a training center without upgrades (409 while it has some)",
    responses=responses(404, 409, 412, 428),
)
async def delete_center(actor: Writer, edit: Edit, code: CenterPath) -> Response:
    await service.delete_center(edit.session, actor, code, edit.expected_version)
    return render.no_content()


# --- Facility upgrades ------------------------------------------------------------------------


def upgrade_filters(
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    project: ProjectFilter = None,
    training_center: Annotated[
        str | None, Query(pattern=CENTER_CODE_PATTERN, max_length=40, description="Center code")
    ] = None,
    status: Annotated[UpgradeStatus | None, Query()] = None,
    feature: Annotated[Feature | None, Query()] = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    updated_since: UpdatedSince = None,
) -> service.UpgradeFilters:
    return service.UpgradeFilters(
        program=program,
        partner=partner,
        project=project,
        training_center=training_center,
        status=str(status) if status is not None else None,
        feature=str(feature) if feature is not None else None,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
    )


Filters = Annotated[service.UpgradeFilters, Depends(upgrade_filters)]


@router.get(
    "",
    summary="Gender-inclusive facility upgrades at training centers (fiscal year: completed_on's)",
    response_model=Page[FacilityUpgradeRead],
    responses=list_responses(),
)
async def list_upgrades(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    listing = await service.upgrades_listing(asked.session, principal, filters)
    return await asked.answer(listing, FACILITY_UPGRADES)


@router.get("/{upgrade_id}", response_model=FacilityUpgradeRead, responses=responses(304, 404))
async def get_upgrade(principal: Reader, view: View, upgrade_id: RecordId) -> Response:
    upgrade = await service.get_upgrade(view.session, principal, upgrade_id)
    return view.resource(FacilityUpgradeRead, upgrade)


@router.post(
    "",
    status_code=201,
    summary="Record a facility upgrade; completed needs completed_on",
    response_model=FacilityUpgradeRead,
    responses=responses(413, 415),
)
async def create_upgrade(actor: Writer, create: Create, body: FacilityUpgradeCreate) -> Response:
    upgrade = await service.create_upgrade(create.session, actor, body)
    return create.created(FACILITY_UPGRADES, upgrade)


@router.patch(
    "/{upgrade_id}",
    summary="Edit an upgrade or move its status (planned → in_progress → completed; planned or "
    "in_progress → cancelled; other moves 409)",
    response_model=FacilityUpgradeRead,
    responses=responses(404, 409, 412, 413, 415, 428),
)
async def update_upgrade(
    actor: Writer, edit: Edit, upgrade_id: RecordId, body: FacilityUpgradeUpdate
) -> Response:
    upgrade = await service.update_upgrade(
        edit.session, actor, upgrade_id, body, edit.expected_version
    )
    return edit.resource(FacilityUpgradeRead, upgrade)


@router.delete("/{upgrade_id}", status_code=204, responses=responses(404, 412, 428))
async def delete_upgrade(actor: Writer, edit: Edit, upgrade_id: RecordId) -> Response:
    await service.delete_upgrade(edit.session, actor, upgrade_id, edit.expected_version)
    return render.no_content()


@imports_router.post(
    "/facility-upgrades",
    operation_id="imports_facility_upgrades",
    response_model=bulk.ImportSummary,
    summary="Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps "
        "ignored; `features` as `a;b`). Rows without `external_ref` are created. A status "
        "change of a stored upgrade follows the workflow. All or nothing."
    ),
    responses=responses(409, 413, 415),
    openapi_extra=bulk.request_body(FacilityUpgradeCreate),
)
async def import_upgrades(actor: Writer, upload: Upload) -> Response:
    records = imports.parse(upload.content, csv_body=upload.is_csv)
    summary = await imports.import_upgrades(upload.session, actor, records, dry_run=upload.dry_run)
    return bulk.summary_response(summary)
