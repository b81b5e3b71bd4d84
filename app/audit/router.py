"""/api/v1/audit-events (admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.audit import service
from app.audit.schemas import AUDIT_EVENT_RECORD, AuditEventRead
from app.core.csvout import CSV_RESPONSE, listing_or_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.params import OutputFormat, Paging, UpdatedSince
from app.core.schemas import SearchText
from app.core.security import Admin

router = APIRouter(prefix="/audit-events", tags=["audit"])


@router.get(
    "",
    operation_id="audit_events_list",
    response_model=Page[AuditEventRead],
    responses={**CSV_RESPONSE, **responses()},
)
async def list_events(
    request: Request,
    _: Admin,
    session: SessionDep,
    paging: Paging,
    resource_type: Annotated[SearchText | None, Query()] = None,
    resource_id: Annotated[SearchText | None, Query()] = None,
    action: Annotated[SearchText | None, Query()] = None,
    actor_key_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    updated_since: UpdatedSince = None,
    format: OutputFormat = None,
) -> Response:
    listing = service.list_events(
        resource_type=resource_type,
        resource_id=resource_id,
        action=action,
        actor_key_id=actor_key_id,
        since=updated_since,
    )
    return await listing_or_csv(
        request, format, session, paging, listing, AuditEventRead, AUDIT_EVENT_RECORD, "audit.csv"
    )
