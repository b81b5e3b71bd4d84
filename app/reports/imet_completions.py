"""The IMET completions report: women and men whose nomination reached completed."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import Unprocessable
from app.core.figures import share_pct
from app.core.security import Principal
from app.nominations.models import Nomination
from app.nominations.service import COMPLETED, FEMALE, visible_to
from app.nominations.workflow import Sex
from app.partners.models import Partner
from app.partners.service import figures_partner

CompletionsGroup = Literal["fiscal_year", "partner"]


class CompletionsFilters(BaseModel):
    from_fy: int | None
    to_fy: int | None
    partner: str | None
    group_by: CompletionsGroup


class CompletionsByYear(BaseModel):
    fiscal_year: int
    women: int
    men: int
    total: int


class CompletionsByPartner(BaseModel):
    partner: str
    women: int
    men: int
    total: int


class CompletionsTotals(BaseModel):
    women: int
    men: int
    total: int
    women_share_pct: float | None


class CompletionsReport(BaseModel):
    filters: CompletionsFilters
    method: str
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    totals: CompletionsTotals


COMPLETIONS_METHOD = (
    "IMET nominees whose nomination reached the status completed, counted by nominee sex "
    "(women, men), grouped by the nomination's fiscal year or by partner, within "
    "from_fy..to_fy inclusive (open ends when omitted). totals.women_share_pct = women / total "
    "x 100, rounded half-up to one decimal; null when there are no completions."
)


async def imet_completions(
    session: AsyncSession,
    actor: Principal,
    *,
    from_fy: int | None = None,
    to_fy: int | None = None,
    partner: str | None = None,
    group_by: CompletionsGroup = "fiscal_year",
) -> CompletionsReport:
    if from_fy is not None and to_fy is not None and from_fy > to_fy:
        raise Unprocessable(
            "to_fy: must not be before from_fy",
            errors=[{"parameter": "to_fy", "location": "query", "detail": "before from_fy"}],
        )
    only = await figures_partner(session, actor, partner)
    key = Nomination.fiscal_year if group_by == "fiscal_year" else Partner.code
    stmt = (
        select(
            key,
            func.sum(case((FEMALE, 1), else_=0)),
            func.sum(case((Nomination.sex == str(Sex.male), 1), else_=0)),
        )
        .select_from(Nomination)
        .join(Partner, Partner.id == Nomination.partner_id)
        .where(COMPLETED, visible_to(actor))
        .group_by(key)
        .order_by(key)
    )
    if from_fy is not None:
        stmt = stmt.where(Nomination.fiscal_year >= from_fy)
    if to_fy is not None:
        stmt = stmt.where(Nomination.fiscal_year <= to_fy)
    if only is not None:
        stmt = stmt.where(Nomination.partner_id == only.id)
    result = [(k, int(w), int(m)) for k, w, m in (await session.execute(stmt)).all()]
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    if group_by == "fiscal_year":
        rows = [CompletionsByYear(fiscal_year=k, women=w, men=m, total=w + m) for k, w, m in result]
    else:
        rows = [CompletionsByPartner(partner=k, women=w, men=m, total=w + m) for k, w, m in result]
    women = sum(w for _, w, _ in result)
    men = sum(m for _, _, m in result)
    return CompletionsReport(
        filters=CompletionsFilters(
            from_fy=from_fy, to_fy=to_fy, partner=only.code if only else None, group_by=group_by
        ),
        method=COMPLETIONS_METHOD,
        rows=rows,
        totals=CompletionsTotals(
            women=women,
            men=men,
            total=women + men,
            women_share_pct=share_pct(women, women + men),
        ),
    )


def csv_table(report: CompletionsReport) -> tuple[list[str], list[list[Any]]]:
    """CSV columns and rows: the group key, women, men, total."""
    columns = [report.filters.group_by, "women", "men", "total"]
    return columns, [[getattr(row, c) for c in columns] for row in report.rows]
