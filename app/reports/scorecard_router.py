"""/api/v1/reports/scorecard: every indicator's standing for a fiscal year, per outcome."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.core.csvout import csv_response, wants_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.fiscal_year import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR
from app.core.params import OutputFormat
from app.core.schemas import CountryCode
from app.core.security import Reader
from app.reports import scorecard
from app.reports.scorecard import Scorecard

router = APIRouter()


@router.get(
    "/scorecard",
    operation_id="reports_scorecard",
    summary="Per WPS outcome: each indicator's target, actual, percent of target and status",
    response_model=Scorecard,
    responses={**responses(403), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def scorecard_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    fiscal_year: Annotated[
        int | None,
        Query(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR, description="Default: the current one"),
    ] = None,
    outcome: Annotated[int | None, Query(ge=1, le=4)] = None,
    program: Annotated[
        str | None, Query(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,15}$", description="Program code")
    ] = None,
    partner: Annotated[
        CountryCode | None,
        Query(description="One partner's figures; an embassy key always gets its own"),
    ] = None,
    format: OutputFormat = None,
) -> Response:
    report = await scorecard.scorecard(
        session, actor, fiscal_year=fiscal_year, outcome=outcome, program=program, partner=partner
    )
    if wants_csv(request, format):
        columns, rows = scorecard.csv_table(report)
        return csv_response(columns, rows, filename="scorecard.csv")
    return Response(report.model_dump_json(), media_type="application/json")
