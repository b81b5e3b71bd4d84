"""Audit events: who changed what, when, under which request. Never the values of personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, IdMixin, UTCDateTime, utcnow
from app.core.records import flatten


class AuditEvent(IdMixin, Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_resource", "resource_type", "resource_id"),)

    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_key_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_role: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    resource_type: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str] = mapped_column(String(64))
    changed_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    request_id: Mapped[str | None] = mapped_column(String(64))

    @property
    def detail_entries(self) -> list[dict[str, Any]]:
        """The details as (`detail`, `value`) pairs, nested objects as dotted names."""
        flat = flatten(self.details or {})
        return [{"detail": name, "value": value} for name, value in flat.items()]


AUDIT_EVENTS = cast(Table, AuditEvent.__table__)
