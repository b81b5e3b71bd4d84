"""The WPS outcomes, numbered 1-4."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, VersionedMixin


class Outcome(VersionedMixin, Base):
    __tablename__ = "outcomes"
    __table_args__ = (CheckConstraint("number BETWEEN 1 AND 4", name="number_range"),)

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
