"""An IMET nomination: one nominee for one course, for one partner and fiscal year."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, BigId, EnumText, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.imet.nominations.workflow import NominationStatus, Service, Sex, VettingStatus
from app.partners.models import PartnerMixin


class Nomination(IdMixin, VersionedMixin, PartnerMixin, Base):
    """Nominee, course and vetting are flat columns; the API nests them as objects."""

    __tablename__ = "nominations"
    __table_args__ = (
        UniqueConstraint("partner_id", "external_ref"),
        CheckConstraint("sex IN ('female', 'male')", name="sex"),
        CheckConstraint("ecl_score IS NULL OR (ecl_score >= 0 AND ecl_score <= 100)", name="ecl"),
        CheckConstraint(
            "course_min_ecl IS NULL OR (course_min_ecl >= 0 AND course_min_ecl <= 100)",
            name="min_ecl",
        ),
        Index("ix_nominations_partner_fiscal_year", "partner_id", "fiscal_year"),
        Index("ix_nominations_fiscal_year_status", "fiscal_year", "status"),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    external_ref: Mapped[str] = mapped_column(String(64))
    status: Mapped[NominationStatus] = mapped_column(
        EnumText(NominationStatus, 16), default=NominationStatus.submitted
    )

    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    sex: Mapped[Sex] = mapped_column(EnumText(Sex, 8))
    rank: Mapped[str] = mapped_column(String(200))
    service: Mapped[Service] = mapped_column(EnumText(Service, 16))
    position: Mapped[str] = mapped_column(String(200))

    masl_id: Mapped[str] = mapped_column(String(16), index=True)
    course_title: Mapped[str] = mapped_column(String(200))
    course_institution: Mapped[str] = mapped_column(String(200))
    course_min_ecl: Mapped[int | None] = mapped_column(Integer)

    ecl_score: Mapped[int | None] = mapped_column(Integer)
    ecl_exempt: Mapped[bool] = mapped_column(Boolean, default=False)

    vetting_status: Mapped[VettingStatus] = mapped_column(
        EnumText(VettingStatus, 16), default=VettingStatus.pending
    )
    vetting_case_ref: Mapped[str | None] = mapped_column(String(64))
    vetting_decided_at: Mapped[date | None] = mapped_column(Date)
    vetting_expires_at: Mapped[date | None] = mapped_column(Date)

    @property
    def nominee(self) -> dict[str, Any]:
        return {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "sex": self.sex,
            "rank": self.rank,
            "service": self.service,
            "position": self.position,
        }

    @property
    def course(self) -> dict[str, Any]:
        return {
            "masl_id": self.masl_id,
            "title": self.course_title,
            "institution": self.course_institution,
            "min_ecl": self.course_min_ecl,
        }

    @property
    def vetting(self) -> dict[str, Any]:
        return {
            "status": self.vetting_status,
            "case_ref": self.vetting_case_ref,
            "decided_at": self.vetting_decided_at,
            "expires_at": self.vetting_expires_at,
        }


NOMINATIONS = cast(Table, Nomination.__table__)


class TransitionReason(IdMixin, Base):
    """The free text given with a status change: kept here, not in the permanent audit trail,
    so that an admin can read it and purge it."""

    __tablename__ = "nomination_transition_reasons"

    nomination_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("nominations.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[NominationStatus] = mapped_column(EnumText(NominationStatus, 16))
    to_status: Mapped[NominationStatus] = mapped_column(EnumText(NominationStatus, 16))
    reason: Mapped[str] = mapped_column(Text)
    actor_key_id: Mapped[int | None] = mapped_column(BigInteger)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# API field path → column, for the nested parts of the body (`nominee.rank` → `rank`).
NOMINEE_COLUMNS = {
    "given_name": "given_name",
    "family_name": "family_name",
    "sex": "sex",
    "rank": "rank",
    "service": "service",
    "position": "position",
}
COURSE_COLUMNS = {
    "masl_id": "masl_id",
    "title": "course_title",
    "institution": "course_institution",
    "min_ecl": "course_min_ecl",
}
VETTING_COLUMNS = {
    "status": "vetting_status",
    "case_ref": "vetting_case_ref",
    "decided_at": "vetting_decided_at",
    "expires_at": "vetting_expires_at",
}
