"""Audit event representation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core.schemas import ReadModel


class AuditEventRead(ReadModel):
    id: int
    occurred_at: datetime
    actor_key_id: int | None
    actor_role: str | None
    action: str
    resource_type: str
    resource_id: str
    changed_fields: list[str]
    details: dict[str, Any] | None
    request_id: str | None
