"""A program of the PM Bureau and the WPS outcomes it advances."""

from __future__ import annotations

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, IdMixin, VersionedMixin


class Program(IdMixin, VersionedMixin, Base):
    __tablename__ = "programs"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[list[int]] = mapped_column(JSON, default=list)
