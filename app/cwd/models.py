"""A CWD team, its rosters as reported on dates, each roster's people by role and sex, and the
rollup the teams report reads."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import cast

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from app.core.models import Base, BigId, EnumText, IdMixin, VersionedMixin, child_rows, parent_key
from app.cwd.schemas import Activity, Composition, RosterRole
from app.partners.models import Partner
from app.programs.models import Program
from app.projects.models import ProjectMixin


def _known(column: str, values: type[StrEnum]) -> CheckConstraint:
    listed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_known")


class CwdTeam(IdMixin, VersionedMixin, ProjectMixin, Base):
    """A demining, survey, risk education, liaison, stockpile or victim assistance team."""

    __tablename__ = "cwd_teams"
    __table_args__ = (
        # A team is named once in its country: the import's upsert key.
        UniqueConstraint("partner_id", "name"),
        CheckConstraint("disbanded_on IS NULL OR disbanded_on >= formed_on", name="life_ordered"),
        _known("activity", Activity),
    )

    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    activity: Mapped[Activity] = mapped_column(EnumText(Activity, 32))
    formed_on: Mapped[date] = mapped_column(Date)
    disbanded_on: Mapped[date | None] = mapped_column(Date)

    program: Mapped[Program] = relationship(lazy="raise")
    partner: Mapped[Partner] = relationship(lazy="raise")
    rosters: Mapped[list[CwdRoster]] = child_rows(order_by="CwdRoster.as_of", back_populates="team")

    # As of a date, from the latest roster on or before it (service.with_composition).
    as_of: Mapped[date] = query_expression()
    composition: Mapped[Composition] = query_expression()
    roster_as_of: Mapped[date | None] = query_expression()
    women: Mapped[int] = query_expression()
    men: Mapped[int] = query_expression()
    unreported: Mapped[int] = query_expression()
    women_in_leadership: Mapped[int] = query_expression()

    program_code: AssociationProxy[str] = association_proxy("program", "code")
    partner_code: AssociationProxy[str] = association_proxy("partner", "code")


class CwdRoster(IdMixin, VersionedMixin, Base):
    """Who was on a team on a date; its totals are derived from the members when written."""

    __tablename__ = "cwd_rosters"
    __table_args__ = (
        # One roster per team and date (the latest-on-or-before lookup seeks this index).
        UniqueConstraint("team_id", "as_of"),
        CheckConstraint(
            "women >= 0 AND men >= 0 AND unreported >= 0 AND women_in_leadership >= 0",
            name="counts_not_negative",
        ),
    )

    team_id: Mapped[int] = mapped_column(BigId, ForeignKey("cwd_teams.id", ondelete="CASCADE"))
    as_of: Mapped[date] = mapped_column(Date)
    women: Mapped[int] = mapped_column(Integer)
    men: Mapped[int] = mapped_column(Integer)
    unreported: Mapped[int] = mapped_column(Integer)
    women_in_leadership: Mapped[int] = mapped_column(Integer)

    team: Mapped[CwdTeam] = relationship(lazy="raise", back_populates="rosters")
    members: Mapped[list[CwdRosterMember]] = child_rows(order_by="CwdRosterMember.role")


class CwdRosterMember(Base):
    """The women, men and people of unreported sex in one role of a roster."""

    __tablename__ = "cwd_roster_members"
    __table_args__ = (
        _known("role", RosterRole),
        CheckConstraint("women >= 0 AND men >= 0 AND unreported >= 0", name="counts_not_negative"),
    )

    roster_id: Mapped[int] = parent_key("cwd_rosters")
    role: Mapped[RosterRole] = mapped_column(EnumText(RosterRole, 32), primary_key=True)
    women: Mapped[int] = mapped_column(Integer)
    men: Mapped[int] = mapped_column(Integer)
    unreported: Mapped[int] = mapped_column(Integer)

    @property
    def total(self) -> int:
        return self.women + self.men + self.unreported


class CwdTeamsRollup(Base):
    """Teams and their latest rosters' people per (partner, program, activity, composition), as
    signed changes on the days they happen, kept on every write (app/cwd/rollup.py).

    A team adds itself (and its roster's people) to its group on the day it forms or a roster
    takes effect, and takes that away on the day the next roster takes effect or the day after
    it is disbanded. The sum of a group's rows with `day` on or before a date is the group as
    of that date; the changes of one day are merged into one row.
    """

    __tablename__ = "cwd_teams_rollup"

    partner_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    program_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    activity: Mapped[Activity] = mapped_column(EnumText(Activity, 32), primary_key=True)
    composition: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    teams: Mapped[int] = mapped_column(BigInteger)
    women: Mapped[int] = mapped_column(BigInteger)
    men: Mapped[int] = mapped_column(BigInteger)
    unreported: Mapped[int] = mapped_column(BigInteger)
    women_in_leadership: Mapped[int] = mapped_column(BigInteger)


TEAMS_ROLLUP = cast(Table, CwdTeamsRollup.__table__)
