"""A UN "uniformed personnel by gender" file as published, and its rows aggregated."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models import Base, BigId, IdMixin, UTCDateTime, utcnow
from app.partners.models import Partner


class Snapshot(IdMixin, Base):
    """One month of an uploaded file; immutable. A file holding many months gives one snapshot
    per calendar month, dated the month's latest Last_Reporting_Date, all carrying the SHA-256
    of the file's bytes; every upload for a month is kept (the newest, by id, is the one
    reports use)."""

    __tablename__ = "peacekeeping_snapshots"
    __table_args__ = (UniqueConstraint("checksum", "reporting_date"),)

    reporting_date: Mapped[date] = mapped_column(Date, index=True)
    # Every Last_Reporting_Date of the month's rows (ISO dates, earliest first), merged here.
    reporting_dates: Mapped[list[str]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )
    checksum: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer)
    contribution_count: Mapped[int] = mapped_column(Integer)
    # Rows of this month whose code is no country (#N/A, BDS): left out, listed here.
    skipped_rows: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    @property
    def skipped_count(self) -> int:
        return len(self.skipped_rows)


class Contribution(IdMixin, Base):
    """A country's personnel of one type in one mission, as of the snapshot."""

    __tablename__ = "peacekeeping_contributions"
    __table_args__ = (
        UniqueConstraint("snapshot_id", "partner_id", "mission", "personnel_type"),
        CheckConstraint("male >= 0 AND female >= 0", name="counts_not_negative"),
    )

    snapshot_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("peacekeeping_snapshots.id", ondelete="CASCADE")
    )
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    mission: Mapped[str] = mapped_column(String(32))
    personnel_type: Mapped[str] = mapped_column(String(32))
    male: Mapped[int] = mapped_column(Integer)
    female: Mapped[int] = mapped_column(Integer)

    partner: Mapped[Partner] = relationship(lazy="raise")
