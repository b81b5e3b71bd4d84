"""A program of the PM Bureau and the WPS outcomes it advances."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from app.core.models import Base, IdMixin, VersionedMixin


class Program(IdMixin, VersionedMixin, Base):
    __tablename__ = "programs"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[list[int]] = mapped_column(JSON, default=list)


class ProgramMixin:
    """A record under one program: its `program_id`, the `program` (loaded only when asked
    for) and its code."""

    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))

    @declared_attr
    def program(cls) -> Mapped[Program]:
        return relationship(Program, lazy="raise")

    program_code: AssociationProxy[str] = association_proxy("program", "code")
