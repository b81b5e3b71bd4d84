"""Indicators under the WPS outcomes, their targets and results per fiscal year, and locks."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from app.core import figures
from app.core.models import Base, BigId, IdMixin, Money, UTCDateTime, VersionedMixin, utcnow
from app.indicators.approval import ResultStatus
from app.indicators.schemas import Aggregation, Direction, Measure, Metric, Source
from app.partners.models import OptionalPartnerMixin
from app.programs.models import Program

# Figures are exact decimals with two places (Money: NUMERIC, integer cents on SQLite), so
# counts, dollars and the parts of a percent all sum in SQL without float drift.
Quantity = Money


def _stored(enum: type[StrEnum], length: int = 16) -> Enum:
    """An enum column stored as its values in VARCHAR(length), as it always was (the CHECK
    constraints are the table's own, named; no native enum type)."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )


def format_quantity(measure: str, value: Decimal | None) -> str | None:
    """A figure as the API writes it: counts without decimals, percents by the report rule
    (one decimal, half-up), amounts with two places."""
    if value is None:
        return None
    if measure == "count":
        return str(int(value))
    if measure == "percent":
        return figures.pct_text(value)
    return format(value.quantize(Decimal("0.01")), "f")


class Indicator(IdMixin, VersionedMixin, Base):
    """What is measured under an outcome: entered by hand, or derived from the records."""

    __tablename__ = "indicators"
    __table_args__ = (
        CheckConstraint(
            "measure IN ('count', 'percent', 'currency', 'qualitative')", name="measure_known"
        ),
        CheckConstraint("direction IN ('increase', 'decrease')", name="direction_known"),
        CheckConstraint(
            "aggregation IN ('per_period_sum', 'cumulative', 'latest')", name="aggregation_known"
        ),
        CheckConstraint("source IN ('manual', 'derived')", name="source_known"),
        # The outcomes are fixed, numbered 1-4 (no foreign key: seeding may re-add an outcome).
        CheckConstraint("outcome BETWEEN 1 AND 4", name="outcome_range"),
    )

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[int] = mapped_column(Integer, index=True)
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"), index=True)
    measure: Mapped[Measure] = mapped_column(_stored(Measure))
    direction: Mapped[Direction] = mapped_column(_stored(Direction))
    aggregation: Mapped[Aggregation] = mapped_column(_stored(Aggregation))
    source: Mapped[Source] = mapped_column(_stored(Source))
    metric: Mapped[Metric | None] = mapped_column(_stored(Metric, length=64))
    metric_filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    baseline: Mapped[Decimal | None] = mapped_column(Quantity)
    description: Mapped[str] = mapped_column(Text, default="")

    program: Mapped[Program | None] = relationship(lazy="raise")
    locks: Mapped[list[IndicatorLock]] = relationship(
        lazy="raise", order_by="IndicatorLock.fiscal_year", viewonly=True
    )

    program_code: AssociationProxy[str | None] = association_proxy("program", "code")

    @property
    def baseline_text(self) -> str | None:
        return format_quantity(self.measure, self.baseline)

    @property
    def locked_fiscal_years(self) -> list[int]:
        return [lock.fiscal_year for lock in self.locks]


class IndicatorYear:
    """A figure of one indicator in one fiscal year (a target or a result)."""

    indicator_id: Mapped[int] = mapped_column(BigId, ForeignKey("indicators.id"))
    fiscal_year: Mapped[int] = mapped_column(Integer)

    @declared_attr
    def indicator(cls) -> Mapped[Indicator]:
        return relationship(Indicator, lazy="raise")

    indicator_code: AssociationProxy[str] = association_proxy("indicator", "code")


class Target(IdMixin, VersionedMixin, IndicatorYear, OptionalPartnerMixin, Base):
    """The value aimed at in a fiscal year, overall (no partner) or for one partner."""

    __tablename__ = "indicator_targets"
    # Per-partner rows are unique here; the one overall row (partner NULL) is kept unique by
    # the service, which locks the indicator row before writing.
    __table_args__ = (UniqueConstraint("indicator_id", "fiscal_year", "partner_id"),)

    value: Mapped[Decimal] = mapped_column(Quantity)

    @property
    def value_text(self) -> str | None:
        return format_quantity(self.indicator.measure, self.value)


class IndicatorResult(IdMixin, VersionedMixin, IndicatorYear, OptionalPartnerMixin, Base):
    """What a manual indicator reached in a fiscal year, overall or for one partner.

    `value` is the figure (for a percent: 100 x numerator / denominator, for display only;
    roll-ups sum the parts). Qualitative results carry only a narrative. A result that broke
    a rule but came with a rationale is stored with `flagged` and the rules in `flags`.
    `status` is its approval (app/indicators/approval.py): progress counts approved ones.
    """

    __tablename__ = "indicator_results"
    __table_args__ = (
        UniqueConstraint("indicator_id", "fiscal_year", "partner_id"),
        CheckConstraint(
            "women >= 0 AND men >= 0 AND unreported >= 0", name="breakdown_not_negative"
        ),
        Index("ix_indicator_results_indicator_fy", "indicator_id", "fiscal_year", "id"),
        CheckConstraint(
            "status IN ('draft', 'submitted', 'approved', 'returned')", name="status_known"
        ),
    )

    value: Mapped[Decimal | None] = mapped_column(Quantity)
    numerator: Mapped[Decimal | None] = mapped_column(Quantity)
    denominator: Mapped[Decimal | None] = mapped_column(Quantity)
    women: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    men: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    unreported: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    narrative: Mapped[str | None] = mapped_column(Text)
    rationale: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[ResultStatus] = mapped_column(_stored(ResultStatus), default=ResultStatus.draft)
    # The key that last submitted the figure: the four-eyes rule keeps it from approving it.
    submitted_by_key_id: Mapped[int | None] = mapped_column(BigId)
    # Who entered, last edited and last submitted the figure, by key owner (four eyes).
    entered_by: Mapped[str | None] = mapped_column(String(200))
    edited_by: Mapped[str | None] = mapped_column(String(200))
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    # Why the result was last returned (cleared when it is submitted again).
    return_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def value_text(self) -> str | None:
        if self.numerator is not None and self.denominator:
            # A percent from its parts, exactly, rounded once as the reports round it.
            return figures.pct_text(Fraction(self.numerator) * 100 / Fraction(self.denominator))
        return format_quantity(self.indicator.measure, self.value)

    @property
    def numerator_text(self) -> str | None:
        return figures.part_text(self.numerator)

    @property
    def denominator_text(self) -> str | None:
        return figures.part_text(self.denominator)


class IndicatorLock(Base):
    """A closed fiscal year: its results and targets change only when an admin forces it."""

    __tablename__ = "indicator_locks"

    indicator_id: Mapped[int] = mapped_column(BigId, ForeignKey("indicators.id"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    locked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_by_key_id: Mapped[int | None] = mapped_column(BigId)
