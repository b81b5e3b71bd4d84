"""/api/v1/changes: the change feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.core.operations import resource_router
from app.core.responses import answers, to_json
from app.core.schemas import ParamInt
from app.core.security import Reader
from app.integrations.changes import service
from app.integrations.changes.schemas import ChangeFeed

router = resource_router("/changes", "changes", replays=False)

MAX_WAIT_SECONDS = 30


@router.get(
    "", summary="Every committed change the caller may read, in commit order", **answers(ChangeFeed)
)
async def list_changes(
    request: Request,
    actor: Reader,
    after: Annotated[
        str,
        Query(
            pattern=r"^[0-9]{1,18}$",
            description="The next_cursor of the previous call (0: from the beginning)",
        ),
    ] = "0",
    types: Annotated[
        str | None,
        Query(
            pattern=r"^[a-z_]{1,32}(,[a-z_]{1,32}){0,31}$",
            description="Only these kinds of record, comma-separated (nomination,training)",
        ),
    ] = None,
    limit: Annotated[ParamInt, Query(ge=1, le=500, description="Page size")] = 100,
    wait: Annotated[
        ParamInt,
        Query(ge=0, le=MAX_WAIT_SECONDS, description="Seconds to wait for a first change"),
    ] = 0,
) -> Response:
    page = await service.wait_for_changes(
        request.app.state.sessionmaker,
        actor,
        int(after),
        types.split(",") if types else None,
        limit,
        min(wait, request.app.state.settings.changes_wait_cap_seconds),
    )
    return Response(to_json(ChangeFeed, page), media_type="application/json")
