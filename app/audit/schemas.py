"""Audit event representation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import records
from app.core.csvout import CsvListing
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


# One audit event in CSV: its fields, then one line per detail (`partner`, `filters.program`)
# with its value, so the details are named cells rather than a JSON object.
AUDIT_EVENT_RECORD = records.RecordShape(
    *map(
        records.Field,
        (
            "id",
            "occurred_at",
            "actor_key_id",
            "actor_role",
            "action",
            "resource_type",
            "resource_id",
            "changed_fields",
            "request_id",
        ),
    ),
    children=records.Children(
        "details",
        source="detail_entries",
        shape=records.RecordShape(records.Field("detail"), records.Field("value")),
    ),
)
AUDIT_EVENTS = CsvListing(AuditEventRead, AUDIT_EVENT_RECORD, "audit.csv")
