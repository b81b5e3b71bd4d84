"""/api/v1/advisory-engagements, /api/v1/policy-milestones and
/api/v1/imports/policy-milestones."""

from __future__ import annotations

from dataclasses import replace
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


def gdrp_filters(
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    updated_since: UpdatedSince = None,
) -> service.GdrpFilters:
    return service.GdrpFilters(
        program=program,
        partner=partner,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
    )


Filters = Annotated[service.GdrpFilters, Depends(gdrp_filters)]


# --- Advisory engagements ---------------------------------------------------------------------


@engagements.get(
    "",
    summary="GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own "
    "country's)",
    response_model=Page[EngagementRead],
    responses=list_responses(),
)
async def list_engagements(
    principal: Reader,
    asked: ListQuery,
    filters: Filters,
    focus: Annotated[Focus | None, Query()] = None,
    project: ProjectFilter = None,
) -> Response:
    chosen = replace(filters, focus=str(focus) if focus is not None else None, project=project)
    listing = await service.engagements_listing(asked.session, principal, chosen)
    return await asked.answer(listing, ADVISORY_ENGAGEMENTS)


@engagements.get("/{engagement_id}", response_model=EngagementRead, responses=responses(304, 404))
async def get_engagement(principal: Reader, view: View, engagement_id: RecordId) -> Response:
    engagement = await service.get_engagement(view.session, principal, engagement_id)
    return view.resource(EngagementRead, engagement)


@engagements.post("", status_code=201, response_model=EngagementRead, responses=responses(413, 415))
async def create_engagement(actor: Writer, create: Create, body: EngagementCreate) -> Response:
    engagement = await service.create_engagement(create.session, actor, body)
    return create.created(ADVISORY_ENGAGEMENTS, engagement)


@engagements.patch(
    "/{engagement_id}",
    summary="Edit an engagement; its partner stays while policy milestones name it (409)",
    response_model=EngagementRead,
    responses=responses(404, 409, 412, 413, 415, 428),
)
async def update_engagement(
    actor: Writer, edit: Edit, engagement_id: RecordId, body: EngagementUpdate
) -> Response:
    engagement = await service.update_engagement(
        edit.session, actor, engagement_id, body, edit.expected_version
    )
    return edit.resource(EngagementRead, engagement)


@engagements.delete(
    "/{engagement_id}",
    status_code=204,
    summary="Delete an engagement no policy milestone names (409 otherwise)",
    responses=responses(404, 409, 412, 428),
)
async def delete_engagement(actor: Writer, edit: Edit, engagement_id: RecordId) -> Response:
    await service.delete_engagement(edit.session, actor, engagement_id, edit.expected_version)
    return render.no_content()


# --- Policy milestones ------------------------------------------------------------------------


@milestones.get(
    "",
    summary="Policies, plans and capacity partner governments adopted (fiscal year: "
    "adopted_on's; embassy keys: their own country's)",
    response_model=Page[MilestoneRead],
    responses=list_responses(),
)
async def list_milestones(
    principal: Reader,
    asked: ListQuery,
    filters: Filters,
    kind: Annotated[MilestoneKind | None, Query()] = None,
) -> Response:
    chosen = replace(filters, kind=str(kind) if kind is not None else None)
    listing = await service.milestones_listing(asked.session, principal, chosen)
    return await asked.answer(listing, POLICY_MILESTONES)


@milestones.get("/{milestone_id}", response_model=MilestoneRead, responses=responses(304, 404))
async def get_milestone(principal: Reader, view: View, milestone_id: RecordId) -> Response:
    milestone = await service.get_milestone(view.session, principal, milestone_id)
    return view.resource(MilestoneRead, milestone)


@milestones.post(
    "",
    status_code=201,
    summary="Record a policy milestone; its engagement, if any, must be of the same partner",
    response_model=MilestoneRead,
    responses=responses(413, 415),
)
async def create_milestone(actor: Writer, create: Create, body: MilestoneCreate) -> Response:
    milestone = await service.create_milestone(create.session, actor, body)
    return create.created(POLICY_MILESTONES, milestone)


@milestones.patch(
    "/{milestone_id}", response_model=MilestoneRead, responses=responses(404, 412, 413, 415, 428)
)
async def update_milestone(
    actor: Writer, edit: Edit, milestone_id: RecordId, body: MilestoneUpdate
) -> Response:
    milestone = await service.update_milestone(
        edit.session, actor, milestone_id, body, edit.expected_version
    )
    return edit.resource(MilestoneRead, milestone)


@milestones.delete("/{milestone_id}", status_code=204, responses=responses(404, 412, 428))
async def delete_milestone(actor: Writer, edit: Edit, milestone_id: RecordId) -> Response:
    await service.delete_milestone(edit.session, actor, milestone_id, edit.expected_version)
    return render.no_content()


@imports_router.post(
    "/policy-milestones",
    operation_id="imports_policy_milestones",
    response_model=bulk.ImportSummary,
    summary="Upsert policy milestones on (partner, external_ref) from a JSON array or a CSV",
    description=(
        "The CSV takes the list export's columns (`id`, `fiscal_year`, timestamps ignored). "
        "Rows without `external_ref` are created; an `engagement` must be of the row's "
        "partner. All or nothing."
    ),
    responses=responses(413, 415),
    openapi_extra=bulk.request_body(MilestoneCreate),
)
async def import_milestones(actor: Writer, upload: Upload) -> Response:
    records = imports.parse(upload.content, csv_body=upload.is_csv)
    summary = await imports.import_milestones(
        upload.session, actor, records, dry_run=upload.dry_run
    )
    return bulk.summary_response(summary)
