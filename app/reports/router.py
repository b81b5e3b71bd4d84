"""/api/v1/reports/*: aggregated figures with their filters and method."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.core.csvout import csv_response, wants_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.fiscal_year import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR
from app.core.params import OutputFormat
from app.core.security import Reader
from app.partners.schemas import Region
from app.reports import service
from app.reports.funding_router import router as funding_router
from app.reports.peacekeeping_router import router as peacekeeping_router
from app.reports.scorecard_router import router as scorecard_router
from app.trainings.schemas import Kind, Topic

router = APIRouter(prefix="/reports", tags=["reports"])
router.include_router(funding_router)  # /funding, in app/reports/funding*.py
router.include_router(peacekeeping_router)  # /peacekeeping-share, app/reports/peacekeeping*.py
router.include_router(scorecard_router)  # /scorecard, in app/reports/scorecard*.py

ReportFiscalYear = Annotated[int | None, Query(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR)]
ReportPartner = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z]{2,3}$",
        description="Partner alpha-3 or alpha-2; an embassy key sees only its own country",
    ),
]


# --- IMET nominations -------------------------------------------------------------------------


@router.get(
    "/imet-parity",
    operation_id="reports_imet_parity",
    summary="Women's share of IMET nominations against each partner's host-force benchmark",
    response_model=service.ParityReport,
    responses={**responses(), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def imet_parity(
    request: Request,
    actor: Reader,
    session: SessionDep,
    fiscal_year: Annotated[
        int | None,
        Query(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR, description="Default: the current one"),
    ] = None,
    partner: ReportPartner = None,
    format: OutputFormat = None,
) -> Response:
    report = await service.imet_parity(session, actor, fiscal_year=fiscal_year, partner=partner)
    if wants_csv(request, format):
        return csv_response(*report.table(), filename="imet-parity.csv")
    return Response(report.model_dump_json().encode(), media_type="application/json")


@router.get(
    "/imet-completions",
    operation_id="reports_imet_completions",
    summary="Women and men whose IMET nominations reached completed",
    response_model=service.CompletionsReport,
    responses={**responses(), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def imet_completions(
    request: Request,
    actor: Reader,
    session: SessionDep,
    from_fy: ReportFiscalYear = None,
    to_fy: ReportFiscalYear = None,
    partner: ReportPartner = None,
    group_by: service.CompletionsGroup = "fiscal_year",
    format: OutputFormat = None,
) -> Response:
    report = await service.imet_completions(
        session, actor, from_fy=from_fy, to_fy=to_fy, partner=partner, group_by=group_by
    )
    if wants_csv(request, format):
        return csv_response(*report.table(), filename="imet-completions.csv")
    return Response(report.model_dump_json().encode(), media_type="application/json")


# --- Trainings: women trained -----------------------------------------------------------------


@router.get(
    "/women-trained",
    operation_id="reports_women_trained",
    summary="Women, men and unreported participants of trainings, by one or two groups",
    response_model=service.WomenTrainedReport,
    responses={**responses(), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def women_trained(
    request: Request,
    actor: Reader,
    session: SessionDep,
    program: Annotated[
        str | None, Query(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,15}$", description="Program code")
    ] = None,
    partner: ReportPartner = None,
    region: Region | None = None,
    topic: Topic | None = None,
    kind: Kind | None = None,
    from_fy: ReportFiscalYear = None,
    to_fy: ReportFiscalYear = None,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of fiscal_year, program, partner, region, topic (comma)",
        ),
    ] = "fiscal_year",
    format: OutputFormat = None,
) -> Response:
    report = await service.women_trained(
        session,
        actor,
        program=program,
        partner=partner,
        region=region.value if region else None,
        topic=topic.value if topic else None,
        kind=kind.value if kind else None,
        from_fy=from_fy,
        to_fy=to_fy,
        group_by=group_by,
    )
    if wants_csv(request, format):
        columns = report.columns()
        rows = [[row.get(c) for c in columns] for row in report.rows]
        return csv_response(columns, rows, filename="women-trained.csv")
    return Response(report.model_dump_json().encode(), media_type="application/json")
