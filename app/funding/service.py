"""Funding rules: programs and partners must exist, purposes come from the vocabulary,
embassy keys see only their own country's records, and every change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Unpack

from sqlalchemy import Select, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.pagination import Listing, SortKey
from app.core.rollup import Keys, matching
from app.core.security import Principal
from app.funding.models import Obligation, ObligationPurpose
from app.funding.schemas import ObligationCreate, ObligationUpdate
from app.partners.service import find_partner, resolve_partner_or_none
from app.programs.service import of_program, resolve_program
from app.projects.service import body_project, patch_project, project_filter_id

RESOURCE = "obligation"


# The obligations a key may know exist, and whose changes it reads: an embassy key its own
# partner's only.
visible_to, readers_of = visibility.country_owned(Obligation.id, Obligation.partner_id)


def _scoped(stmt: Select[Any], principal: Principal | None) -> Select[Any]:
    return stmt.where(visible_to(principal))


def _loaded() -> tuple[Any, ...]:
    return (
        selectinload(Obligation.program),
        selectinload(Obligation.partner),
        selectinload(Obligation.purpose_rows),
        selectinload(Obligation.project),
    )


@dataclass(frozen=True, slots=True)
class ObligationFilters:
    program: str | None = None
    fiscal_year: int | None = None
    partner: str | None = None
    type: str | None = None
    purpose: str | None = None
    project: str | None = None
    updated_since: datetime | None = None


def _select(
    principal: Principal | None,
    filters: ObligationFilters,
    partner_id: int | None,
    project_id: int | None,
) -> Select[Any]:
    stmt = _scoped(select(Obligation), principal)
    if filters.program:
        stmt = stmt.where(of_program(Obligation.program_id, filters.program))
    if filters.fiscal_year is not None:
        stmt = stmt.where(Obligation.fiscal_year == filters.fiscal_year)
    if filters.partner:
        stmt = stmt.where(Obligation.partner_id == partner_id if partner_id else false())
    if filters.type:
        stmt = stmt.where(Obligation.type == filters.type)
    if filters.purpose:
        stmt = stmt.where(
            select(ObligationPurpose.obligation_id)
            .where(
                ObligationPurpose.obligation_id == Obligation.id,
                ObligationPurpose.purpose == filters.purpose,
            )
            .exists()
        )
    if filters.project:
        stmt = stmt.where(Obligation.project_id == project_id)
    if filters.updated_since is not None:
        stmt = stmt.where(Obligation.updated_at >= filters.updated_since)
    return stmt.options(*_loaded())


async def select_obligations(
    session: AsyncSession, principal: Principal | None, filters: ObligationFilters
) -> Select[Any]:
    """The filtered, caller-scoped statement behind the list and the CSV export."""
    partner_id = None
    if filters.partner:
        found = await find_partner(session, filters.partner)
        partner_id = found.id if found else None
    project_id = await project_filter_id(session, filters.project)
    return _select(principal, filters, partner_id, project_id)


SORT = [SortKey(Obligation.id)]


async def obligations_listing(
    session: AsyncSession, principal: Principal | None, filters: ObligationFilters
) -> Listing:
    """The obligations list, its CSV and the bulk export (filters checked now)."""
    return Listing(await select_obligations(session, principal, filters), SORT)


async def get_obligation(
    session: AsyncSession, principal: Principal, obligation_id: int
) -> Obligation:
    stmt = _scoped(select(Obligation).where(Obligation.id == obligation_id), principal)
    return await found_or_404(session, stmt.options(*_loaded()), f"obligation {obligation_id}")


def _details(obligation: Obligation) -> dict[str, Any]:
    return {
        "type": obligation.type,
        "program": obligation.program.code,
        "fiscal_year": obligation.fiscal_year,
        "partner": obligation.partner_code,
    }


OBLIGATIONS = Audited(RESOURCE, _details)


async def create_obligation(
    session: AsyncSession, actor: Principal, body: ObligationCreate
) -> Obligation:
    program = await resolve_program(session, body.program)
    partner = await resolve_partner_or_none(session, body.partner, "/partner")
    project = await body_project(session, body.project, program.id)
    obligation = Obligation(
        type=body.type,
        program=program,
        fiscal_year=body.fiscal_year,
        partner=partner,
        amount_usd=body.amount_usd,
        source_ref=body.source_ref,
        project=project,
        purpose_rows=[ObligationPurpose(purpose=p) for p in body.purposes],
    )
    await OBLIGATIONS.added(session, actor, obligation, body, also={"type"})
    return obligation


async def update_obligation(
    session: AsyncSession,
    actor: Principal,
    obligation_id: int,
    body: ObligationUpdate,
    expected_version: str | None,
) -> Obligation:
    obligation = await get_obligation(session, actor, obligation_id)
    patch = Patch.checked(obligation, body, expected_version)
    if (program := patch.get("program")) is not None:
        patch.refer("program", await resolve_program(session, program))
    if "partner" in patch:
        patch.refer("partner", await resolve_partner_or_none(session, body.partner, "/partner"))
    await patch_project(session, patch)
    patch.copy("fiscal_year", "type", "amount_usd", "source_ref")
    patch.tags("purposes", "purpose_rows", ObligationPurpose, "purpose")
    await OBLIGATIONS.updated(session, actor, patch)
    return obligation


async def delete_obligation(
    session: AsyncSession, actor: Principal, obligation_id: int, expected_version: str | None
) -> None:
    obligation = await get_obligation(session, actor, obligation_id)
    await OBLIGATIONS.deleted(session, actor, obligation, expected_version)


def obligation_filters(
    principal: Principal | None,
    *,
    type: str = "obligation",
    purpose: str | None = None,
    **keys: Unpack[Keys],
) -> list[Any]:
    """The records of one type a figure sums: visible to `principal`, and of a program, a
    partner, a fiscal year (or range) and a purpose tag, each when given."""
    conditions: list[Any] = [
        Obligation.type == type,
        visible_to(principal),
        *matching(Obligation, **keys),
    ]
    if purpose is not None:
        conditions.append(
            select(ObligationPurpose.obligation_id)
            .where(
                ObligationPurpose.obligation_id == Obligation.id,
                ObligationPurpose.purpose == purpose,
            )
            .correlate(Obligation)
            .exists()
        )
    return conditions


async def amounts_by_fiscal_year(
    session: AsyncSession, filters: list[Any]
) -> dict[int, tuple[Decimal, int]]:
    """USD summed and the records counted per fiscal year, over the records `filters` select
    (from `obligation_filters`)."""
    stmt = (
        select(
            Obligation.fiscal_year,
            func.coalesce(func.sum(Obligation.amount_usd), 0),
            func.count(),
        )
        .where(*filters)
        .group_by(Obligation.fiscal_year)
    )
    return {int(year): (amount, records) for year, amount, records in await session.execute(stmt)}
