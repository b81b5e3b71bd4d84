"""/api/v1/outcomes"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import resource_router
from app.core.params import UpdatedSince
from app.core.responses import View, answers, answers_edited
from app.core.schemas import ParamInt
from app.core.security import Admin, Reader
from app.core.writes import Edit
from app.outcomes import service
from app.outcomes.schemas import OUTCOMES, OutcomeRead, OutcomeUpdate

router = resource_router("/outcomes", "outcomes", replays=False)

OutcomeNumber = Annotated[ParamInt, Path(ge=1, le=4, description="Outcome number, 1-4")]


@router.get("", **answers_page(OutcomeRead))
async def list_outcomes(
    _: Reader, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    return await asked.answer(service.list_outcomes(updated_since=updated_since), OUTCOMES)


@router.get("/{number}", **answers(OutcomeRead, 304, 404))
async def get_outcome(_: Reader, view: View, number: OutcomeNumber) -> Response:
    return await view.read(OutcomeRead, service.get_outcome, number)


@router.patch("/{number}", **answers_edited(OutcomeRead))
async def update_outcome(
    actor: Admin, edit: Edit, number: OutcomeNumber, body: OutcomeUpdate
) -> Response:
    return await edit.update(OutcomeRead, service.update_outcome, actor, number, body)
