"""Results of manual indicators: one per fiscal year (and partner), checked against the
indicator's measure, the sex breakdown and the cumulative series; flagged when a rationale
excuses a broken rule; refused in a locked year unless an admin forces it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record, record_created
from app.core import visibility
from app.core.edits import Patch, delete_record
from app.core.errors import Conflict, Forbidden, NotFound, Unprocessable, field_error
from app.core.pagination import Listing, SortKey
from app.core.scope import own_partner_id
from app.core.security import Principal, Role
from app.core.versioning import check_version
from app.indicators import approval, rules
from app.indicators.approval import ResultStatus
from app.indicators.models import Indicator, IndicatorResult
from app.indicators.schemas import ResultCreate, ResultTransition, ResultUpdate
from app.indicators.service import get_indicator
from app.indicators.targets import audit_details, guard_lock
from app.partners.service import figures_partner, resolve_partner


@dataclass(frozen=True, slots=True)
class ResultFilters:
    fiscal_year: int | None = None
    partner: str | None = None
    flagged: bool | None = None
    status: ResultStatus | None = None
    updated_since: datetime | None = None


def _result_options() -> tuple[Any, ...]:
    return (selectinload(IndicatorResult.indicator), selectinload(IndicatorResult.partner))


async def list_results(
    session: AsyncSession, actor: Principal, code: str, filters: ResultFilters
) -> Listing:
    indicator = await get_indicator(session, code)
    scope = await figures_partner(session, actor, filters.partner)
    stmt = (
        select(IndicatorResult)
        .where(IndicatorResult.indicator_id == indicator.id)
        .options(*_result_options())
    )
    if scope is not None:
        stmt = stmt.where(IndicatorResult.partner_id == scope.id)
    if filters.fiscal_year is not None:
        stmt = stmt.where(IndicatorResult.fiscal_year == filters.fiscal_year)
    if filters.flagged is not None:
        stmt = stmt.where(IndicatorResult.flagged.is_(filters.flagged))
    if filters.status is not None:
        stmt = stmt.where(IndicatorResult.status == filters.status)
    if filters.updated_since is not None:
        stmt = stmt.where(IndicatorResult.updated_at >= filters.updated_since)
    keys = [SortKey(IndicatorResult.fiscal_year), SortKey(IndicatorResult.id)]
    return Listing(stmt, keys)


async def get_result(
    session: AsyncSession, actor: Principal, code: str, result_id: int
) -> IndicatorResult:
    indicator = await get_indicator(session, code)
    result = await session.scalar(
        select(IndicatorResult)
        .where(IndicatorResult.id == result_id, IndicatorResult.indicator_id == indicator.id)
        .options(*_result_options())
    )
    own = own_partner_id(actor)
    if result is None or (own is not None and result.partner_id != own):
        raise NotFound(f"result {result_id} of {indicator.code} does not exist")
    return result


# Who may read a result's changes: its partner's embassy, as `get_result` says (a result of
# no partner is read by no embassy).
readers_of = visibility.owned(IndicatorResult.id, IndicatorResult.partner_id)


def _refuse_derived(indicator: Indicator) -> None:
    if indicator.source == "derived":
        raise Conflict(
            f"indicator {indicator.code} is derived (metric {indicator.metric}): its results are "
            "computed from the records, not entered"
        )


async def _neighbours(
    session: AsyncSession, indicator: Indicator, fiscal_year: int, partner_id: int | None
) -> tuple[tuple[int, Decimal] | None, tuple[int, Decimal] | None]:
    """The same series' (partner's) nearest results before and after `fiscal_year`."""
    series = (
        IndicatorResult.indicator_id == indicator.id,
        IndicatorResult.partner_id == partner_id
        if partner_id is not None
        else IndicatorResult.partner_id.is_(None),
        IndicatorResult.value.is_not(None),
    )
    before = (
        await session.execute(
            select(IndicatorResult.fiscal_year, IndicatorResult.value)
            .where(*series, IndicatorResult.fiscal_year < fiscal_year)
            .order_by(IndicatorResult.fiscal_year.desc())
            .limit(1)
        )
    ).first()
    after = (
        await session.execute(
            select(IndicatorResult.fiscal_year, IndicatorResult.value)
            .where(*series, IndicatorResult.fiscal_year > fiscal_year)
            .order_by(IndicatorResult.fiscal_year)
            .limit(1)
        )
    ).first()
    # value IS NOT NULL above, so both figures are Decimals.
    return (
        (before[0], cast(Decimal, before[1])) if before else None,
        (after[0], cast(Decimal, after[1])) if after else None,
    )


async def _checked(
    session: AsyncSession,
    indicator: Indicator,
    fiscal_year: int,
    partner_id: int | None,
    figures: dict[str, Any],
    rationale: str | None,
) -> rules.Checked:
    """Every rule a result must meet; 422 unless the only breaks are excused by a rationale."""
    checked = rules.check_result(indicator.measure, figures)
    if not checked.errors and indicator.aggregation == "cumulative" and checked.value is not None:
        before, after = await _neighbours(session, indicator, fiscal_year, partner_id)
        reason = rules.cumulative_breaks(checked.value, before, after)
        if reason is not None:
            checked.excusable.append(field_error("/value", reason))
            checked.flags.append(rules.CUMULATIVE_DECREASE)
    errors = checked.errors + ([] if rationale else checked.excusable)
    if errors:
        raise Unprocessable(f"{errors[0]['pointer']}: {errors[0]['detail']}", errors=errors)
    return checked


FIGURES = ("value", "numerator", "denominator", "women", "men", "unreported", "narrative")


def _refuse_forcing(actor: Principal, force: bool) -> None:
    if force and actor.role is not Role.admin:
        raise Forbidden(f"the {actor.role} role may not change a locked fiscal year")


def _check_editor(actor: Principal, result: IndicatorResult) -> None:
    """An integration key edits only its own owner's results that are not yet before an
    admin or decided (drafts and returned ones); admins edit any."""
    if actor.role is Role.admin:
        return
    if result.entered_by != actor.owner:
        raise Forbidden("an integration key edits only results its owner entered")
    if result.status not in (ResultStatus.draft, ResultStatus.returned):
        raise Forbidden(f"an integration key may not edit a {result.status} result")


async def create_result(
    session: AsyncSession, actor: Principal, code: str, body: ResultCreate, force: bool
) -> IndicatorResult:
    """Enter a result as a draft, recording the owner of the key that entered it."""
    _refuse_forcing(actor, force)
    indicator = await get_indicator(session, code, for_update=True)
    _refuse_derived(indicator)
    partner = await resolve_partner(session, body.partner, "/partner") if body.partner else None
    figures = {name: getattr(body, name) for name in FIGURES}
    checked = await _checked(
        session,
        indicator,
        body.fiscal_year,
        partner.id if partner else None,
        figures,
        body.rationale,
    )
    forced = await guard_lock(session, indicator, body.fiscal_year, force)
    existing = await session.scalar(
        select(IndicatorResult.id).where(
            IndicatorResult.indicator_id == indicator.id,
            IndicatorResult.fiscal_year == body.fiscal_year,
            IndicatorResult.partner_id == partner.id
            if partner
            else IndicatorResult.partner_id.is_(None),
        )
    )
    if existing is not None:
        raise Conflict(
            f"{indicator.code} already has a FY{body.fiscal_year} result"
            f"{' for ' + partner.code if partner else ''}: change it with PATCH "
            f"/api/v1/indicators/{indicator.code}/results/{existing}"
        )
    result = IndicatorResult(
        indicator=indicator,
        fiscal_year=body.fiscal_year,
        partner=partner,
        **{name: figures[name] for name in FIGURES if name != "value"},
        value=checked.value,
        rationale=body.rationale,
        flagged=bool(checked.flags),
        flags=checked.flags,
        entered_by=actor.owner,
    )
    session.add(result)
    await session.flush()
    details = audit_details(indicator, body.fiscal_year, partner, forced)
    details["flagged"] = result.flagged
    details["owner"] = actor.owner
    record_created(
        session, actor, "indicator_result", result.id, body, details, also=["entered_by"]
    )
    return result


async def update_result(
    session: AsyncSession,
    actor: Principal,
    code: str,
    result_id: int,
    body: ResultUpdate,
    expected_version: str | None,
    force: bool,
) -> IndicatorResult:
    _refuse_forcing(actor, force)
    await get_indicator(session, code, for_update=True)
    result = await get_result(session, actor, code, result_id)
    indicator = result.indicator
    patch = Patch.checked(result, body, expected_version)
    _check_editor(actor, result)
    figures = {name: patch.value(name) for name in FIGURES}
    if indicator.measure == "percent" and "value" not in patch:
        figures["value"] = None  # derived from the parts, recomputed below
    rationale = patch.value("rationale")
    checked = await _checked(
        session, indicator, result.fiscal_year, result.partner_id, figures, rationale
    )
    forced = await guard_lock(session, indicator, result.fiscal_year, force)
    for name in FIGURES:
        patch.set(name, checked.value if name == "value" else figures[name])
    patch.set("rationale", rationale)
    patch.set("flagged", bool(checked.flags))
    patch.set("flags", checked.flags)
    if not patch.changed:
        return result
    details = audit_details(indicator, result.fiscal_year, result.partner, forced)
    details["flagged"] = result.flagged
    if result.status is not ResultStatus.draft:
        # A changed figure is no longer the one that was submitted or approved.
        details["status"] = {"from": str(result.status), "to": str(ResultStatus.draft)}
        patch.set("status", ResultStatus.draft)
    patch.set("edited_by", actor.owner)
    details["owner"] = actor.owner
    await patch.saved(session)
    record(session, actor, "update", "indicator_result", result.id, patch.changed, details)
    return result


async def transition_result(
    session: AsyncSession,
    actor: Principal,
    code: str,
    result_id: int,
    body: ResultTransition,
    expected_version: str | None,
    force: bool,
) -> IndicatorResult:
    """Submit, approve or return a manual result; an admin whose key owner entered, last
    edited or submitted it may not approve it. A locked fiscal year's results keep their
    status unless an admin forces the move. Every move is audited with the mover's owner and,
    for an approval, whose hands the figure passed through."""
    await get_indicator(session, code, for_update=True)
    result = await get_result(session, actor, code, result_id)
    check_version(expected_version, result.version)
    current = result.status
    hands = approval.Hands(
        entered_by=result.entered_by,
        edited_by=result.edited_by,
        submitted_by=result.submitted_by,
        submitted_by_key_id=result.submitted_by_key_id,
    )
    approval.check_transition(current, body.to, actor, hands, body.reason)
    _refuse_forcing(actor, force)
    forced = await guard_lock(session, result.indicator, result.fiscal_year, force)
    result.status = body.to
    changed = ["status"]
    if body.to is ResultStatus.submitted:
        result.submitted_by_key_id = actor.key_id
        result.submitted_by = actor.owner
        result.return_reason = None
        changed += ["submitted_by", "submitted_by_key_id", "return_reason"]
    elif body.to is ResultStatus.returned:
        result.return_reason = body.reason
        changed.append("return_reason")
    await session.flush()
    details = audit_details(result.indicator, result.fiscal_year, result.partner, forced)
    details.update({"from": str(current), "to": str(body.to), "owner": actor.owner})
    if body.to is ResultStatus.approved:
        details.update(
            entered_by=hands.entered_by, edited_by=hands.edited_by, submitted_by=hands.submitted_by
        )
    record(session, actor, "transition", "indicator_result", result.id, changed, details)
    return result


async def delete_result(
    session: AsyncSession,
    actor: Principal,
    code: str,
    result_id: int,
    expected_version: str | None,
    force: bool,
) -> None:
    await get_indicator(session, code, for_update=True)
    result = await get_result(session, actor, code, result_id)
    check_version(expected_version, result.version)
    forced = await guard_lock(session, result.indicator, result.fiscal_year, force)
    details = audit_details(result.indicator, result.fiscal_year, result.partner, forced)
    await delete_record(session, result)
    record(session, actor, "delete", "indicator_result", result_id, None, details)
