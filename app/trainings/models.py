"""A training event, its participants per partner country and sex, its topics, and the rollup."""

from __future__ import annotations

from datetime import date
from typing import cast

from sqlalchemy import (
    BigInteger,
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
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models import Base, EnumText, IdMixin, VersionedMixin, child_rows, parent_key
from app.partners.models import Partner
from app.programs.models import ProgramMixin
from app.projects.models import ProjectMixin
from app.trainings.schemas import Delivery, Kind, Topic

# Rollup rows with this topic count every training once; other rows count it under each topic.
ALL_TOPICS = ""


class Training(IdMixin, VersionedMixin, ProgramMixin, ProjectMixin, Base):
    __tablename__ = "trainings"
    __table_args__ = (
        UniqueConstraint("program_id", "external_ref"),
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        Index("ix_trainings_program_fy_start", "program_id", "fiscal_year", "start_date", "id"),
        Index("ix_trainings_start_date_id", "start_date", "id"),
        Index("ix_trainings_fiscal_year_start", "fiscal_year", "start_date", "id"),
    )

    title: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")  # title, folded
    kind: Mapped[Kind] = mapped_column(EnumText(Kind, 32), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # Derived from start_date by the service; stored so filters and indexes can use it.
    fiscal_year: Mapped[int] = mapped_column(Integer)
    host_country_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    delivery: Mapped[Delivery] = mapped_column(EnumText(Delivery, 16))
    hours: Mapped[int | None] = mapped_column(Integer)
    external_ref: Mapped[str | None] = mapped_column(String(64))

    host_country: Mapped[Partner | None] = relationship(lazy="raise")
    participants: Mapped[list[Participant]] = child_rows(order_by="Participant.partner_id")
    topics: Mapped[list[TrainingTopic]] = child_rows()

    host_country_code: AssociationProxy[str | None] = association_proxy("host_country", "code")

    @property
    def participants_by_partner(self) -> list[Participant]:
        return sorted(self.participants, key=lambda p: p.partner_code)

    @property
    def topic_names(self) -> list[str]:
        return sorted(t.topic for t in self.topics)

    @property
    def totals(self) -> dict[str, int]:
        women = sum(p.women for p in self.participants)
        men = sum(p.men for p in self.participants)
        unreported = sum(p.unreported for p in self.participants)
        return {
            "women": women,
            "men": men,
            "unreported": unreported,
            "total": women + men + unreported,
        }


class Participant(Base):
    """Participants of one training from one partner country, by sex."""

    __tablename__ = "training_participants"
    __table_args__ = (
        CheckConstraint("women >= 0 AND men >= 0 AND unreported >= 0", name="counts_non_negative"),
        Index("ix_training_participants_partner_training", "partner_id", "training_id"),
    )

    training_id: Mapped[int] = parent_key("trainings")
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), primary_key=True)
    women: Mapped[int] = mapped_column(Integer)
    men: Mapped[int] = mapped_column(Integer)
    unreported: Mapped[int] = mapped_column(Integer)

    partner: Mapped[Partner] = relationship(lazy="raise")

    partner_code: AssociationProxy[str] = association_proxy("partner", "code")

    @property
    def total(self) -> int:
        return self.women + self.men + self.unreported


class TrainingTopic(Base):
    __tablename__ = "training_topics"
    __table_args__ = (Index("ix_training_topics_topic_training", "topic", "training_id"),)

    training_id: Mapped[int] = parent_key("trainings")
    topic: Mapped[Topic] = mapped_column(EnumText(Topic, 32), primary_key=True)


class WomenTrainedRollup(Base):
    """Participant sums per (topic, fiscal year, program, partner, kind), kept on every write.

    `topic` is ALL_TOPICS for the rows that count each training once; a training with topics
    also adds to one row per topic. `participant_rows` counts the participant rows summed, so a
    group disappears exactly when its last record does.
    """

    __tablename__ = "women_trained_rollup"

    topic: Mapped[str] = mapped_column(String(32), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"), primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    women: Mapped[int] = mapped_column(BigInteger)
    men: Mapped[int] = mapped_column(BigInteger)
    unreported: Mapped[int] = mapped_column(BigInteger)
    participant_rows: Mapped[int] = mapped_column(Integer)


# Typed handles on the tables, for bulk Core statements (imports and the rollup).
TRAININGS = cast(Table, Training.__table__)
PARTICIPANTS = cast(Table, Participant.__table__)
TOPICS = cast(Table, TrainingTopic.__table__)
ROLLUP = cast(Table, WomenTrainedRollup.__table__)
