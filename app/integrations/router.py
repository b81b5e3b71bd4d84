"""/api/v1/exports/iati: the portfolio as an IATI 2.03 activity file."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from app.core.db import SessionDep, request_sessionmaker
from app.core.errors import responses
from app.core.params import (
    FromFiscalYear,
    ImplementerFilter,
    PartnerFilter,
    ProgramFilter,
    PublishedSuppressBelow,
    ToFiscalYear,
    check_fiscal_years,
)
from app.core.security import Reader
from app.integrations import iati
from app.projects.service import ProjectFilters

router = APIRouter(prefix="/exports", tags=["exports"])

XML = "application/xml"


@router.get(
    "/iati",
    operation_id="exports_iati",
    summary="Projects as an IATI 2.03 `iati-activities` document (embassy keys: the projects "
    "in their own country)",
    description=(
        "One `iati-activity` per project, with a budget per fiscal year and transactions "
        "from the obligations and disbursements that name it, and results from the indicators "
        "of its program: targets, baselines and actuals as indicator progress computes them "
        "for the project's country (derived indicators included), by sex where the records "
        "have it. `from_fy`/`to_fy` keep the projects running in those fiscal years and "
        "limit budgets, transactions and result periods to them. Counts of people in results "
        "are withheld (not written) under `suppress_below` as indicator progress withholds "
        "them (by default WPS_PUBLIC_SUPPRESS_BELOW when set). Streamed."
    ),
    response_class=StreamingResponse,
    responses={
        200: {"content": {XML: {"schema": {"type": "string"}}}, "description": "IATI XML"},
        **responses(),
    },
)
async def export_iati(
    request: Request,
    principal: Reader,
    session: SessionDep,
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    implementer: ImplementerFilter = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    suppress_below: PublishedSuppressBelow = None,
) -> Response:
    check_fiscal_years(from_fy, to_fy)
    export = iati.Export(
        principal=principal,
        filters=ProjectFilters(program=program, partner=partner, implementer=implementer),
        from_fy=from_fy,
        to_fy=to_fy,
        suppress_below=suppress_below,
        reporting_org_ref=request.app.state.settings.iati_reporting_org_ref,
    )
    stmt = await iati.project_statement(session, export)
    return StreamingResponse(
        iati.document(request_sessionmaker(request), export, stmt),
        media_type=XML,
        headers={"Content-Disposition": 'attachment; filename="iati-activities.xml"'},
    )
