"""Writing audit events: called by services inside the transaction that makes the change.

Every change passes here, so here it also joins the change feed and the webhook outbox
(numbered and written just before the transaction commits: app/integrations/changes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.core.context import request_id_var
from app.core.models import utcnow
from app.core.security import Principal
from app.integrations.changes.recorder import note


def record(
    session: AsyncSession,
    actor: Principal | None,
    action: str,
    resource_type: str,
    resource_id: object,
    changed_fields: list[str] | None = None,
    details: dict[str, Any] | None = None,
    *,
    partners: Iterable[int] | None = None,
) -> AuditEvent:
    """Note a change; its audit row is written with the transaction's other changes just
    before commit. `partners`: the partner countries whose embassy keys may read the change,
    when the caller has them at hand (otherwise they are looked up from the record)."""
    event = AuditEvent(
        occurred_at=utcnow(),
        actor_key_id=actor.key_id if actor else None,
        actor_role=str(actor.role) if actor else None,
        action=action,
        resource_type=resource_type,
        resource_id=str(resource_id),
        changed_fields=sorted(changed_fields or []),
        details=details,
        request_id=request_id_var.get() or None,
    )
    note(session, event, None if partners is None else frozenset(partners))
    return event


def record_many(
    session: AsyncSession,
    actor: Principal | None,
    action: str,
    resource_type: str,
    changes: Iterable[tuple[object, list[str] | None, dict[str, Any] | None, Iterable[int] | None]],
) -> None:
    """Note many changes of one action to one kind of record (a bulk import's): each
    (resource id, changed fields, details, partners) as `record` notes one."""
    for resource_id, changed_fields, details, partners in changes:
        record(
            session,
            actor,
            action,
            resource_type,
            resource_id,
            changed_fields,
            details,
            partners=partners,
        )
