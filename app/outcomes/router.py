"""/api/v1/outcomes"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import CSV_RESPONSE, listing_or_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.params import OutputFormat, Paging, UpdatedSince
from app.core.security import Admin, Reader
from app.core.versioning import RequiredVersion
from app.outcomes import service
from app.outcomes.schemas import OUTCOME_RECORD, OutcomeRead, OutcomeUpdate

router = APIRouter(prefix="/outcomes", tags=["outcomes"])

OutcomeNumber = Annotated[int, Path(ge=1, le=4, description="Outcome number, 1-4")]


@router.get(
    "",
    operation_id="outcomes_list",
    response_model=Page[OutcomeRead],
    responses={**CSV_RESPONSE, **responses()},
)
async def list_outcomes(
    request: Request,
    _: Reader,
    session: SessionDep,
    paging: Paging,
    updated_since: UpdatedSince = None,
    format: OutputFormat = None,
) -> Response:
    listing = service.list_outcomes(updated_since=updated_since)
    return await listing_or_csv(
        request, format, session, paging, listing, OutcomeRead, OUTCOME_RECORD, "outcomes.csv"
    )


@router.get(
    "/{number}",
    operation_id="outcomes_get",
    response_model=OutcomeRead,
    responses=responses(304, 404),
)
async def get_outcome(
    request: Request, _: Reader, session: SessionDep, number: OutcomeNumber
) -> Response:
    return render.resource(request, OutcomeRead, await service.get_outcome(session, number))


@router.patch(
    "/{number}",
    operation_id="outcomes_update",
    response_model=OutcomeRead,
    responses=responses(404, 412, 413, 415, 428),
)
async def update_outcome(
    request: Request,
    actor: Admin,
    session: SessionDep,
    number: OutcomeNumber,
    body: OutcomeUpdate,
    expected_version: RequiredVersion,
) -> Response:
    outcome = await service.update_outcome(session, actor, number, body, expected_version)
    return render.resource(request, OutcomeRead, outcome)
