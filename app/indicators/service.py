"""Indicator definitions, and the read scope shared by targets, results and progress.

Embassy keys read every indicator definition, but targets, results and progress only for
their own country (the rule is `app.core.scope.own_country`, loaded by
`partners.service.figures_partner`). Every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.audit.writer import record
from app.core.edits import Patch, delete_record, found_or_404
from app.core.errors import Conflict, Unprocessable, field_error, invalid
from app.core.pagination import Listing, SortKey
from app.core.security import Principal
from app.core.versioning import check_version
from app.indicators import rules
from app.indicators.metrics import METRICS
from app.indicators.models import Indicator, IndicatorLock, IndicatorResult, Target
from app.indicators.schemas import (
    IndicatorCreate,
    IndicatorUpdate,
    MetricFilters,
)
from app.partners.service import resolve_partner
from app.programs.service import find_program, resolve_program

RESOURCE = "indicator"


# --- Definitions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorFilters:
    outcome: int | None = None
    program: str | None = None
    source: str | None = None
    updated_since: datetime | None = None


def _loaded() -> tuple[Any, ...]:
    return (selectinload(Indicator.program), selectinload(Indicator.locks))


async def list_indicators(session: AsyncSession, filters: IndicatorFilters) -> Listing:
    stmt = select(Indicator).options(*_loaded())
    if filters.outcome is not None:
        stmt = stmt.where(Indicator.outcome == filters.outcome)
    if filters.program is not None:
        program = await find_program(session, filters.program)
        stmt = stmt.where(Indicator.program_id == program.id if program else false())
    if filters.source is not None:
        stmt = stmt.where(Indicator.source == filters.source)
    if filters.updated_since is not None:
        stmt = stmt.where(Indicator.updated_at >= filters.updated_since)
    return Listing(stmt, [SortKey(Indicator.code)])


async def get_indicator(session: AsyncSession, code: str, *, for_update: bool = False) -> Indicator:
    stmt = (
        select(Indicator)
        .where(Indicator.code == code.upper())
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if for_update:
        # Serializes writers of one indicator's targets and results (the overall row, whose
        # partner is NULL, has no unique constraint to lean on).
        stmt = stmt.with_for_update()
    return await found_or_404(session, stmt, f"indicator {code!r}")


async def _metric_filters(
    session: AsyncSession, metric: str, filters: MetricFilters | None
) -> dict[str, str]:
    """The filters a metric accepts, with codes checked and normalized."""
    spec = METRICS[metric]
    given = filters.model_dump(exclude_none=True) if filters is not None else {}
    errors = [
        field_error(f"/metric_filters/{name}", f"not a filter of metric {metric}")
        for name in sorted(set(given) - spec.filters)
    ]
    errors += [
        field_error(f"/metric_filters/{name}", f"required by metric {metric}")
        for name in sorted(spec.required - set(given))
    ]
    if errors:
        raise Unprocessable(f"{errors[0]['pointer']}: {errors[0]['detail']}", errors=errors)
    normalized = {name: str(value) for name, value in given.items()}
    if "program" in normalized:
        program = await resolve_program(session, normalized["program"], "/metric_filters/program")
        normalized["program"] = program.code
    if "partner" in normalized:
        partner = await resolve_partner(session, normalized["partner"], "/metric_filters/partner")
        normalized["partner"] = partner.code
    return normalized


def _check_shape(
    measure: str,
    source: str,
    aggregation: str,
    direction: str,
    baseline: Decimal | None,
    metric: str | None,
) -> None:
    errors = []
    if source == "derived":
        if metric is None:
            errors.append(field_error("/metric", "a derived indicator names its metric"))
        elif METRICS[metric].measure != measure:
            errors.append(
                field_error(
                    "/metric", f"metric {metric} gives a {METRICS[metric].measure}, not a {measure}"
                )
            )
    elif metric is not None:
        errors.append(field_error("/metric", "a manual indicator has no metric"))
    if measure == "percent" and aggregation == "cumulative":
        errors.append(
            field_error("/aggregation", "a percent is not cumulative: its parts roll up per year")
        )
    if measure == "qualitative" and source == "derived":
        errors.append(field_error("/source", "a qualitative indicator is entered by hand"))
    if direction == "decrease" and baseline is None and measure != "qualitative":
        errors.append(
            field_error("/baseline", "a decrease indicator needs a baseline to measure from")
        )
    if baseline is not None:
        if measure == "qualitative":
            errors.append(field_error("/baseline", "a qualitative indicator has no baseline"))
        else:
            errors += rules.check_figure(measure, baseline, "/baseline")
    if errors:
        raise Unprocessable(f"{errors[0]['pointer']}: {errors[0]['detail']}", errors=errors)


def _details(indicator: Indicator) -> dict[str, Any]:
    return {"outcome": indicator.outcome, "source": indicator.source}


INDICATORS: Audited[Indicator] = Audited(RESOURCE, _details, key="code")


async def create_indicator(
    session: AsyncSession, actor: Principal, body: IndicatorCreate
) -> Indicator:
    if await session.scalar(select(Indicator.id).where(Indicator.code == body.code)) is not None:
        raise Conflict(f"indicator {body.code!r} already exists")
    _check_shape(
        body.measure, body.source, body.aggregation, body.direction, body.baseline, body.metric
    )
    if body.source == "manual" and body.metric_filters is not None:
        raise invalid("/metric_filters", "a manual indicator has no metric filters")
    program = await resolve_program(session, body.program, "/program") if body.program else None
    filters = (
        await _metric_filters(session, body.metric, body.metric_filters) if body.metric else {}
    )
    given = body.model_dump(exclude={"program", "metric_filters"})
    indicator = Indicator(**given, program=program, metric_filters=filters)
    await INDICATORS.added(session, actor, indicator, body)
    return await get_indicator(session, indicator.code)


async def update_indicator(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: IndicatorUpdate,
    expected_version: str | None,
) -> Indicator:
    indicator = await get_indicator(session, code)
    patch = Patch.checked(indicator, body, expected_version)
    metric = patch.value("metric")
    _check_shape(
        indicator.measure,
        indicator.source,
        patch.value("aggregation"),
        patch.value("direction"),
        patch.value("baseline"),
        metric,
    )
    if "program" in patch:
        program = await resolve_program(session, body.program, "/program") if body.program else None
        patch.refer("program", program)
    await _patch_metric(session, patch, metric)
    patch.copy("name", "outcome", "direction", "aggregation", "baseline", "description")
    await INDICATORS.updated(session, actor, patch)
    return await get_indicator(session, indicator.code)


async def _patch_metric(session: AsyncSession, patch: Patch, metric: str | None) -> None:
    """A derived indicator's metric and its filters, checked together when either is set."""
    if not patch.sets("metric", "metric_filters"):
        return
    indicator = patch.target
    if indicator.source == "manual":
        raise invalid("/metric_filters", "a manual indicator has no metric")
    assert metric is not None  # _check_shape refused a derived indicator without one
    given = patch.get("metric_filters")
    if "metric_filters" not in patch:
        given = MetricFilters.model_validate(indicator.metric_filters)
    filters = await _metric_filters(session, metric, given)
    patch.set("metric", metric)
    patch.set("metric_filters", filters)


async def delete_indicator(
    session: AsyncSession, actor: Principal, code: str, expected_version: str | None
) -> None:
    indicator = await get_indicator(session, code, for_update=True)
    check_version(expected_version, indicator.version)
    results = await session.scalar(
        select(func.count()).where(IndicatorResult.indicator_id == indicator.id)
    )
    if results:
        raise Conflict(f"indicator {indicator.code} has {results} result(s); delete them first")
    await session.execute(delete(Target).where(Target.indicator_id == indicator.id))
    await session.execute(delete(IndicatorLock).where(IndicatorLock.indicator_id == indicator.id))
    await delete_record(session, indicator)
    record(session, actor, "delete", RESOURCE, indicator.code, None, _details(indicator))


# --- Locks ------------------------------------------------------------------------------------
