"""Writing audit events: services note each change on the transaction's unit of work, and the
audit trail's participant in the commit step writes their rows just before it commits.

Every change passes here; the change feed and the webhook outbox read the same noted changes
(app/core/commit.py runs the participants in their registered order)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from pydantic import BaseModel
from sqlalchemy import JSON, BigInteger, DateTime, Text, column, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AUDIT_EVENTS
from app.core.commit import Change, Part, Participant, Work, recordset, rows_written, work
from app.core.context import request_id_var
from app.core.models import utcnow
from app.core.security import Principal


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
) -> Change:
    """Note a change; its audit row is written with the transaction's other changes just
    before commit. `partners`: the partner countries whose embassy keys may read the change,
    when the caller has them at hand (otherwise the visibility registry looks them up)."""
    change = Change(
        occurred_at=utcnow(),
        actor_key_id=actor.key_id if actor else None,
        actor_role=str(actor.role) if actor else None,
        action=action,
        resource_type=resource_type,
        resource_id=str(resource_id),
        changed_fields=sorted(changed_fields or []),
        details=details,
        request_id=request_id_var.get() or None,
        readers=None if partners is None else frozenset(partners),
    )
    work(session).change(change)
    return change


def record_created(
    session: AsyncSession,
    actor: Principal | None,
    resource_type: str,
    resource_id: object,
    body: BaseModel,
    details: dict[str, Any] | None = None,
    *,
    also: Iterable[str] = (),
    partners: Iterable[int] | None = None,
) -> Change:
    """Note a record's creation from `body`: the fields it set are the changed ones, with
    `also` (those the service set itself, e.g. a default status)."""
    changed = sorted(body.model_fields_set | set(also))
    return record(
        session, actor, "create", resource_type, resource_id, changed, details, partners=partners
    )


def record_many(
    session: AsyncSession,
    actor: Principal | None,
    action: str,
    resource_type: str,
    changes: Iterable[tuple[object, list[str] | None, dict[str, Any] | None, Iterable[int] | None]],
) -> None:
    """Note many changes of one action to one kind of record (a bulk import's): each
    (resource id, changed fields, details, partners) as `record` notes one."""
    noted = work(session)
    at, request_id = utcnow(), request_id_var.get() or None
    key_id, role = (actor.key_id, str(actor.role)) if actor else (None, None)
    for resource_id, changed_fields, details, partners in changes:
        noted.change(
            Change(
                occurred_at=at,
                actor_key_id=key_id,
                actor_role=role,
                action=action,
                resource_type=resource_type,
                resource_id=str(resource_id),
                changed_fields=sorted(changed_fields or []),
                details=details,
                request_id=request_id,
                readers=None if partners is None else frozenset(partners),
            )
        )


_COLUMNS = [c.key for c in AUDIT_EVENTS.columns if c.key != "id"]


def _row(change: Change) -> dict[str, Any]:
    return {name: getattr(change, name) for name in _COLUMNS}


def json_rows(rows: list[dict[str, Any]]) -> str:
    return orjson.dumps(rows, option=orjson.OPT_NON_STR_KEYS).decode()


class AuditTrail(Participant):
    """One audit row per noted change, in the order noted."""

    name = "audit"

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        return bool(work.changes)

    def binds(self, work: Work) -> dict[str, Any]:
        rows = [
            {**_row(c), "i": i, "occurred_at": c.occurred_at.isoformat()}
            for i, c in enumerate(work.changes)
        ]
        return {"audit_rows": json_rows(rows)}

    def part(self, session: AsyncSession) -> Part:
        typed: dict[str, Any] = {
            "occurred_at": DateTime(timezone=True),
            "actor_key_id": BigInteger(),
        }
        typed |= {"changed_fields": JSON(), "details": JSON()}
        source = recordset(
            "audit_rows",
            column("i", BigInteger()),
            *(column(name, typed.get(name, Text())) for name in _COLUMNS),
        )
        rows = select(*(source.c[name] for name in _COLUMNS)).order_by(source.c.i)
        written = insert(AUDIT_EVENTS).from_select(_COLUMNS, rows).returning(AUDIT_EVENTS.c.id)
        audit = written.cte("audit")
        return Part(ctes=[audit], result=rows_written(audit))

    async def step(self, session: AsyncSession, work: Work) -> Any:
        await session.execute(insert(AUDIT_EVENTS), [_row(c) for c in work.changes])
        return None
