"""One partner's IMET completions in one fiscal year before the service existed, by sex."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models import Base, IdMixin, VersionedMixin
from app.partners.models import PartnerMixin


class ImetHistory(IdMixin, VersionedMixin, PartnerMixin, Base):
    """Women and men of a partner who completed IMET training in a fiscal year, as a source
    (a program office's tally, a data call) reported them."""

    __tablename__ = "imet_history"
    __table_args__ = (
        # One record per partner and year: a correction is a PATCH, never a second record.
        UniqueConstraint("partner_id", "fiscal_year"),
        CheckConstraint("women >= 0 AND men >= 0", name="counts_not_negative"),
    )

    fiscal_year: Mapped[int] = mapped_column(Integer)
    women: Mapped[int] = mapped_column(Integer)
    men: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))
    source_ref: Mapped[str | None] = mapped_column(String(200))
