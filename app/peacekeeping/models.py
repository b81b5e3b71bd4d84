"""A UN "uniformed personnel by gender" file as published, and its rows aggregated."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models import Base, BigId, IdMixin, UTCDateTime, utcnow
from app.partners.models import Partner


class Snapshot(IdMixin, Base):
    """One uploaded file; immutable, identified by the SHA-256 of its bytes."""

    __tablename__ = "peacekeeping_snapshots"

    reporting_date: Mapped[date] = mapped_column(Date, index=True)
    checksum: Mapped[str] = mapped_column(String(64), unique=True)
    row_count: Mapped[int] = mapped_column(Integer)
    contribution_count: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


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
