"""Training centers (a partner's peace operations training center) and the facility upgrades
made there, with each upgrade's features in their own table so reports can GROUP BY them, and
the rollup of completed upgrades the report reads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models import (
    Base,
    BigId,
    EnumText,
    IdMixin,
    Money,
    VersionedMixin,
    child_rows,
    parent_key,
)
from app.facilities.schemas import Feature, UpgradeStatus
from app.partners.models import Partner
from app.programs.models import ProgramMixin
from app.projects.models import ProjectMixin


class TrainingCenter(IdMixin, VersionedMixin, Base):
    __tablename__ = "training_centers"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    location: Mapped[str | None] = mapped_column(String(200))

    partner: Mapped[Partner] = relationship(lazy="raise")

    partner_code: AssociationProxy[str] = association_proxy("partner", "code")


class FacilityUpgrade(IdMixin, VersionedMixin, ProgramMixin, ProjectMixin, Base):
    """One upgrade of a center under a program; its fiscal year is completed_on's."""

    __tablename__ = "facility_upgrades"
    __table_args__ = (
        CheckConstraint(
            "status IN ('planned', 'in_progress', 'completed', 'cancelled')", name="status_known"
        ),
        CheckConstraint("women_beds_added >= 0", name="beds_not_negative"),
        CheckConstraint("cost_usd >= 0", name="cost_not_negative"),
        CheckConstraint(
            "(status = 'completed') = (completed_on IS NOT NULL)", name="completed_has_date"
        ),
        Index("ix_facility_upgrades_status_fy", "status", "fiscal_year"),
    )

    training_center_id: Mapped[int] = mapped_column(ForeignKey("training_centers.id"), index=True)
    women_beds_added: Mapped[int] = mapped_column(Integer)
    status: Mapped[UpgradeStatus] = mapped_column(EnumText(UpgradeStatus, 16))
    completed_on: Mapped[date | None] = mapped_column(Date)
    fiscal_year: Mapped[int | None] = mapped_column(Integer)
    cost_usd: Mapped[Decimal | None] = mapped_column(Money)
    external_ref: Mapped[str | None] = mapped_column(String(64))

    training_center: Mapped[TrainingCenter] = relationship(lazy="raise")
    feature_rows: Mapped[list[UpgradeFeature]] = child_rows()

    center_code: AssociationProxy[str] = association_proxy("training_center", "code")

    @property
    def partner_code(self) -> str:
        return self.training_center.partner.code

    @property
    def features(self) -> list[Feature]:
        return sorted(row.feature for row in self.feature_rows)


class UpgradeFeature(Base):
    """One feature of an upgrade."""

    __tablename__ = "facility_upgrade_features"
    __table_args__ = (Index("ix_facility_upgrade_features_feature", "feature", "upgrade_id"),)

    upgrade_id: Mapped[int] = parent_key("facility_upgrades")
    feature: Mapped[Feature] = mapped_column(EnumText(Feature, 32), primary_key=True)


# The rollup rows that count each completed upgrade once, whatever its features.
ALL_FEATURES = ""


class MoneySum(Money):
    """A sum of Money: exact like it (integer cents on SQLite), with room for many records."""

    impl = Numeric(20, 2)
    cache_ok = True


class FacilityUpgradesRollup(Base):
    """Completed upgrades summed per (program, partner, fiscal year, feature), kept on every
    write (app/facilities/rollup.py).

    `feature` is ALL_FEATURES for the rows that count each upgrade once; an upgrade also adds
    to one row per feature it has. Upgrades not completed are not in it.
    """

    __tablename__ = "facility_upgrades_rollup"

    program_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    partner_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    feature: Mapped[str] = mapped_column(String(32), primary_key=True)
    upgrades: Mapped[int] = mapped_column(BigInteger)
    women_beds_added: Mapped[int] = mapped_column(BigInteger)
    # Unknown costs add 0, as in the report.
    cost_usd: Mapped[Decimal] = mapped_column(MoneySum)


UPGRADES_ROLLUP = cast(Table, FacilityUpgradesRollup.__table__)
