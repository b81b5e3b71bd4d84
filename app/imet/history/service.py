"""IMET history rules: the partner must exist, one record per partner and fiscal year, a year
with completed nominations takes no history (app/imet/coverage.py), embassy keys see
their own country's records only, and every change is audited. Also the IMET completions
figures, which add both sources up in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, case, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import Conflict
from app.core.pagination import Listing, SortKey
from app.core.rollup import within
from app.core.security import Principal
from app.imet.coverage import history_covering, refuse_history_over_nominations
from app.imet.history.models import ImetHistory
from app.imet.history.schemas import ImetHistoryCreate, ImetHistoryUpdate
from app.imet.nominations import service as nominations
from app.imet.nominations.models import Nomination
from app.imet.nominations.workflow import Sex
from app.partners.models import Partner
from app.partners.service import lock_partners, partner_filter_id, resolve_partner

RESOURCE = "imet_history"


# The one place IMET history is scoped: an embassy key sees its own partner's records and their
# changes only.
visible_to, readers_of = visibility.country_owned(ImetHistory.id, ImetHistory.partner_id)


@dataclass(frozen=True, slots=True)
class ImetHistoryFilters:
    partner: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    updated_since: datetime | None = None


async def select_history(
    session: AsyncSession, principal: Principal | None, filters: ImetHistoryFilters
) -> Select[Any]:
    """The filtered, caller-scoped statement behind the list and the CSV export."""
    stmt = select(ImetHistory).where(visible_to(principal))
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(ImetHistory.partner_id == partner_id)
    stmt = stmt.where(
        *within(ImetHistory.fiscal_year, filters.fiscal_year, filters.from_fy, filters.to_fy)
    )
    if filters.updated_since is not None:
        stmt = stmt.where(ImetHistory.updated_at >= filters.updated_since)
    return stmt.options(selectinload(ImetHistory.partner))


SORT = [SortKey(ImetHistory.id)]


async def history_listing(
    session: AsyncSession, principal: Principal | None, filters: ImetHistoryFilters
) -> Listing:
    """The IMET history list, its CSV and the bulk export (filters checked now)."""
    return Listing(await select_history(session, principal, filters), SORT)


async def get_history(session: AsyncSession, principal: Principal, history_id: int) -> ImetHistory:
    """A record the caller may see; another country's answers exactly as a missing one."""
    stmt = select(ImetHistory).where(ImetHistory.id == history_id, visible_to(principal))
    loaded = stmt.options(selectinload(ImetHistory.partner))
    return await found_or_404(session, loaded, f"IMET history record {history_id}")


def _details(history: ImetHistory) -> dict[str, Any]:
    return {"partner": history.partner_code, "fiscal_year": history.fiscal_year}


HISTORY = Audited(RESOURCE, _details)


async def _claim(session: AsyncSession, partner: Partner, fiscal_year: int) -> None:
    """Check that history may cover the partner's year, holding the partner's lock so a
    concurrent completion or history write waits: 409 when a record or completed
    nominations cover it already."""
    await lock_partners(session, [partner.id])
    taken = await history_covering(session, partner.id, fiscal_year)
    if taken is not None:
        raise Conflict(
            f"{partner.code} FY{fiscal_year} already has IMET history record {taken}",
            existing_record=taken,
        )
    await refuse_history_over_nominations(session, partner.id, partner.code, fiscal_year)


async def create_history(
    session: AsyncSession, actor: Principal, body: ImetHistoryCreate
) -> ImetHistory:
    partner = await resolve_partner(session, body.partner, "/partner")
    await _claim(session, partner, body.fiscal_year)
    history = ImetHistory(partner=partner, **body.model_dump(exclude={"partner"}))
    await HISTORY.added(session, actor, history, body)
    return history


async def update_history(
    session: AsyncSession,
    actor: Principal,
    history_id: int,
    body: ImetHistoryUpdate,
    expected_version: str | None,
) -> ImetHistory:
    history = await get_history(session, actor, history_id)
    patch = Patch.checked(history, body, expected_version)
    partner = history.partner
    if (code := patch.get("partner")) is not None:
        partner = await resolve_partner(session, code, "/partner")
    fiscal_year = patch.value("fiscal_year")
    if (partner.id, fiscal_year) != (history.partner_id, history.fiscal_year):
        await _claim(session, partner, fiscal_year)
        patch.refer("partner", partner)
    patch.copy("fiscal_year", "women", "men", "source", "source_ref")
    await HISTORY.updated(session, actor, patch)
    return history


async def delete_history(
    session: AsyncSession, actor: Principal, history_id: int, expected_version: str | None
) -> None:
    history = await get_history(session, actor, history_id)
    await HISTORY.deleted(session, actor, history, expected_version)


# --- IMET completions: completed nominations and history, added up -----------------------------

CompletionsGroup = Literal["fiscal_year", "partner"]


def _completions(
    actor: Principal, partner_id: int | None, from_fy: int | None, to_fy: int | None
) -> Any:
    """Both sources as one row set (partner_id, fiscal_year, women, men): a completed
    nomination is one person, a history record a partner's year; UNION ALL, never merged."""
    completed = select(
        Nomination.partner_id.label("partner_id"),
        Nomination.fiscal_year.label("fiscal_year"),
        case((nominations.FEMALE, 1), else_=0).label("women"),
        case((Nomination.sex == Sex.male, 1), else_=0).label("men"),
    ).where(nominations.COMPLETED, nominations.visible_to(actor))
    history = select(
        ImetHistory.partner_id, ImetHistory.fiscal_year, ImetHistory.women, ImetHistory.men
    ).where(visible_to(actor))
    branches = []
    for stmt, partner, year in (
        (completed, Nomination.partner_id, Nomination.fiscal_year),
        (history, ImetHistory.partner_id, ImetHistory.fiscal_year),
    ):
        if partner_id is not None:
            stmt = stmt.where(partner == partner_id)
        branches.append(stmt.where(*within(year, low=from_fy, high=to_fy)))
    return union_all(*branches).subquery("completions")


async def completions_by(
    session: AsyncSession,
    actor: Principal,
    group: CompletionsGroup,
    *,
    partner_id: int | None = None,
    from_fy: int | None = None,
    to_fy: int | None = None,
) -> list[tuple[Any, int, int]]:
    """(group key, women, men) of IMET completions visible to `actor`, in key order: the
    fiscal year, or the partner's alpha-3."""
    both = _completions(actor, partner_id, from_fy, to_fy)
    women, men = func.sum(both.c.women), func.sum(both.c.men)
    if group == "fiscal_year":
        stmt = select(both.c.fiscal_year, women, men).group_by(both.c.fiscal_year)
        stmt = stmt.order_by(both.c.fiscal_year)
    else:
        stmt = (
            select(Partner.code, women, men)
            .join_from(both, Partner, Partner.id == both.c.partner_id)
            .group_by(Partner.code)
            .order_by(Partner.code)
        )
    return [(key, int(w), int(m)) for key, w, m in (await session.execute(stmt)).all()]
