"""Partners (ISO 3166-1 countries plus Kosovo), memberships over date ranges, benchmarks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from app.core.models import Base, IdMixin, VersionedMixin
from app.programs.models import ProgramMixin


class Partner(IdMixin, VersionedMixin, Base):
    __tablename__ = "partners"

    code: Mapped[str] = mapped_column(String(3), unique=True)  # ISO alpha-3
    alpha2: Mapped[str] = mapped_column(String(2), unique=True)
    numeric: Mapped[str | None] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(200), index=True)
    region: Mapped[str] = mapped_column(String(3), index=True)
    # Every name folded for `?q=` (app.partners.names); kept in step with `name` on writes.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


PARTNERS = cast(Table, Partner.__table__)


class PartnerMixin:
    """A record of one partner: its `partner_id`, the `partner` (loaded only when asked for)
    and its code."""

    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))

    @declared_attr
    def partner(cls) -> Mapped[Partner]:
        return relationship(Partner, lazy="raise")

    partner_code: AssociationProxy[str] = association_proxy("partner", "code")


class OptionalPartnerMixin:
    """A record of at most one partner (none: not tied to one country): an indexed
    `partner_id`, the `partner` (loaded only when asked for) and its code."""

    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)

    @declared_attr
    def partner(cls) -> Mapped[Partner | None]:
        return relationship(Partner, lazy="raise")

    partner_code: AssociationProxy[str | None] = association_proxy("partner", "code")


class Membership(IdMixin, VersionedMixin, ProgramMixin, Base):
    """A partner's membership in a program over [start_date, end_date); open-ended when null."""

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date > start_date", name="dates_ordered"),
        Index("ix_memberships_program_dates", "program_id", "start_date", "end_date"),
    )

    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    partner: Mapped[Partner] = relationship(lazy="raise")

    partner_code: AssociationProxy[str] = association_proxy("partner", "code")


class Benchmark(IdMixin, VersionedMixin, PartnerMixin, Base):
    """Women's share of a partner's military in a fiscal year, with its source."""

    __tablename__ = "benchmarks"
    __table_args__ = (UniqueConstraint("partner_id", "fiscal_year"),)

    fiscal_year: Mapped[int] = mapped_column(Integer)
    military_women_share_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    source: Mapped[str] = mapped_column(Text)
