"""GDRP advisory engagements (focus areas in their own table, so reports and filters can use
them), the policy milestones partners adopt and their rollup, which the report reads."""

from __future__ import annotations

from datetime import date
from typing import cast

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, BigId, EnumText, IdMixin, VersionedMixin, child_rows, parent_key
from app.gdrp.schemas import Focus, MilestoneKind
from app.partners.models import PartnerMixin
from app.programs.models import ProgramMixin
from app.projects.models import ProjectMixin


class AdvisoryEngagement(IdMixin, VersionedMixin, ProgramMixin, PartnerMixin, ProjectMixin, Base):
    """Strategic advising of one partner institution; fiscal year from start_date."""

    __tablename__ = "advisory_engagements"
    __table_args__ = (
        CheckConstraint("women >= 0 AND men >= 0 AND unreported >= 0", name="counts_not_negative"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("ix_advisory_engagements_partner_fy", "partner_id", "fiscal_year"),
    )

    institution: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    women: Mapped[int] = mapped_column(Integer)
    men: Mapped[int] = mapped_column(Integer)
    unreported: Mapped[int] = mapped_column(Integer)
    external_ref: Mapped[str | None] = mapped_column(String(64))

    focus_rows: Mapped[list[EngagementFocus]] = child_rows()

    @property
    def focus(self) -> list[Focus]:
        return sorted(row.focus for row in self.focus_rows)

    @property
    def counterparts(self) -> dict[str, int]:
        total = self.women + self.men + self.unreported
        return {"women": self.women, "men": self.men, "unreported": self.unreported, "total": total}


class EngagementFocus(Base):
    __tablename__ = "advisory_engagement_focus"
    __table_args__ = (Index("ix_advisory_engagement_focus_focus", "focus", "engagement_id"),)

    engagement_id: Mapped[int] = parent_key("advisory_engagements")
    focus: Mapped[Focus] = mapped_column(EnumText(Focus, 32), primary_key=True)


class PolicyMilestone(IdMixin, VersionedMixin, ProgramMixin, PartnerMixin, Base):
    """A policy, plan or capacity a partner government adopted; fiscal year from adopted_on."""

    __tablename__ = "policy_milestones"
    __table_args__ = (Index("ix_policy_milestones_partner_fy", "partner_id", "fiscal_year"),)

    kind: Mapped[MilestoneKind] = mapped_column(EnumText(MilestoneKind, 32))
    title: Mapped[str] = mapped_column(String(200))
    adopted_on: Mapped[date] = mapped_column(Date)
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    evidence_ref: Mapped[str | None] = mapped_column(String(200))
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("advisory_engagements.id"), index=True
    )
    external_ref: Mapped[str | None] = mapped_column(String(64))


class PolicyMilestonesRollup(Base):
    """Policy milestones counted per (program, partner, fiscal year, kind), kept on every write
    (app/gdrp/rollup.py)."""

    __tablename__ = "policy_milestones_rollup"

    program_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    partner_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[MilestoneKind] = mapped_column(EnumText(MilestoneKind, 32), primary_key=True)
    milestones: Mapped[int] = mapped_column(BigInteger)


MILESTONES_ROLLUP = cast(Table, PolicyMilestonesRollup.__table__)
