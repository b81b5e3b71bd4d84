"""Targets per fiscal year (overall or per partner) and the locks that freeze a year's figures.

A change to a locked fiscal year needs an admin's `force`, and says so in the audit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record
from app.core import visibility
from app.core.errors import Conflict, NotFound, Unprocessable
from app.core.models import utcnow
from app.core.security import Principal
from app.core.versioning import check_version
from app.indicators import rules
from app.indicators.models import Indicator, IndicatorLock, Target
from app.indicators.schemas import (
    LockRead,
    TargetWrite,
)
from app.indicators.service import RESOURCE, get_indicator
from app.partners.models import Partner
from app.partners.service import figures_partner, resolve_partner


async def _is_locked(session: AsyncSession, indicator: Indicator, fiscal_year: int) -> bool:
    found = await session.get(IndicatorLock, (indicator.id, fiscal_year))
    return found is not None


async def guard_lock(
    session: AsyncSession, indicator: Indicator, fiscal_year: int, force: bool
) -> bool:
    """409 on a locked year unless forced; returns whether the change is a forced one."""
    if not await _is_locked(session, indicator, fiscal_year):
        return False
    if not force:
        raise Conflict(
            f"FY{fiscal_year} of {indicator.code} is locked; an admin may unlock it or pass "
            "?force=true (audited)"
        )
    return True


def audit_details(
    indicator: Indicator, fiscal_year: int, partner: Partner | None, forced: bool
) -> dict[str, Any]:
    details: dict[str, Any] = {
        "indicator": indicator.code,
        "fiscal_year": fiscal_year,
        "partner": partner.code if partner else None,
    }
    if forced:
        details["forced"] = True
    return details


async def lock_year(
    session: AsyncSession, actor: Principal, code: str, fiscal_year: int
) -> tuple[LockRead, bool, int]:
    """Lock a year; returns the lock, whether it is new, and the indicator's version (a lock
    is part of the indicator's state, so its ETag is the indicator's)."""
    indicator = await get_indicator(session, code, for_update=True)
    lock = await session.get(IndicatorLock, (indicator.id, fiscal_year))
    created = lock is None
    if lock is None:
        lock = IndicatorLock(
            indicator_id=indicator.id,
            fiscal_year=fiscal_year,
            locked_at=utcnow(),
            locked_by_key_id=actor.key_id,
        )
        session.add(lock)
        indicator.updated_at = utcnow()  # the definition shows its locked years: new ETag
        await session.flush()
        record(session, actor, "lock", RESOURCE, indicator.code, [], {"fiscal_year": fiscal_year})
    read = LockRead(indicator=indicator.code, fiscal_year=fiscal_year, locked_at=lock.locked_at)
    return read, created, indicator.version


async def unlock_year(
    session: AsyncSession,
    actor: Principal,
    code: str,
    fiscal_year: int,
    expected_version: str | None,
) -> None:
    indicator = await get_indicator(session, code, for_update=True)
    check_version(expected_version, indicator.version)
    lock = await session.get(IndicatorLock, (indicator.id, fiscal_year))
    if lock is None:
        raise NotFound(f"FY{fiscal_year} of {indicator.code} is not locked")
    await session.delete(lock)
    indicator.updated_at = utcnow()
    await session.flush()
    record(session, actor, "unlock", RESOURCE, indicator.code, [], {"fiscal_year": fiscal_year})


# --- Targets ----------------------------------------------------------------------------------


def _target_stmt(indicator: Indicator, fiscal_year: int, partner: Partner | None) -> Select[Any]:
    return (
        select(Target)
        .where(
            Target.indicator_id == indicator.id,
            Target.fiscal_year == fiscal_year,
            Target.partner_id == partner.id if partner else Target.partner_id.is_(None),
        )
        .options(selectinload(Target.indicator), selectinload(Target.partner))
    )


async def get_target(
    session: AsyncSession, actor: Principal, code: str, fiscal_year: int, partner: str | None
) -> Target:
    indicator = await get_indicator(session, code)
    scope = await figures_partner(session, actor, partner)
    target = await session.scalar(_target_stmt(indicator, fiscal_year, scope))
    if target is None:
        whose = f" for {scope.code}" if scope else ""
        raise NotFound(f"{indicator.code} has no FY{fiscal_year} target{whose}")
    return target


# Who may read a target's changes: its partner's embassy, as `get_target` (`own_country`)
# says (a target of no partner is read by no embassy).
readers_of = visibility.owned(Target.id, Target.partner_id)


async def put_target(
    session: AsyncSession,
    actor: Principal,
    code: str,
    fiscal_year: int,
    body: TargetWrite,
    expected_version: str | None,
    force: bool,
) -> tuple[Target, bool]:
    """Create or replace a target; returns it and whether it was created."""
    indicator = await get_indicator(session, code, for_update=True)
    errors = rules.check_figure(indicator.measure, body.value, "/value")
    if errors:
        raise Unprocessable(f"/value: {errors[0]['detail']}", errors=errors)
    partner = await resolve_partner(session, body.partner, "/partner") if body.partner else None
    target = await session.scalar(_target_stmt(indicator, fiscal_year, partner))
    if target is not None:
        check_version(expected_version, target.version)
    forced = await guard_lock(session, indicator, fiscal_year, force)
    details = audit_details(indicator, fiscal_year, partner, forced)
    if target is None:
        target = Target(
            indicator=indicator, fiscal_year=fiscal_year, partner=partner, value=body.value
        )
        session.add(target)
        await session.flush()
        record(session, actor, "create", "indicator_target", target.id, ["value"], details)
        return target, True
    if target.value != body.value:
        target.value = body.value
        await session.flush()
        record(session, actor, "update", "indicator_target", target.id, ["value"], details)
    return target, False
