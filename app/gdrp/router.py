"""/api/v1/advisory-engagements, /api/v1/policy-milestones and
/api/v1/imports/policy-milestones."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import bulk_imports_router, resource_router
from app.core.params import ProjectFilter, YearFilters, choice_text
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
from app.gdrp import imports, service
from app.gdrp.schemas import (
    ADVISORY_ENGAGEMENTS,
    POLICY_MILESTONES,
    EngagementCreate,
    EngagementRead,
    EngagementUpdate,
    Focus,
    MilestoneCreate,
    MilestoneKind,
    MilestoneRead,
    MilestoneUpdate,
)

engagements = resource_router("/advisory-engagements", "advisory_engagements")
milestones = resource_router("/policy-milestones", "policy_milestones")
imports_router = bulk_imports_router()


# --- Advisory engagements ---------------------------------------------------------------------


@engagements.get(
    "",
    summary="GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own "
    "country's)",
    **answers_page(EngagementRead),
)
async def list_engagements(
    principal: Reader,
    asked: ListQuery,
    filters: YearFilters,
    focus: Annotated[Focus | None, Query()] = None,
    project: ProjectFilter = None,
) -> Response:
    chosen = service.GdrpFilters(**filters, focus=choice_text(focus), project=project)
    return await asked.read(ADVISORY_ENGAGEMENTS, service.engagements_listing, principal, chosen)


@engagements.get("/{engagement_id}", **answers(EngagementRead, 304, 404))
async def get_engagement(principal: Reader, view: View, engagement_id: RecordId) -> Response:
    return await view.read(EngagementRead, service.get_engagement, principal, engagement_id)


@engagements.post("", **answers_created(EngagementRead))
async def create_engagement(actor: Writer, create: Create, body: EngagementCreate) -> Response:
    return await create.create(ADVISORY_ENGAGEMENTS, service.create_engagement, actor, body)


@engagements.patch(
    "/{engagement_id}",
    summary="Edit an engagement; its partner stays while policy milestones name it (409)",
    **answers_edited(EngagementRead, 409),
)
async def update_engagement(
    actor: Writer, edit: Edit, engagement_id: RecordId, body: EngagementUpdate
) -> Response:
    return await edit.update(EngagementRead, service.update_engagement, actor, engagement_id, body)


@engagements.delete(
    "/{engagement_id}",
    summary="Delete an engagement no policy milestone names (409 otherwise)",
    **answers_deleted(409),
)
async def delete_engagement(actor: Writer, edit: Edit, engagement_id: RecordId) -> Response:
    return await edit.delete(service.delete_engagement, actor, engagement_id)


# --- Policy milestones ------------------------------------------------------------------------


@milestones.get(
    "",
    summary="Policies, plans and capacity partner governments adopted (fiscal year: "
    "adopted_on's; embassy keys: their own country's)",
    **answers_page(MilestoneRead),
)
async def list_milestones(
    principal: Reader,
    asked: ListQuery,
    filters: YearFilters,
    kind: Annotated[MilestoneKind | None, Query()] = None,
) -> Response:
    chosen = service.GdrpFilters(**filters, kind=choice_text(kind))
    return await asked.read(POLICY_MILESTONES, service.milestones_listing, principal, chosen)


@milestones.get("/{milestone_id}", **answers(MilestoneRead, 304, 404))
async def get_milestone(principal: Reader, view: View, milestone_id: RecordId) -> Response:
    return await view.read(MilestoneRead, service.get_milestone, principal, milestone_id)


@milestones.post(
    "",
    summary="Record a policy milestone; its engagement, if any, must be of the same partner",
    **answers_created(MilestoneRead),
)
async def create_milestone(actor: Writer, create: Create, body: MilestoneCreate) -> Response:
    return await create.create(POLICY_MILESTONES, service.create_milestone, actor, body)


@milestones.patch("/{milestone_id}", **answers_edited(MilestoneRead))
async def update_milestone(
    actor: Writer, edit: Edit, milestone_id: RecordId, body: MilestoneUpdate
) -> Response:
    return await edit.update(MilestoneRead, service.update_milestone, actor, milestone_id, body)


@milestones.delete("/{milestone_id}", **answers_deleted())
async def delete_milestone(actor: Writer, edit: Edit, milestone_id: RecordId) -> Response:
    return await edit.delete(service.delete_milestone, actor, milestone_id)


@imports_router.post(
    "/policy-milestones",
    summary="Upsert policy milestones on (partner, external_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `fiscal_year`, timestamps ignored). "
        "Rows without `external_ref` are created; an `engagement` must be of the row's "
        "partner. All or nothing."
    ),
    **answers_import(imports.MilestoneImporter),
)
async def import_milestones(actor: Writer, upload: Upload) -> Response:
    return await upload.run(imports.parse, imports.import_milestones, actor)
