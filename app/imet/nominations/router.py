"""/api/v1/nominations: embassies nominate, reviewers move nominations through the workflow."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.audit.schemas import AuditEventRead
from app.core import responses as render
from app.core.csvout import ListQuery, answers_page
from app.core.db import SessionDep
from app.core.idempotency import IdempotencyKey, RequiredIdempotencyKey
from app.core.operations import resource_router
from app.core.params import (
    FiscalYearQuery,
    PartnerFilter,
    UpdatedSince,
)
from app.core.responses import (
    View,
    answers,
    answers_amended,
    answers_created,
    answers_deleted,
    answers_edited,
)
from app.core.schemas import REFERENCE_PATTERN, RecordId
from app.core.security import Admin, Budget, Principal, Role, require
from app.core.writes import Amend, Edit
from app.imet.nominations import service
from app.imet.nominations.schemas import (
    NOMINATION_HISTORY,
    NOMINATIONS,
    TRANSITION_REASONS,
    NominationCreate,
    NominationRead,
    NominationUpdate,
    TransitionReasonRead,
    TransitionRequest,
    VettingWrite,
)
from app.imet.nominations.workflow import NominationStatus, Sex, VettingStatus

router = resource_router("/nominations", "nominations")

# Nominee personal data: admins, and embassies for their own country (scoped in the service).
# Analyst and integration keys are refused on every nomination route.
NominationUser = Annotated[Principal, require(Role.admin, Role.embassy)]
# The same, spending the key's budget of nomination creations per minute (429, Retry-After).
NominationCreator = Annotated[
    Principal,
    require(
        Role.admin,
        Role.embassy,
        budget=Budget("nominations", "nomination_rate_limit_per_minute"),
    ),
]


@router.post(
    "",
    summary="Nominate a candidate (Idempotency-Key required)",
    **answers_created(NominationRead, 400, 409),
)
async def create_nomination(
    request: Request,
    actor: NominationCreator,
    idempotency_key: RequiredIdempotencyKey,
    session: SessionDep,
    body: NominationCreate,
) -> Response:
    nomination = await service.create_nomination(session, actor, body)
    return render.created(request, NOMINATIONS, nomination)


def nomination_filters(
    partner: PartnerFilter = None,
    fiscal_year: FiscalYearQuery = None,
    status: NominationStatus | None = None,
    sex: Sex | None = None,
    vetting_status: VettingStatus | None = None,
    course: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$", description="Course MASL id"),
    ] = None,
    external_ref: Annotated[
        str | None, Query(min_length=1, max_length=64, pattern=REFERENCE_PATTERN)
    ] = None,
    updated_since: UpdatedSince = None,
) -> service.NominationFilters:
    return service.NominationFilters(
        partner=partner,
        fiscal_year=fiscal_year,
        status=status,
        sex=sex,
        vetting_status=vetting_status,
        course=course,
        external_ref=external_ref,
        updated_since=updated_since,
    )


Filters = Annotated[service.NominationFilters, Depends(nomination_filters)]


@router.get("", **answers_page(NominationRead))
async def list_nominations(actor: NominationUser, asked: ListQuery, filters: Filters) -> Response:
    return await asked.read(NOMINATIONS, service.nominations_listing, actor, filters)


@router.get("/{nomination_id}", **answers(NominationRead, 304, 404))
async def get_nomination(actor: NominationUser, view: View, nomination_id: RecordId) -> Response:
    return await view.read(NominationRead, service.get_nomination, actor, nomination_id)


@router.patch(
    "/{nomination_id}",
    summary="Correct nominee, course or ECL while the nomination is submitted",
    **answers_edited(NominationRead, 409),
)
async def update_nomination(
    actor: NominationUser, edit: Edit, nomination_id: RecordId, body: NominationUpdate
) -> Response:
    return await edit.update(NominationRead, service.update_nomination, actor, nomination_id, body)


@router.post(
    "/{nomination_id}/transitions",
    operation_id="nominations_transition",
    summary="Move a nomination to another status; 409 names the unmet condition",
    **answers_amended(NominationRead, 409),
)
async def transition_nomination(
    actor: NominationUser,
    edit: Amend,
    idempotency_key: IdempotencyKey,
    nomination_id: RecordId,
    body: TransitionRequest,
) -> Response:
    return await edit.update(
        NominationRead, service.transition, actor, nomination_id, body.to, body.reason
    )


@router.put(
    "/{nomination_id}/vetting",
    operation_id="nominations_vetting_put",
    summary="Record the Leahy vetting decision (admin)",
    **answers_amended(NominationRead),
)
async def put_vetting(
    # Embassies pass here so another country's nomination is a 404 like everywhere else;
    # the service then refuses them (403) on their own nominations.
    actor: NominationUser,
    edit: Amend,
    nomination_id: RecordId,
    body: VettingWrite,
) -> Response:
    return await edit.update(NominationRead, service.set_vetting, actor, nomination_id, body)


@router.get(
    "/{nomination_id}/history",
    operation_id="nominations_history",
    summary="The nomination's audit trail: who, when, which fields (never personal values)",
    **answers_page(AuditEventRead, 404),
)
async def nomination_history(
    actor: NominationUser,
    nomination_id: RecordId,
    asked: ListQuery,
    updated_since: UpdatedSince = None,
) -> Response:
    listing = await service.history(
        asked.session, actor, nomination_id, updated_since=updated_since
    )
    return await asked.answer(listing, NOMINATION_HISTORY)


@router.get(
    "/{nomination_id}/transition-reasons",
    operation_id="nominations_transition_reasons",
    summary="The free-text reasons given with status changes (admin; not in the audit trail)",
    **answers_page(TransitionReasonRead, 404),
)
async def transition_reasons(
    actor: Admin, nomination_id: RecordId, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    listing = await service.transition_reasons(
        asked.session, actor, nomination_id, updated_since=updated_since
    )
    return await asked.answer(listing, TRANSITION_REASONS)


@router.delete(
    "/{nomination_id}/transition-reasons",
    operation_id="nominations_transition_reasons_purge",
    summary="Purge the nomination's transition reasons (admin; If-Match: the nomination's ETag)",
    **answers_deleted(),
)
async def purge_transition_reasons(actor: Admin, edit: Edit, nomination_id: RecordId) -> Response:
    return await edit.delete(service.purge_transition_reasons, actor, nomination_id)
