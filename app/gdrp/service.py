"""GDRP rules: codes must exist, fiscal years come from start_date (engagements) and
adopted_on (milestones), a milestone's engagement is of the same partner, embassy keys see
their own country's records only, and every change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Unpack

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import Conflict, invalid
from app.core.fiscal_year import fiscal_year
from app.core.pagination import Listing, SortKey
from app.core.rollup import Keys, matching, within
from app.core.scope import own_country_rows
from app.core.security import Principal
from app.gdrp import rollup
from app.gdrp.models import AdvisoryEngagement, EngagementFocus, PolicyMilestone
from app.gdrp.schemas import (
    EngagementCreate,
    EngagementUpdate,
    MilestoneCreate,
    MilestoneUpdate,
)
from app.partners.models import Partner
from app.partners.service import partner_filter_id, resolve_partner
from app.programs.service import of_program, resolve_program
from app.projects.service import body_project, patch_project, project_filter_id

ENGAGEMENT = "advisory_engagement"
MILESTONE = "policy_milestone"


# The engagements a key may know exist, and whose changes it reads: an embassy key its own
# country's only.
visible_to, readers_of = visibility.country_owned(
    AdvisoryEngagement.id, AdvisoryEngagement.partner_id
)


# The milestones a key may know exist, and whose changes it reads: likewise.
milestones_visible_to, milestone_readers_of = visibility.country_owned(
    PolicyMilestone.id, PolicyMilestone.partner_id
)


@dataclass(frozen=True, slots=True)
class GdrpFilters:
    """Filters of both lists (`focus` applies to engagements, `kind` to milestones)."""

    program: str | None = None
    partner: str | None = None
    project: str | None = None
    focus: str | None = None
    kind: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    updated_since: datetime | None = None


async def _common(
    session: AsyncSession, model: Any, filters: GdrpFilters
) -> list[ColumnElement[bool]]:
    """The filters both kinds of record share, as conditions on `model`."""
    found: list[ColumnElement[bool]] = []
    if filters.program is not None:
        found.append(of_program(model.program_id, filters.program))
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        found.append(model.partner_id == partner_id)
    found += within(model.fiscal_year, filters.fiscal_year, filters.from_fy, filters.to_fy)
    if filters.updated_since is not None:
        found.append(model.updated_at >= filters.updated_since)
    return found


# --- Advisory engagements ---------------------------------------------------------------------


def has_focus(focus: str) -> ColumnElement[bool]:
    return (
        select(EngagementFocus.engagement_id)
        .where(
            EngagementFocus.engagement_id == AdvisoryEngagement.id, EngagementFocus.focus == focus
        )
        .correlate(AdvisoryEngagement)
        .exists()
    )


def _engagement_loaded() -> tuple[Any, ...]:
    return (
        selectinload(AdvisoryEngagement.program),
        selectinload(AdvisoryEngagement.partner),
        selectinload(AdvisoryEngagement.project),
        selectinload(AdvisoryEngagement.focus_rows),
    )


async def engagements_listing(
    session: AsyncSession, principal: Principal | None, filters: GdrpFilters
) -> Listing:
    conditions = await _common(session, AdvisoryEngagement, filters)
    if filters.focus is not None:
        conditions.append(has_focus(filters.focus))
    if (project_id := await project_filter_id(session, filters.project)) is not None:
        conditions.append(AdvisoryEngagement.project_id == project_id)
    stmt = select(AdvisoryEngagement).where(visible_to(principal), *conditions)
    return Listing(stmt.options(*_engagement_loaded()), [SortKey(AdvisoryEngagement.id)])


async def get_engagement(
    session: AsyncSession, principal: Principal, engagement_id: int
) -> AdvisoryEngagement:
    stmt = select(AdvisoryEngagement).where(
        AdvisoryEngagement.id == engagement_id, visible_to(principal)
    )
    loaded = stmt.options(*_engagement_loaded())
    return await found_or_404(session, loaded, f"advisory engagement {engagement_id}")


def _engagement_details(engagement: AdvisoryEngagement) -> dict[str, Any]:
    return {
        "program": engagement.program_code,
        "partner": engagement.partner_code,
        "fiscal_year": engagement.fiscal_year,
    }


ENGAGEMENTS = Audited(ENGAGEMENT, _engagement_details)


async def create_engagement(
    session: AsyncSession, actor: Principal, body: EngagementCreate
) -> AdvisoryEngagement:
    program = await resolve_program(session, body.program)
    partner = await resolve_partner(session, body.partner, "/partner")
    engagement = AdvisoryEngagement(
        program=program,
        partner=partner,
        project=await body_project(session, body.project, program.id),
        institution=body.institution,
        start_date=body.start_date,
        end_date=body.end_date,
        fiscal_year=fiscal_year(body.start_date),
        external_ref=body.external_ref,
        focus_rows=[EngagementFocus(focus=f) for f in body.focus],
        **body.counterparts.model_dump(),
    )
    await ENGAGEMENTS.added(session, actor, engagement, body)
    return engagement


async def _milestone_naming(session: AsyncSession, engagement: AdvisoryEngagement) -> int | None:
    """A policy milestone naming the engagement, if any."""
    return await session.scalar(
        select(PolicyMilestone.id).where(PolicyMilestone.engagement_id == engagement.id).limit(1)
    )


async def _refuse_partner_change(
    session: AsyncSession, engagement: AdvisoryEngagement, partner: Partner
) -> None:
    """A milestone's engagement is of its partner: an engagement named by milestones keeps its
    partner."""
    named = await _milestone_naming(session, engagement)
    if named is not None:
        raise Conflict(
            f"advisory engagement {engagement.id} is named by policy milestone {named} of "
            f"{engagement.partner_code}; its partner cannot become {partner.code}",
            policy_milestone=named,
        )


async def update_engagement(
    session: AsyncSession,
    actor: Principal,
    engagement_id: int,
    body: EngagementUpdate,
    expected_version: str | None,
) -> AdvisoryEngagement:
    engagement = await get_engagement(session, actor, engagement_id)
    patch = Patch.checked(engagement, body, expected_version)
    start, end = patch.value("start_date"), patch.value("end_date")
    if end is not None and end < start:
        raise invalid("/end_date", "end_date must not be before start_date")
    if (program := patch.get("program")) is not None:
        patch.refer("program", await resolve_program(session, program))
    await patch_project(session, patch)
    if (code := patch.get("partner")) is not None:
        partner = await resolve_partner(session, code, "/partner")
        if partner.id != engagement.partner_id:
            await _refuse_partner_change(session, engagement, partner)
            patch.refer("partner", partner)
    patch.set("start_date", start)
    patch.set("end_date", end)
    patch.set("fiscal_year", fiscal_year(start))
    patch.copy("institution", "external_ref")
    if body.counterparts is not None:
        for name, value in body.counterparts.model_dump().items():
            patch.set(name, value)
    patch.tags("focus", "focus_rows", EngagementFocus, "focus")
    await ENGAGEMENTS.updated(session, actor, patch)
    return engagement


async def delete_engagement(
    session: AsyncSession, actor: Principal, engagement_id: int, expected_version: str | None
) -> None:
    engagement = await get_engagement(session, actor, engagement_id)
    await ENGAGEMENTS.deleted(
        session, actor, engagement, expected_version, lambda: _refuse_named(session, engagement)
    )


async def _refuse_named(session: AsyncSession, engagement: AdvisoryEngagement) -> None:
    """An engagement a milestone names stays."""
    named = await _milestone_naming(session, engagement)
    if named is not None:
        raise Conflict(
            f"advisory engagement {engagement.id} is named by policy milestone {named}",
            policy_milestone=named,
        )


# --- Policy milestones ------------------------------------------------------------------------


def _milestone_loaded() -> tuple[Any, ...]:
    return (selectinload(PolicyMilestone.partner), selectinload(PolicyMilestone.program))


async def milestones_listing(
    session: AsyncSession, principal: Principal | None, filters: GdrpFilters
) -> Listing:
    """The milestones list, its CSV and the bulk export (filters checked now)."""
    conditions = await _common(session, PolicyMilestone, filters)
    if filters.kind is not None:
        conditions.append(PolicyMilestone.kind == filters.kind)
    stmt = select(PolicyMilestone).where(milestones_visible_to(principal), *conditions)
    return Listing(stmt.options(*_milestone_loaded()), [SortKey(PolicyMilestone.id)])


async def get_milestone(
    session: AsyncSession, principal: Principal, milestone_id: int
) -> PolicyMilestone:
    stmt = select(PolicyMilestone).where(
        PolicyMilestone.id == milestone_id, milestones_visible_to(principal)
    )
    loaded = stmt.options(*_milestone_loaded())
    return await found_or_404(session, loaded, f"policy milestone {milestone_id}")


def engagement_problem(partner_id: int, partner: str, engagement_partner: int | None) -> str | None:
    """Why a milestone of `partner` cannot name an engagement of `engagement_partner` (None
    when it can; the engagement's partner None: no such engagement)."""
    if engagement_partner is None:
        return "no such advisory engagement"
    if engagement_partner != partner_id:
        return f"the advisory engagement is with another partner than {partner}"
    return None


async def _check_engagement(session: AsyncSession, partner: Partner, engagement_id: int) -> None:
    engagement_partner = await session.scalar(
        select(AdvisoryEngagement.partner_id).where(AdvisoryEngagement.id == engagement_id)
    )
    if (problem := engagement_problem(partner.id, partner.code, engagement_partner)) is not None:
        raise invalid("/engagement", problem)


def _milestone_details(milestone: PolicyMilestone) -> dict[str, Any]:
    return {
        "partner": milestone.partner_code,
        "program": milestone.program_code,
        "kind": str(milestone.kind),
        "fiscal_year": milestone.fiscal_year,
    }


MILESTONES = Audited(MILESTONE, _milestone_details, rollup=rollup.Change)


async def create_milestone(
    session: AsyncSession, actor: Principal, body: MilestoneCreate
) -> PolicyMilestone:
    partner = await resolve_partner(session, body.partner, "/partner")
    program = await resolve_program(session, body.program)
    if body.engagement is not None:
        await _check_engagement(session, partner, body.engagement)
    milestone = PolicyMilestone(
        partner=partner,
        program=program,
        kind=body.kind,
        title=body.title,
        adopted_on=body.adopted_on,
        fiscal_year=fiscal_year(body.adopted_on),
        evidence_ref=body.evidence_ref,
        engagement_id=body.engagement,
        external_ref=body.external_ref,
    )
    await MILESTONES.added(session, actor, milestone, body)
    return milestone


async def update_milestone(
    session: AsyncSession,
    actor: Principal,
    milestone_id: int,
    body: MilestoneUpdate,
    expected_version: str | None,
) -> PolicyMilestone:
    milestone = await get_milestone(session, actor, milestone_id)
    patch = Patch.checked(milestone, body, expected_version)
    change = await rollup.Change(session, [milestone.id]).before()
    partner = milestone.partner
    if (code := patch.get("partner")) is not None:
        partner = await resolve_partner(session, code, "/partner")
    engagement = patch.value("engagement", "engagement_id")
    if engagement is not None and (
        partner.id != milestone.partner_id or engagement != milestone.engagement_id
    ):
        await _check_engagement(session, partner, engagement)
    patch.refer("partner", partner)
    if (program := patch.get("program")) is not None:
        patch.refer("program", await resolve_program(session, program))
    patch.set("engagement_id", engagement, "engagement")
    patch.copy("kind", "title", "adopted_on", "evidence_ref", "external_ref")
    patch.set("fiscal_year", fiscal_year(milestone.adopted_on))
    await MILESTONES.updated(session, actor, patch, change)
    return milestone


async def delete_milestone(
    session: AsyncSession, actor: Principal, milestone_id: int, expected_version: str | None
) -> None:
    milestone = await get_milestone(session, actor, milestone_id)
    await MILESTONES.deleted(session, actor, milestone, expected_version)


# --- Figures, summed in SQL -------------------------------------------------------------------


def milestone_conditions(
    principal: Principal | None,
    *,
    kind: str | None = None,
    table: Any = PolicyMilestone,
    **keys: Unpack[Keys],
) -> list[ColumnElement[bool]]:
    """The milestones a figure counts: visible to `principal`, and of a program, a partner, a
    kind and a fiscal year (or range), each when given; on the milestones or on `table`, a
    table with the same columns (their rollup)."""
    # On the rollup, the rule `milestones_visible_to` states on the milestones' own column.
    return [own_country_rows(principal, table.partner_id), *matching(table, kind=kind, **keys)]


async def milestones_by_fiscal_year(
    session: AsyncSession, conditions: list[ColumnElement[bool]]
) -> dict[int, int]:
    stmt = (
        select(PolicyMilestone.fiscal_year, func.count(PolicyMilestone.id))
        .where(*conditions)
        .group_by(PolicyMilestone.fiscal_year)
    )
    return {int(year): int(n) for year, n in await session.execute(stmt)}


async def women_counterparts_by_fiscal_year(
    session: AsyncSession,
    principal: Principal | None,
    *,
    focus: str | None = None,
    **keys: Unpack[Keys],
) -> dict[int, int]:
    """Women among engagements' counterparts per fiscal year (start_date's)."""
    stmt = select(
        AdvisoryEngagement.fiscal_year, func.coalesce(func.sum(AdvisoryEngagement.women), 0)
    ).where(visible_to(principal), *matching(AdvisoryEngagement, **keys))
    if focus is not None:
        stmt = stmt.where(has_focus(focus))
    stmt = stmt.group_by(AdvisoryEngagement.fiscal_year)
    return {int(year): int(women) for year, women in await session.execute(stmt)}
