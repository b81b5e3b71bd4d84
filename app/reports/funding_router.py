"""/api/v1/reports/funding: obligations and disbursements grouped and summed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.core.csvout import csv_response, wants_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.params import OutputFormat
from app.core.schemas import CountryCode
from app.core.security import Reader
from app.funding.schemas import FiscalYear, FundingType, Purpose
from app.reports import funding
from app.reports.funding import FundingQuery, FundingReport

router = APIRouter()


@router.get(
    "/funding",
    operation_id="reports_funding",
    summary="USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose",
    response_model=FundingReport,
    responses={**responses(403), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def funding_report(
    request: Request,
    principal: Reader,
    session: SessionDep,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of program, fiscal_year, partner, purpose (comma-separated)",
        ),
    ] = "fiscal_year",
    program: Annotated[
        str | None, Query(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,15}$", description="Program code")
    ] = None,
    fiscal_year: Annotated[FiscalYear | None, Query()] = None,
    from_fy: Annotated[FiscalYear | None, Query(description="First fiscal year, inclusive")] = None,
    to_fy: Annotated[FiscalYear | None, Query(description="Last fiscal year, inclusive")] = None,
    partner: Annotated[CountryCode | None, Query(description="Alpha-3 or alpha-2")] = None,
    type: Annotated[FundingType, Query()] = FundingType.obligation,
    purpose: Annotated[Purpose | None, Query()] = None,
    format: OutputFormat = None,
) -> Response:
    query = FundingQuery(
        program=program,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        partner=partner,
        type=str(type),
        purpose=str(purpose) if purpose is not None else None,
    )
    report = await funding.funding_report(
        session, principal, funding.parse_group_by(group_by), query
    )
    if wants_csv(request, format):
        columns, rows = funding.csv_table(report)
        return csv_response(columns, rows, filename="funding.csv")
    return Response(report.model_dump_json(exclude_unset=True), media_type="application/json")
