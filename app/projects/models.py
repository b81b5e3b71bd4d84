"""Implementers (organizations that carry out awards) and projects (the awards themselves)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from app.core.models import Base, EnumText, IdMixin, VersionedMixin
from app.partners.models import OptionalPartnerMixin, Partner
from app.programs.models import Program
from app.projects.schemas import ImplementerKind


class Implementer(IdMixin, VersionedMixin, Base):
    """An NGO, contractor, international organization, government or university."""

    __tablename__ = "implementers"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ImplementerKind] = mapped_column(EnumText(ImplementerKind, 32))
    country_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")  # code and name, folded

    country: Mapped[Partner] = relationship(lazy="raise")

    country_code: AssociationProxy[str] = association_proxy("country", "code")


class Project(IdMixin, VersionedMixin, OptionalPartnerMixin, Base):
    """An award under one program, carried out by one implementer, in one partner country
    (none: multi-country)."""

    __tablename__ = "projects"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_ordered"),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    implementer_id: Mapped[int] = mapped_column(ForeignKey("implementers.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    award_ref: Mapped[str | None] = mapped_column(String(64))
    search_text: Mapped[str] = mapped_column(Text, default="")  # code and title, folded

    program: Mapped[Program] = relationship(lazy="raise")
    implementer: Mapped[Implementer] = relationship(lazy="raise")

    program_code: AssociationProxy[str] = association_proxy("program", "code")
    implementer_code: AssociationProxy[str] = association_proxy("implementer", "code")


class ProjectMixin:
    """A record under at most one project (none: outside any award): an indexed `project_id`,
    the `project` (loaded only when asked for) and its code."""

    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)

    @declared_attr
    def project(cls) -> Mapped[Project | None]:
        return relationship(Project, lazy="raise")

    project_code: AssociationProxy[str | None] = association_proxy("project", "code")
