"""An obligation or disbursement of funds, with its purpose tags in their own table."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import (
    Base,
    EnumText,
    IdMixin,
    Money,
    VersionedMixin,
    child_rows,
    parent_key,
)
from app.funding.schemas import FundingType, Purpose
from app.partners.models import OptionalPartnerMixin
from app.programs.models import ProgramMixin
from app.projects.models import ProjectMixin


class Obligation(IdMixin, VersionedMixin, ProgramMixin, OptionalPartnerMixin, ProjectMixin, Base):
    """Money obligated (or disbursed, by `type`) under a program in a fiscal year."""

    __tablename__ = "obligations"
    __table_args__ = (
        CheckConstraint("type IN ('obligation', 'disbursement')", name="type_known"),
        CheckConstraint("amount_usd >= 0", name="amount_not_negative"),
        Index("ix_obligations_program_fy", "program_id", "fiscal_year"),
    )

    type: Mapped[FundingType] = mapped_column(EnumText(FundingType, 16))
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    amount_usd: Mapped[Decimal] = mapped_column(Money)
    source_ref: Mapped[str | None] = mapped_column(String(200))

    purpose_rows: Mapped[list[ObligationPurpose]] = child_rows()

    @property
    def purposes(self) -> list[Purpose]:
        return sorted(row.purpose for row in self.purpose_rows)


class ObligationPurpose(Base):
    """One purpose tag of an obligation; a row per tag so reports can GROUP BY purpose."""

    __tablename__ = "obligation_purposes"
    __table_args__ = (Index("ix_obligation_purposes_purpose", "purpose", "obligation_id"),)

    obligation_id: Mapped[int] = parent_key("obligations")
    purpose: Mapped[Purpose] = mapped_column(EnumText(Purpose, 32), primary_key=True)
