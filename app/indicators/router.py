"""/api/v1/indicators: definitions, targets, results, locks and progress.

Everyone reads (embassy keys: their own country's targets, results and progress); only
admins write. Results are entered for manual indicators only; integration keys and admins
submit them, admins approve or return them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, answers_page
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.history import answer_as_known
from app.core.idempotency import IdempotencyKey
from app.core.operations import resource_router
from app.core.params import (
    AsKnownOn,
    FiscalYearPath,
    FiscalYearQuery,
    FromFiscalYear,
    PartnerFilter,
    ProgramFilter,
    SuppressBelowByYear,
    ToFiscalYear,
    UpdatedSince,
    choice_text,
)
from app.core.responses import (
    View,
    answers,
    answers_amended,
    answers_created,
    answers_deleted,
    answers_edited,
    answers_put,
)
from app.core.schemas import ParamInt, RecordId
from app.core.security import Admin, Principal, Reader, require
from app.core.writes import Amend, Create, Edit
from app.indicators import approval, results, service, targets
from app.indicators import progress as progress_service
from app.indicators.approval import ResultStatus
from app.indicators.schemas import (
    INDICATORS,
    RESULTS,
    IncludeQuery,
    IndicatorCreate,
    IndicatorRead,
    IndicatorUpdate,
    LockRead,
    Progress,
    ResultCreate,
    ResultRead,
    ResultTransition,
    ResultUpdate,
    Source,
    TargetRead,
    TargetWrite,
)

router = resource_router("/indicators", "indicators")

IndicatorCodePath = Annotated[
    str, Path(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,31}$", description="Indicator code")
]
# Integration scripts and admins submit results; admins approve or return them (the
# approval rules say which role makes which move).
ResultMover = Annotated[Principal, require(*approval.MOVERS)]
# Integration scripts and admins enter and edit results (integration keys: their own drafts).
ResultEnterer = Annotated[Principal, require(*approval.ENTERERS)]
Force = Annotated[
    bool, Query(description="Change a locked fiscal year anyway (admin; audited as forced)")
]


def _indicator_url(code: str) -> str:
    return f"/api/v1/indicators/{code}"


def indicator_filters(
    outcome: Annotated[ParamInt | None, Query(ge=1, le=4)] = None,
    program: ProgramFilter = None,
    source: Annotated[Source | None, Query()] = None,
    updated_since: UpdatedSince = None,
) -> service.IndicatorFilters:
    return service.IndicatorFilters(
        outcome=outcome,
        program=program,
        source=choice_text(source),
        updated_since=updated_since,
    )


def result_filters(
    fiscal_year: FiscalYearQuery = None,
    partner: PartnerFilter = None,
    flagged: Annotated[bool | None, Query()] = None,
    status: Annotated[
        ResultStatus | None, Query(description="Approval status (submitted: awaiting review)")
    ] = None,
    updated_since: UpdatedSince = None,
) -> results.ResultFilters:
    return results.ResultFilters(
        fiscal_year=fiscal_year,
        partner=partner,
        flagged=flagged,
        status=status,
        updated_since=updated_since,
    )


@router.get("", **answers_page(IndicatorRead))
async def list_indicators(
    _: Reader,
    asked: ListQuery,
    filters: Annotated[service.IndicatorFilters, Depends(indicator_filters)],
) -> Response:
    return await asked.read(INDICATORS, service.list_indicators, filters)


@router.post("", **answers_created(IndicatorRead, 409))
async def create_indicator(actor: Admin, create: Create, body: IndicatorCreate) -> Response:
    return await create.create(INDICATORS, service.create_indicator, actor, body)


@router.get("/{code}", **answers(IndicatorRead, 304, 404))
async def get_indicator(_: Reader, view: View, code: IndicatorCodePath) -> Response:
    return await view.read(IndicatorRead, service.get_indicator, code)


@router.patch("/{code}", **answers_edited(IndicatorRead))
async def update_indicator(
    actor: Admin, edit: Edit, code: IndicatorCodePath, body: IndicatorUpdate
) -> Response:
    return await edit.update(IndicatorRead, service.update_indicator, actor, code, body)


@router.delete(
    "/{code}",
    summary="Delete an indicator that has no results (its targets and locks go with it)",
    **answers_deleted(409),
)
async def delete_indicator(actor: Admin, edit: Edit, code: IndicatorCodePath) -> Response:
    return await edit.delete(service.delete_indicator, actor, code)


# --- Targets ----------------------------------------------------------------------------------


@router.get(
    "/{code}/targets/{fiscal_year}",
    operation_id="indicator_targets_get",
    summary="The fiscal year's target: overall, or one partner's with ?partner=",
    **answers(TargetRead, 304, 403, 404),
)
async def get_target(
    actor: Reader,
    view: View,
    code: IndicatorCodePath,
    fiscal_year: FiscalYearPath,
    partner: PartnerFilter = None,
) -> Response:
    return await view.read(TargetRead, targets.get_target, actor, code, fiscal_year, partner)


@router.put(
    "/{code}/targets/{fiscal_year}",
    operation_id="indicator_targets_put",
    summary="Set the fiscal year's target (overall, or a partner's when the body names one)",
    **answers_put(TargetRead, 409),
)
async def put_target(
    actor: Admin,
    edit: Amend,
    code: IndicatorCodePath,
    fiscal_year: FiscalYearPath,
    body: TargetWrite,
    force: Force = False,
) -> Response:
    target, created = await targets.put_target(
        edit.session, actor, code, fiscal_year, body, edit.expected_version, force
    )
    location = f"{_indicator_url(target.indicator_code)}/targets/{fiscal_year}"
    if target.partner_code:
        location += f"?partner={target.partner_code}"
    return edit.put(TargetRead, target, created, location)


# --- Results ----------------------------------------------------------------------------------


@router.get(
    "/{code}/results",
    operation_id="indicator_results_list",
    summary="A manual indicator's results (embassy keys: their own country's only)",
    **answers_page(ResultRead, 403, 404),
)
async def list_results(
    actor: Reader,
    asked: ListQuery,
    code: IndicatorCodePath,
    filters: Annotated[results.ResultFilters, Depends(result_filters)],
) -> Response:
    return await asked.read(RESULTS, results.list_results, actor, code, filters)


@router.post(
    "/{code}/results",
    operation_id="indicator_results_create",
    summary="Enter a fiscal year's result (manual indicators; one per year and partner)",
    **answers_created(ResultRead, 404, 409),
)
async def create_result(
    actor: ResultEnterer,
    create: Create,
    code: IndicatorCodePath,
    body: ResultCreate,
    force: Force = False,
) -> Response:
    return await create.create(RESULTS, results.create_result, actor, code, body, force)


@router.get(
    "/{code}/results/{result_id}",
    operation_id="indicator_results_get",
    **answers(ResultRead, 304, 404),
)
async def get_result(
    actor: Reader, view: View, code: IndicatorCodePath, result_id: RecordId
) -> Response:
    return await view.read(ResultRead, results.get_result, actor, code, result_id)


@router.patch(
    "/{code}/results/{result_id}",
    operation_id="indicator_results_update",
    **answers_edited(ResultRead, 409),
)
async def update_result(
    actor: ResultEnterer,
    edit: Edit,
    code: IndicatorCodePath,
    result_id: RecordId,
    body: ResultUpdate,
    force: Force = False,
) -> Response:
    result = await results.update_result(
        edit.session, actor, code, result_id, body, edit.expected_version, force
    )
    return edit.resource(ResultRead, result)


@router.delete(
    "/{code}/results/{result_id}",
    operation_id="indicator_results_delete",
    **answers_deleted(409),
)
async def delete_result(
    actor: Admin, edit: Edit, code: IndicatorCodePath, result_id: RecordId, force: Force = False
) -> Response:
    await results.delete_result(edit.session, actor, code, result_id, edit.expected_version, force)
    return render.no_content()


@router.post(
    "/{code}/results/{result_id}/transitions",
    operation_id="indicator_results_transition",
    summary="Submit, approve or return a result; 409 names the unmet rule (four_eyes: an "
    "approver whose key owner entered, last edited or submitted the result)",
    **answers_amended(ResultRead, 409),
)
async def transition_result(
    actor: ResultMover,
    idempotency_key: IdempotencyKey,
    code: IndicatorCodePath,
    result_id: RecordId,
    body: ResultTransition,
    edit: Amend,
    force: Force = False,
) -> Response:
    result = await results.transition_result(
        edit.session, actor, code, result_id, body, edit.expected_version, force
    )
    return edit.resource(ResultRead, result)


# --- Locks and progress -----------------------------------------------------------------------


@router.put(
    "/{code}/locks/{fiscal_year}",
    operation_id="indicator_locks_put",
    summary="Lock a fiscal year: its results and targets then change only when forced. "
    "The ETag answered is the indicator's",
    response_model=LockRead,
    responses={201: {"description": "Locked", "model": LockRead}, **responses(404)},
)
async def lock_year(
    actor: Admin, session: SessionDep, code: IndicatorCodePath, fiscal_year: FiscalYearPath
) -> Response:
    lock, created, version = await targets.lock_year(session, actor, code, fiscal_year)
    return Response(
        lock.model_dump_json(),
        status_code=201 if created else 200,
        media_type="application/json",
        headers={"ETag": render.etag_of(version)},
    )


@router.delete(
    "/{code}/locks/{fiscal_year}",
    operation_id="indicator_locks_delete",
    summary="Unlock a fiscal year (If-Match: the indicator's ETag, as the lock answered it)",
    **answers_deleted(),
)
async def unlock_year(
    actor: Admin, edit: Edit, code: IndicatorCodePath, fiscal_year: FiscalYearPath
) -> Response:
    return await edit.delete(targets.unlock_year, actor, code, fiscal_year)


@router.get(
    "/{code}/progress",
    operation_id="indicator_progress",
    summary="Target, actual, percent of target and status per fiscal year",
    **answers(Progress, 403, 404),
)
async def progress(
    actor: Reader,
    session: SessionDep,
    code: IndicatorCodePath,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    partner: PartnerFilter = None,
    include: IncludeQuery = None,
    suppress_below: SuppressBelowByYear = None,
    as_known_on: AsKnownOn = None,
) -> Response:
    report = await answer_as_known(
        as_known_on,
        progress_service.progress(
            session, actor, code, from_fy, to_fy, partner, include, suppress_below
        ),
    )
    # Filters not asked for (`as_known_on`, `include`, `suppress_below`) are not echoed.
    return Response(report.model_dump_json(exclude_unset=True), media_type="application/json")
