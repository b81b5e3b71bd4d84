"""/api/v1/training-centers, /api/v1/facility-upgrades and /api/v1/imports/facility-upgrades."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import (
    PartnerFilter,
    ProjectFilter,
    UpdatedSince,
    YearFilters,
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
    **answers_page(TrainingCenterRead),
)
async def list_centers(
    principal: Reader,
    asked: ListQuery,
    partner: PartnerFilter = None,
    updated_since: UpdatedSince = None,
) -> Response:
    filters = service.CenterFilters(partner=partner, updated_since=updated_since)
    return await asked.read(TRAINING_CENTERS, service.centers_listing, principal, filters)


@centers.get("/{code}", **answers(TrainingCenterRead, 304, 404))
async def get_center(principal: Reader, view: View, code: CenterPath) -> Response:
    return await view.read(TrainingCenterRead, service.get_center, principal, code)


@centers.post("", **answers_created(TrainingCenterRead, 409))
async def create_center(actor: Writer, create: Create, body: TrainingCenterCreate) -> Response:
    return await create.create(TRAINING_CENTERS, service.create_center, actor, body)


@centers.patch("/{code}", **answers_edited(TrainingCenterRead))
async def update_center(
    actor: Writer, edit: Edit, code: CenterPath, body: TrainingCenterUpdate
) -> Response:
    return await edit.update(TrainingCenterRead, service.update_center, actor, code, body)


@centers.delete(
    "/{code}",
    summary="Delete a training center without upgrades (409 while it has some)",
    **answers_deleted(409),
)
async def delete_center(actor: Writer, edit: Edit, code: CenterPath) -> Response:
    return await edit.delete(service.delete_center, actor, code)


# --- Facility upgrades ------------------------------------------------------------------------


async def upgrade_filters(
    filters: YearFilters,
    project: ProjectFilter = None,
    training_center: Annotated[
        str | None, Query(pattern=CENTER_CODE_PATTERN, max_length=40, description="Center code")
    ] = None,
    status: Annotated[UpgradeStatus | None, Query()] = None,
    feature: Annotated[Feature | None, Query()] = None,
) -> service.UpgradeFilters:
    return service.UpgradeFilters(
        **filters,
        project=project,
        training_center=training_center,
        status=choice_text(status),
        feature=choice_text(feature),
    )


Filters = Annotated[service.UpgradeFilters, Depends(upgrade_filters)]


@router.get(
    "",
    summary="Gender-inclusive facility upgrades at training centers (fiscal year: completed_on's)",
    **answers_page(FacilityUpgradeRead),
)
async def list_upgrades(principal: Reader, asked: ListQuery, filters: Filters) -> Response:
    return await asked.read(FACILITY_UPGRADES, service.upgrades_listing, principal, filters)


@router.get("/{upgrade_id}", **answers(FacilityUpgradeRead, 304, 404))
async def get_upgrade(principal: Reader, view: View, upgrade_id: RecordId) -> Response:
    return await view.read(FacilityUpgradeRead, service.get_upgrade, principal, upgrade_id)


@router.post(
    "",
    summary="Record a facility upgrade; completed needs completed_on",
    **answers_created(FacilityUpgradeRead),
)
async def create_upgrade(actor: Writer, create: Create, body: FacilityUpgradeCreate) -> Response:
    return await create.create(FACILITY_UPGRADES, service.create_upgrade, actor, body)


@router.patch(
    "/{upgrade_id}",
    summary="Edit an upgrade or move its status (planned → in_progress → completed; planned or "
    "in_progress → cancelled; other moves 409)",
    **answers_edited(FacilityUpgradeRead, 409),
)
async def update_upgrade(
    actor: Writer, edit: Edit, upgrade_id: RecordId, body: FacilityUpgradeUpdate
) -> Response:
    return await edit.update(FacilityUpgradeRead, service.update_upgrade, actor, upgrade_id, body)


@router.delete("/{upgrade_id}", **answers_deleted())
async def delete_upgrade(actor: Writer, edit: Edit, upgrade_id: RecordId) -> Response:
    return await edit.delete(service.delete_upgrade, actor, upgrade_id)


@imports_router.post(
    "/facility-upgrades",
    summary="Upsert facility upgrades on (program, external_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `partner`, `fiscal_year`, timestamps "
        "ignored; `features` as `a;b`). Rows without `external_ref` are created. A status "
        "change of a stored upgrade follows the workflow. All or nothing."
    ),
    **answers_import(imports.UpgradeImporter, 409),
)
async def import_upgrades(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_upgrades, actor)
