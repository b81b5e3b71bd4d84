"""Changes as the feed serves them, numbered in commit order, and the counter that numbers them."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, UTCDateTime, utcnow


class ChangeCounter(Base):
    """One row: the last `seq` handed out. A transaction that records changes bumps it just
    before it commits and holds the row lock until then, so seq order is commit order."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger, nullable=False)


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_resource", "resource_type", "resource_id"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    resource_type: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_fields: Mapped[list[str]] = mapped_column(JSON, default=list)


class ChangePartner(Base):
    """The partner countries whose embassy keys may read a change (none: no embassy may)."""

    __tablename__ = "change_partners"
    __table_args__ = (Index("ix_change_partners_partner_seq", "partner_id", "seq"),)

    seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("changes.seq", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


CHANGE_COUNTER = cast(Table, ChangeCounter.__table__)
CHANGES = cast(Table, Change.__table__)
CHANGE_PARTNERS = cast(Table, ChangePartner.__table__)
