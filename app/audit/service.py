"""Reading the audit trail, newest first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.pagination import Listing, SortKey


def list_events(
    *,
    resource_type: str | None = None,
    resource_id: str | None = None,
    action: str | None = None,
    actor_key_id: int | None = None,
    since: datetime | None = None,
) -> Listing:
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
    return Listing(stmt, [SortKey(AuditEvent.id, descending=True)])
