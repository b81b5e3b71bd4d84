"""/api/v1/reports/peacekeeping-share: partners' share of deployed military women."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.core.csvout import csv_response, wants_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.models import utcnow
from app.core.params import OutputFormat
from app.peacekeeping.router import FigureReader
from app.reports import peacekeeping
from app.reports.peacekeeping import PeacekeepingShare

router = APIRouter()


@router.get(
    "/peacekeeping-share",
    operation_id="reports_peacekeeping_share",
    summary="A program's partners' share of military women peacekeepers and of contributors",
    response_model=PeacekeepingShare,
    responses={**responses(404), 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def peacekeeping_share(
    request: Request,
    _: FigureReader,
    session: SessionDep,
    program: Annotated[
        str, Query(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,15}$", description="Program code")
    ],
    as_of: Annotated[
        date | None,
        Query(
            description="Use the latest snapshot on or before (of a month's uploads, the "
            "newest); default today"
        ),
    ] = None,
    by_personnel_type: Annotated[bool, Query(description="Add a row per personnel type")] = False,
    snapshot: Annotated[
        int | None,
        Query(ge=1, le=2**62, description="Use this snapshot (default: the newest for as_of)"),
    ] = None,
    format: OutputFormat = None,
) -> Response:
    report = await peacekeeping.peacekeeping_share(
        session, program, as_of or utcnow().date(), by_personnel_type, snapshot
    )
    if wants_csv(request, format):
        columns, rows = peacekeeping.csv_table(report)
        return csv_response(columns, rows, filename="peacekeeping-share.csv")
    return Response(report.model_dump_json(), media_type="application/json")
