"""Reading the audit trail, newest first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.core.pagination import PageParams, Result, SortKey, paginate


async def list_events(
    session: AsyncSession,
    params: PageParams,
    *,
    resource_type: str | None = None,
    resource_id: str | None = None,
    action: str | None = None,
    actor_key_id: int | None = None,
    since: datetime | None = None,
) -> Result[AuditEvent]:
    stmt = select(AuditEvent)
    if resource_type:
        stmt = stmt.where(AuditEvent.resource_type == resource_type)
    if resource_id:
        stmt = stmt.where(AuditEvent.resource_id == resource_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if actor_key_id is not None:
        stmt = stmt.where(AuditEvent.actor_key_id == actor_key_id)
    if since is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= since)
    return await paginate(session, stmt, params, [SortKey(AuditEvent.id, descending=True)])
