"""/api/v1/fact-sheet: the fact sheet's figures (JSON or CSV), and what moved them between two
dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from app.core.csvout import answers_or_csv
from app.core.db import SessionDep
from app.core.errors import invalid_query
from app.core.fiscal_year import fiscal_year as fiscal_year_of
from app.core.params import AS_KNOWN_ON_PATTERN, FiscalYearQuery, known_instant
from app.core.responses import answers
from app.core.security import Principal, Reader, Role, require
from app.factsheet import changes, figures
from app.factsheet.schemas import FactSheet, FactSheetChanges, csv_rows
from app.reports.params import ReportParams, report_params

router = APIRouter(prefix="/fact-sheet", tags=["fact-sheet"])

Edition = Annotated[ReportParams, report_params(program=None, partner=False)]
# The audit trail's counts of changes: every key but an embassy's (it reads its country only).
ChangeReader = Annotated[Principal, require(Role.admin, Role.analyst, Role.integration)]
INSTANT = (
    "a date (its end, UTC) or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in "
    "the future"
)
Instant = Annotated[str, Query(max_length=40, pattern=AS_KNOWN_ON_PATTERN, description=INSTANT)]


@router.get(
    "",
    operation_id="fact_sheet",
    summary="Every headline figure of the WPS fact sheet, with its sentence, method and inputs",
    **answers_or_csv(FactSheet),
)
async def get_fact_sheet(
    actor: Reader,
    session: SessionDep,
    shared: Edition,
    fiscal_year: FiscalYearQuery = None,
) -> Response:
    day = shared.day(None)
    edition = figures.Edition(
        fiscal_year=fiscal_year if fiscal_year is not None else fiscal_year_of(day),
        day=day,
        suppress_below=shared.suppress_below,
        as_known_on=shared.request.query_params.get("as_known_on"),
    )
    return await shared.respond(
        figures.fact_sheet(session, actor, edition), csv_rows, "fact-sheet.csv"
    )


@router.get(
    "/changes",
    operation_id="fact_sheet_changes",
    summary="Each fact-sheet figure as known on two dates, and the changes that moved it",
    **answers(FactSheetChanges, 403),
)
async def get_fact_sheet_changes(
    actor: ChangeReader,
    session: SessionDep,
    start: Annotated[
        str,
        Query(alias="from", max_length=40, pattern=AS_KNOWN_ON_PATTERN, description=INSTANT),
    ],
    to: Instant,
    fiscal_year: FiscalYearQuery = None,
) -> Response:
    begin, end = known_instant("from", start), known_instant("to", to)
    if begin > end:
        raise invalid_query("to", "must not be before from")
    report = await changes.fact_sheet_changes(
        session,
        actor,
        start=begin,
        end=end,
        fiscal_year=fiscal_year if fiscal_year is not None else fiscal_year_of(end.date()),
        asked=(start, to),
    )
    return Response(report.model_dump_json(by_alias=True), media_type="application/json")
