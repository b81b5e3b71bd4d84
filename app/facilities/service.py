"""Training center and facility upgrade rules: codes must exist, the status machine
(`workflow`), completed needs completed_on and gives the fiscal year, embassy keys see their
own country's centers and upgrades only, and every change is audited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Unpack

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import Conflict, invalid
from app.core.fiscal_year import fiscal_year
from app.core.pagination import Listing, SortKey
from app.core.rollup import Keys, matching, within
from app.core.scope import own_partner_id
from app.core.security import Principal
from app.facilities import rollup, workflow
from app.facilities.models import FacilityUpgrade, TrainingCenter, UpgradeFeature
from app.facilities.schemas import (
    FacilityUpgradeCreate,
    FacilityUpgradeUpdate,
    Feature,
    TrainingCenterCreate,
    TrainingCenterUpdate,
    UpgradeStatus,
)
from app.partners.models import Partner
from app.partners.service import partner_filter_id, resolve_partner
from app.programs.service import of_program, resolve_program
from app.projects.service import body_project, patch_project, project_filter_id

CENTER = "training_center"
UPGRADE = "facility_upgrade"


# --- Who sees what ----------------------------------------------------------------------------


# The one place centers are scoped: an embassy key sees its own country's, and their changes.
centers_visible_to, center_readers_of = visibility.country_owned(
    TrainingCenter.code, TrainingCenter.partner_id
)


def visible_to(principal: Principal | None) -> ColumnElement[bool]:
    """The upgrades `principal` may know exist: those at centers it may see."""
    partner_id = own_partner_id(principal)
    if partner_id is None:
        return true()
    return FacilityUpgrade.training_center_id.in_(
        select(TrainingCenter.id).where(TrainingCenter.partner_id == partner_id)
    )


def readers_of(ids: Sequence[str]) -> Select[int, int]:
    """Who may read an upgrade's changes: its center's country's embassy (`visible_to`)."""
    return (
        select(FacilityUpgrade.id, TrainingCenter.partner_id)
        .join(TrainingCenter, TrainingCenter.id == FacilityUpgrade.training_center_id)
        .where(FacilityUpgrade.id.in_(visibility.record_ids(ids)))
    )


# --- Training centers -------------------------------------------------------------------------


def _center_details(center: TrainingCenter) -> dict[str, Any]:
    return {"partner": center.partner_code}


CENTERS = Audited(CENTER, _center_details, key="code")


@dataclass(frozen=True, slots=True)
class CenterFilters:
    partner: str | None = None
    updated_since: datetime | None = None


async def centers_listing(
    session: AsyncSession, principal: Principal | None, filters: CenterFilters
) -> Listing:
    stmt = select(TrainingCenter).where(centers_visible_to(principal))
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(TrainingCenter.partner_id == partner_id)
    if filters.updated_since is not None:
        stmt = stmt.where(TrainingCenter.updated_at >= filters.updated_since)
    return Listing(stmt.options(selectinload(TrainingCenter.partner)), [SortKey(TrainingCenter.id)])


async def find_center(session: AsyncSession, code: str) -> TrainingCenter | None:
    return await session.scalar(
        select(TrainingCenter)
        .where(TrainingCenter.code == code.upper())
        .options(selectinload(TrainingCenter.partner))
    )


async def center_code(session: AsyncSession, code: str) -> str | None:
    """The code of the training center named `code` in any case, or None (for filters)."""
    return await session.scalar(
        select(TrainingCenter.code).where(TrainingCenter.code == code.upper())
    )


async def get_center(session: AsyncSession, principal: Principal, code: str) -> TrainingCenter:
    """A center the caller may see; another country's answers exactly as a missing one."""
    stmt = select(TrainingCenter).where(
        TrainingCenter.code == code.upper(), centers_visible_to(principal)
    )
    loaded = stmt.options(selectinload(TrainingCenter.partner))
    return await found_or_404(session, loaded, f"training center {code!r}")


async def create_center(
    session: AsyncSession, actor: Principal, body: TrainingCenterCreate
) -> TrainingCenter:
    code = body.code.upper()
    if await find_center(session, code) is not None:
        raise Conflict(f"training center {code} already exists")
    partner = await resolve_partner(session, body.partner, "/partner")
    center = TrainingCenter(code=code, name=body.name, partner=partner, location=body.location)
    await CENTERS.added(session, actor, center, body)
    return center


async def update_center(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: TrainingCenterUpdate,
    expected_version: str | None,
) -> TrainingCenter:
    center = await get_center(session, actor, code)
    patch = Patch.checked(center, body, expected_version)
    if (partner := patch.get("partner")) is not None:
        await _move_center(session, patch, await resolve_partner(session, partner, "/partner"))
    patch.copy("name", "location")
    await CENTERS.updated(session, actor, patch)
    return center


async def _move_center(session: AsyncSession, patch: Patch, partner: Partner) -> None:
    """The center's upgrades count under its country: a new country moves them in the rollup.
    The center is locked first, so an upgrade moving to it meanwhile counts where it ends up."""
    center = patch.target
    if partner.id == center.partner_id:
        return
    await session.execute(
        select(TrainingCenter.id).where(TrainingCenter.id == center.id).with_for_update()
    )
    moved = await rollup.Change(
        session, await rollup.center_upgrade_ids(session, center.id)
    ).before()
    patch.refer("partner", partner)
    await session.flush()
    await moved.after()


async def delete_center(
    session: AsyncSession, actor: Principal, code: str, expected_version: str | None
) -> None:
    center = await get_center(session, actor, code)
    await CENTERS.deleted(
        session, actor, center, expected_version, lambda: _refuse_upgraded(session, center)
    )


async def _refuse_upgraded(session: AsyncSession, center: TrainingCenter) -> None:
    """A center with upgrades stays: they are deleted first."""
    upgrades = await session.scalar(
        select(FacilityUpgrade.id).where(FacilityUpgrade.training_center_id == center.id).limit(1)
    )
    if upgrades is not None:
        raise Conflict(
            f"training center {center.code} has facility upgrades; delete them first",
            facility_upgrade=upgrades,
        )


# --- Facility upgrades ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UpgradeFilters:
    program: str | None = None
    partner: str | None = None
    project: str | None = None
    training_center: str | None = None
    status: str | None = None
    feature: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    updated_since: datetime | None = None


def _loaded() -> tuple[Any, ...]:
    return (
        selectinload(FacilityUpgrade.training_center).selectinload(TrainingCenter.partner),
        selectinload(FacilityUpgrade.program),
        selectinload(FacilityUpgrade.project),
        selectinload(FacilityUpgrade.feature_rows),
    )


def has_feature(feature: str) -> ColumnElement[bool]:
    return (
        select(UpgradeFeature.upgrade_id)
        .where(UpgradeFeature.upgrade_id == FacilityUpgrade.id, UpgradeFeature.feature == feature)
        .correlate(FacilityUpgrade)
        .exists()
    )


def at_partner(partner_id: int) -> ColumnElement[bool]:
    return FacilityUpgrade.training_center_id.in_(
        select(TrainingCenter.id).where(TrainingCenter.partner_id == partner_id)
    )


async def upgrades_listing(
    session: AsyncSession, principal: Principal | None, filters: UpgradeFilters
) -> Listing:
    """The upgrades list, its CSV and the bulk export (filters checked now)."""
    stmt = select(FacilityUpgrade).where(visible_to(principal))
    if filters.program is not None:
        stmt = stmt.where(of_program(FacilityUpgrade.program_id, filters.program))
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(at_partner(partner_id))
    if (project_id := await project_filter_id(session, filters.project)) is not None:
        stmt = stmt.where(FacilityUpgrade.project_id == project_id)
    if filters.training_center is not None:
        stmt = stmt.where(
            FacilityUpgrade.training_center_id.in_(
                select(TrainingCenter.id).where(
                    TrainingCenter.code == filters.training_center.upper()
                )
            )
        )
    if filters.status is not None:
        stmt = stmt.where(FacilityUpgrade.status == filters.status)
    if filters.feature is not None:
        stmt = stmt.where(has_feature(filters.feature))
    years = within(FacilityUpgrade.fiscal_year, filters.fiscal_year, filters.from_fy, filters.to_fy)
    stmt = stmt.where(*years)
    if filters.updated_since is not None:
        stmt = stmt.where(FacilityUpgrade.updated_at >= filters.updated_since)
    return Listing(stmt.options(*_loaded()), [SortKey(FacilityUpgrade.id)])


async def get_upgrade(
    session: AsyncSession, principal: Principal, upgrade_id: int
) -> FacilityUpgrade:
    stmt = select(FacilityUpgrade).where(FacilityUpgrade.id == upgrade_id, visible_to(principal))
    return await found_or_404(session, stmt.options(*_loaded()), f"facility upgrade {upgrade_id}")


async def resolve_center(session: AsyncSession, code: str) -> TrainingCenter:
    center = await find_center(session, code)
    if center is None:
        raise invalid("/training_center", f"unknown training center {code!r}")
    return center


def check_completion(status: UpgradeStatus, completed_on: date | None) -> None:
    if (problem := workflow.completion_problem(status, completed_on)) is not None:
        raise invalid("/completed_on", problem)


def _details(upgrade: FacilityUpgrade) -> dict[str, Any]:
    return {
        "training_center": upgrade.center_code,
        "partner": upgrade.partner_code,
        "program": upgrade.program_code,
        "status": str(upgrade.status),
        "fiscal_year": upgrade.fiscal_year,
    }


UPGRADES = Audited(UPGRADE, _details, rollup=rollup.Change)


def _feature_rows(features: Iterable[Feature]) -> list[UpgradeFeature]:
    return [UpgradeFeature(feature=f) for f in features]


async def create_upgrade(
    session: AsyncSession, actor: Principal, body: FacilityUpgradeCreate
) -> FacilityUpgrade:
    center = await resolve_center(session, body.training_center)
    program = await resolve_program(session, body.program)
    check_completion(body.status, body.completed_on)
    upgrade = FacilityUpgrade(
        training_center=center,
        program=program,
        project=await body_project(session, body.project, program.id),
        women_beds_added=body.women_beds_added,
        status=body.status,
        completed_on=body.completed_on,
        fiscal_year=fiscal_year(body.completed_on) if body.completed_on else None,
        cost_usd=body.cost_usd,
        external_ref=body.external_ref,
        feature_rows=_feature_rows(body.features),
    )
    await UPGRADES.added(session, actor, upgrade, body, also={"status"})
    return upgrade


async def update_upgrade(
    session: AsyncSession,
    actor: Principal,
    upgrade_id: int,
    body: FacilityUpgradeUpdate,
    expected_version: str | None,
) -> FacilityUpgrade:
    upgrade = await get_upgrade(session, actor, upgrade_id)
    patch = Patch.checked(upgrade, body, expected_version)
    change = await rollup.Change(session, [upgrade.id]).before()
    status, completed_on = patch.value("status"), patch.value("completed_on")
    if (refused := workflow.refused_move(upgrade.status, status)) is not None:
        raise Conflict(refused, rule=workflow.RULE, current=str(upgrade.status), to=str(status))
    check_completion(status, completed_on)
    if (center := patch.get("training_center")) is not None:
        patch.refer("training_center", await resolve_center(session, center))
    if (program := patch.get("program")) is not None:
        patch.refer("program", await resolve_program(session, program))
    await patch_project(session, patch)
    patch.set("status", status)
    patch.set("completed_on", completed_on)
    patch.set("fiscal_year", fiscal_year(completed_on) if completed_on else None)
    patch.copy("women_beds_added", "cost_usd", "external_ref")
    patch.tags("features", "feature_rows", UpgradeFeature, "feature")
    await UPGRADES.updated(session, actor, patch, change)
    return upgrade


async def delete_upgrade(
    session: AsyncSession, actor: Principal, upgrade_id: int, expected_version: str | None
) -> None:
    upgrade = await get_upgrade(session, actor, upgrade_id)
    await UPGRADES.deleted(session, actor, upgrade, expected_version)


# --- Figures: completed upgrades, summed in SQL -----------------------------------------------


def completed_conditions(
    principal: Principal | None, *, feature: str | None = None, **keys: Unpack[Keys]
) -> list[ColumnElement[bool]]:
    """The completed upgrades a figure counts: visible to `principal`, and of a program, a
    partner (the center's country), a feature and a fiscal year (or range), each when given."""
    found = [FacilityUpgrade.status == UpgradeStatus.completed, visible_to(principal)]
    if (partner_id := keys.pop("partner_id", None)) is not None:
        found.append(at_partner(partner_id))
    if feature is not None:
        found.append(has_feature(feature))
    return found + matching(FacilityUpgrade, **keys)


# The sums of a figure: upgrades completed, women's beds added, USD spent (unknown costs: 0).
COMPLETED = func.count(FacilityUpgrade.id)
BEDS = func.coalesce(func.sum(FacilityUpgrade.women_beds_added), 0)
COST = func.coalesce(func.sum(FacilityUpgrade.cost_usd), 0)


async def completed_by_fiscal_year(
    session: AsyncSession, conditions: list[ColumnElement[bool]]
) -> dict[int, tuple[int, int]]:
    """(upgrades completed, women's beds added) per fiscal year, over `conditions`."""
    stmt = (
        select(FacilityUpgrade.fiscal_year, COMPLETED, BEDS)
        .where(*conditions)
        .group_by(FacilityUpgrade.fiscal_year)
    )
    rows = (await session.execute(stmt)).all()
    # Completed upgrades always have a fiscal year (completed_on is required).
    return {int(year or 0): (int(n), int(beds)) for year, n, beds in rows}
