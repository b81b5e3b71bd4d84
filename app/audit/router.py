"""/api/v1/audit-events (admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from starlette.responses import Response

from app.audit import service
from app.audit.schemas import AUDIT_EVENTS, AuditEventRead
from app.core.csvout import ListQuery, answers_page
from app.core.operations import resource_router
from app.core.params import UpdatedSince
from app.core.schemas import ParamInt, SearchText
from app.core.security import Admin

router = resource_router("/audit-events", "audit_events", tag="audit", replays=False)


@router.get("", **answers_page(AuditEventRead))
async def list_events(
    _: Admin,
    asked: ListQuery,
    resource_type: Annotated[SearchText | None, Query()] = None,
    resource_id: Annotated[SearchText | None, Query()] = None,
    action: Annotated[SearchText | None, Query()] = None,
    actor_key_id: Annotated[ParamInt | None, Query(ge=1, le=2**62)] = None,
    updated_since: UpdatedSince = None,
) -> Response:
    listing = service.list_events(
        resource_type=resource_type,
        resource_id=resource_id,
        action=action,
        actor_key_id=actor_key_id,
        since=updated_since,
    )
    return await asked.answer(listing, AUDIT_EVENTS)
