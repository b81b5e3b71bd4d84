"""Nomination rules: who sees which nominations, what may change and when, and the audit trail.

Every query starts from `visible_to(actor)`: an embassy key sees only its own partner's
nominations, and any other country's nomination is answered exactly like a missing one.
Audit events name fields, never the values of the nominee's personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Select,
    and_,
    bindparam,
    case,
    delete,
    func,
    literal_column,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit import service as audit_service
from app.audit.writer import record
from app.core import driver, visibility
from app.core.edits import Patch
from app.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    Unprocessable,
    field_error,
    invalid,
)
from app.core.fiscal_year import today
from app.core.models import utcnow
from app.core.pagination import Listing, SortKey
from app.core.security import Principal, Role
from app.core.versioning import check_version
from app.imet.coverage import refuse_completion_over_history
from app.imet.nominations.models import (
    COURSE_COLUMNS,
    NOMINATIONS,
    NOMINEE_COLUMNS,
    VETTING_COLUMNS,
    Nomination,
    TransitionReason,
)
from app.imet.nominations.schemas import NominationCreate, NominationUpdate, VettingWrite
from app.imet.nominations.workflow import (
    DESCRIBED,
    EDITABLE,
    NOT_COUNTED,
    Facts,
    NominationStatus,
    Sex,
    VettingStatus,
    check_transition,
    vetting_errors,
)
from app.partners.models import PARTNERS, Partner
from app.partners.service import (
    code_form,
    lock_partners,
    partner_filter_id,
    partner_ref_by,
)

RESOURCE = "nomination"
# Nominee personal data is for admins and the nominating embassy only.
USERS = frozenset({Role.admin, Role.embassy})


# The nominations a key may know exist, and whose changes it reads: an embassy key its own
# partner's only.
visible_to, readers_of = visibility.country_owned(Nomination.id, Nomination.partner_id)


def _nominations(actor: Principal) -> Select[Nomination]:
    if actor.role not in USERS:
        raise Forbidden(f"the {actor.role} role may not see nominee personal data")
    return select(Nomination).where(visible_to(actor)).options(selectinload(Nomination.partner))


def _not_found(nomination_id: int) -> NotFound:
    return NotFound(f"nomination {nomination_id} does not exist")


async def get_nomination(
    session: AsyncSession, actor: Principal, nomination_id: int, *, for_update: bool = False
) -> Nomination:
    stmt = _nominations(actor).where(Nomination.id == nomination_id)
    if for_update:
        # Concurrent changes queue here on PostgreSQL and then see the winner's state.
        stmt = stmt.with_for_update(of=Nomination).execution_options(populate_existing=True)
    nomination = await session.scalar(stmt)
    if nomination is None:
        raise _not_found(nomination_id)
    return nomination


@dataclass(frozen=True, slots=True)
class NominationFilters:
    partner: str | None = None
    fiscal_year: int | None = None
    status: NominationStatus | None = None
    sex: Sex | None = None
    vetting_status: VettingStatus | None = None
    course: str | None = None
    external_ref: str | None = None
    updated_since: datetime | None = None


async def select_nominations(
    session: AsyncSession, actor: Principal, filters: NominationFilters
) -> Select[Nomination]:
    """The scoped, filtered statement every listing and export runs (no ORDER BY)."""
    stmt = _nominations(actor)
    if (partner_id := await partner_filter_id(session, filters.partner)) is not None:
        stmt = stmt.where(Nomination.partner_id == partner_id)
    if filters.fiscal_year is not None:
        stmt = stmt.where(Nomination.fiscal_year == filters.fiscal_year)
    if filters.status is not None:
        stmt = stmt.where(Nomination.status == filters.status)
    if filters.sex is not None:
        stmt = stmt.where(Nomination.sex == filters.sex)
    if filters.vetting_status is not None:
        stmt = stmt.where(Nomination.vetting_status == filters.vetting_status)
    if filters.course is not None:
        stmt = stmt.where(Nomination.masl_id == filters.course.upper())
    if filters.external_ref is not None:
        stmt = stmt.where(Nomination.external_ref == filters.external_ref)
    if filters.updated_since is not None:
        stmt = stmt.where(Nomination.updated_at >= filters.updated_since)
    return stmt


SORT = [SortKey(Nomination.id)]


async def nominations_listing(
    session: AsyncSession, actor: Principal, filters: NominationFilters
) -> Listing:
    """The nominations list and its CSV, in id order (filters checked now)."""
    return Listing(await select_nominations(session, actor, filters), SORT, sort_name="id")


def _field_paths(body: BaseModel, prefix: str = "") -> list[str]:
    """The fields a body set, as `nominee.given_name` paths (names only, never values)."""
    paths = []
    for name in body.model_fields_set:
        value = getattr(body, name)
        if isinstance(value, BaseModel):
            paths.extend(_field_paths(value, f"{prefix}{name}."))
        else:
            paths.append(prefix + name)
    return paths


# One statement for a new nomination: the row, its partner chosen by id (an embassy's own) or
# by any form of its code, unless the partner is unknown or already has a nomination under this
# external_ref (then no row, and nothing is locked or changed). It returns the partner's
# alpha-3 for the response. Built once per partner column; on PostgreSQL it runs on the driver.
_NEW_COLUMNS = [
    "fiscal_year",
    "external_ref",
    "status",
    "vetting_status",
    "ecl_score",
    "ecl_exempt",
    "vetting_case_ref",
    "vetting_decided_at",
    "vetting_expires_at",
    "version",
    "created_at",
    "updated_at",
    *NOMINEE_COLUMNS.values(),
    *COURSE_COLUMNS.values(),
]


@lru_cache(maxsize=16)
def _insert_new(insert: Any, partner_column: str) -> Any:
    chosen = select(
        *(bindparam(c, type_=NOMINATIONS.c[c].type) for c in _NEW_COLUMNS), PARTNERS.c.id
    ).where(PARTNERS.c[partner_column] == bindparam("partner"))
    # The new row's partner, named as a column of the row (RETURNING does not correlate).
    owner = PARTNERS.alias("owner")
    alpha3 = (
        select(owner.c.code)
        .where(owner.c.id == literal_column("nominations.partner_id"))
        .scalar_subquery()
    )
    return (
        insert(NOMINATIONS)
        .from_select([*_NEW_COLUMNS, "partner_id"], chosen)
        .on_conflict_do_nothing(index_elements=["partner_id", "external_ref"])
        .returning(NOMINATIONS.c.id, NOMINATIONS.c.partner_id, alpha3.label("partner_code"))
    )


_PARTNER_COLUMNS = ("id", "numeric", "code", "alpha2")
_TAKEN = select(NOMINATIONS.c.id).where(
    NOMINATIONS.c.partner_id == bindparam("partner_id"),
    NOMINATIONS.c.external_ref == bindparam("external_ref"),
)


def _nominating(actor: Principal, body: NominationCreate) -> tuple[str, object]:
    """The partner column and value that name the nominating country."""
    if actor.is_embassy:
        if "partner" in body.model_fields_set:
            raise Unprocessable(
                "/partner: an embassy key nominates for its own country; omit partner",
                errors=[field_error("/partner", "not allowed for embassy keys")],
            )
        return "id", actor.partner_id
    if body.partner is None:
        raise Unprocessable(
            "/partner: required for admin keys",
            errors=[field_error("/partner", "required: the nominating country")],
        )
    form = code_form(body.partner)
    if form is None:
        raise invalid("/partner", f"unknown country code {body.partner!r}")
    return form


async def _refusal(
    session: AsyncSession, actor: Principal, body: NominationCreate, column: str, key: object
) -> Forbidden | Unprocessable | Conflict:
    """Why a new nomination inserted no row: its partner (named by `column` and `key`, as the
    insert named it) is unknown, or the ref is taken."""
    partner = await partner_ref_by(session, column, key)
    if partner is None:
        if actor.is_embassy:
            return Forbidden("this embassy key is not bound to a partner")
        return invalid("/partner", f"unknown country code {body.partner!r}")
    partner_id, partner_code = partner
    conn = await session.connection()
    taken = await conn.scalar(_TAKEN, {"partner_id": partner_id, "external_ref": body.external_ref})
    return Conflict(
        f"external_ref {body.external_ref!r} is already nomination {taken} of {partner_code}",
        existing_nomination=taken,
    )


async def create_nomination(
    session: AsyncSession, actor: Principal, body: NominationCreate
) -> Nomination:
    if actor.role not in USERS:
        raise Forbidden(f"the {actor.role} role may not nominate")
    partner_column, partner = _nominating(actor, body)
    now = utcnow()
    values = {
        "fiscal_year": body.fiscal_year,
        "external_ref": body.external_ref,
        "status": NominationStatus.submitted,
        "vetting_status": VettingStatus.pending,
        "ecl_score": body.ecl_score,
        "ecl_exempt": body.ecl_exempt,
        "vetting_case_ref": None,
        "vetting_decided_at": None,
        "vetting_expires_at": None,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        **{column: getattr(body.nominee, name) for name, column in NOMINEE_COLUMNS.items()},
        **{column: getattr(body.course, name) for name, column in COURSE_COLUMNS.items()},
    }
    # Written as one Core statement (not through the session's unit of work, which this
    # hot path would pay for twice).
    stmt = _insert_new(driver.upserts(session), partner_column)
    inserted = await driver.first(session, stmt, {**values, "partner": partner})
    if inserted is None:
        raise await _refusal(session, actor, body, partner_column, partner)
    nomination_id, partner_id, partner_code = (
        inserted["id"],
        inserted["partner_id"],
        inserted["partner_code"],
    )
    # The row as stored, for the response; its country as the response names it.
    nomination = Nomination(
        **values,
        id=nomination_id,
        partner_id=partner_id,
        partner=Partner(id=partner_id, code=partner_code),
    )
    record(
        session,
        actor,
        "create",
        RESOURCE,
        nomination_id,
        _field_paths(body),
        {
            "partner": partner_code,
            "fiscal_year": body.fiscal_year,
            "external_ref": body.external_ref,
        },
        partners=[partner_id],
    )
    return nomination


async def update_nomination(
    session: AsyncSession,
    actor: Principal,
    nomination_id: int,
    body: NominationUpdate,
    expected_version: str | None,
) -> Nomination:
    nomination = await get_nomination(session, actor, nomination_id, for_update=True)
    check_version(expected_version, nomination.version)
    if nomination.status not in EDITABLE:
        raise Conflict(
            "only a submitted nomination can be edited, not "
            + DESCRIBED[NominationStatus(nomination.status)],
            current_status=nomination.status,
        )
    patch = Patch(nomination, body)
    for part, columns in (("nominee", NOMINEE_COLUMNS), ("course", COURSE_COLUMNS)):
        sub = getattr(body, part)
        if sub is not None:
            for name, value in sub.model_dump(exclude_unset=True).items():
                patch.set(columns[name], value, f"{part}.{name}")
    patch.copy("ecl_score", "ecl_exempt")
    if await patch.saved(session):
        record(
            session,
            actor,
            "update",
            RESOURCE,
            nomination.id,
            patch.changed,
            partners=[nomination.partner_id],
        )
    return nomination


def facts_of(nomination: Nomination) -> Facts:
    return Facts(
        vetting_status=nomination.vetting_status,
        vetting_expires_at=nomination.vetting_expires_at,
        ecl_score=nomination.ecl_score,
        ecl_exempt=nomination.ecl_exempt,
        min_ecl=nomination.course_min_ecl,
    )


async def transition(
    session: AsyncSession,
    actor: Principal,
    nomination_id: int,
    target: NominationStatus,
    reason: str | None,
    expected_version: str | None,
) -> Nomination:
    nomination = await get_nomination(session, actor, nomination_id, for_update=True)
    check_version(expected_version, nomination.version)
    current = nomination.status
    check_transition(current, target, actor.role, facts_of(nomination), today())
    if target is NominationStatus.completed:
        # A partner's year of completions is its nominations or its IMET history, not both.
        await lock_partners(session, [nomination.partner_id])
        await refuse_completion_over_history(
            session,
            nomination.partner_id,
            nomination.partner_code,
            nomination.fiscal_year,
            str(current),
        )
    nomination.status = target
    if reason:
        # Free text may name people or health: kept with the nomination, where an admin can
        # purge it, never in the permanent audit trail or the embassy-visible history.
        session.add(
            TransitionReason(
                nomination_id=nomination.id,
                from_status=current,
                to_status=target,
                reason=reason,
                actor_key_id=actor.key_id,
            )
        )
    await session.flush()
    record(
        session,
        actor,
        "transition",
        RESOURCE,
        nomination.id,
        ["status"],
        {"from": str(current), "to": str(target)},
        partners=[nomination.partner_id],
    )
    return nomination


async def transition_reasons(
    session: AsyncSession,
    actor: Principal,
    nomination_id: int,
    *,
    updated_since: datetime | None = None,
) -> Listing:
    """The reasons given with the nomination's status changes, oldest first (admins)."""
    await get_nomination(session, actor, nomination_id)
    stmt = select(TransitionReason).where(TransitionReason.nomination_id == nomination_id)
    if updated_since is not None:
        stmt = stmt.where(TransitionReason.given_at >= updated_since)
    return Listing(stmt, [SortKey(TransitionReason.id)])


async def purge_transition_reasons(
    session: AsyncSession, actor: Principal, nomination_id: int, expected_version: str | None
) -> int:
    """Delete every reason kept for the nomination; the audit trail records only the purge."""
    nomination = await get_nomination(session, actor, nomination_id, for_update=True)
    check_version(expected_version, nomination.version)
    purged = await session.execute(
        delete(TransitionReason).where(TransitionReason.nomination_id == nomination_id)
    )
    count = int(purged.rowcount or 0)  # type: ignore[attr-defined]
    record(
        session, actor, "purge", RESOURCE, nomination_id, ["transition_reasons"], {"purged": count}
    )
    return count


async def set_vetting(
    session: AsyncSession,
    actor: Principal,
    nomination_id: int,
    body: VettingWrite,
    expected_version: str | None,
) -> Nomination:
    """Record the Leahy vetting decision (admins). Another country's nomination is a 404 first."""
    nomination = await get_nomination(session, actor, nomination_id, for_update=True)
    if actor.role is not Role.admin:
        raise Forbidden(f"the {actor.role} role may not record vetting decisions")
    errors = vetting_errors(body.status, body.decided_at, body.expires_at)
    if errors:
        raise Unprocessable(
            f"{errors[0][0]}: {errors[0][1]}",
            errors=[field_error(pointer, detail) for pointer, detail in errors],
        )
    patch = Patch.checked(nomination, body, expected_version)
    for name, column in VETTING_COLUMNS.items():
        patch.set(column, getattr(body, name), f"vetting.{name}")
    if await patch.saved(session):
        # Vetting outcomes are sensitive: the trail says which fields changed, not to what.
        record(
            session,
            actor,
            "vetting",
            RESOURCE,
            nomination.id,
            patch.changed,
            partners=[nomination.partner_id],
        )
    return nomination


async def history(
    session: AsyncSession,
    actor: Principal,
    nomination_id: int,
    *,
    updated_since: datetime | None = None,
) -> Listing:
    """The nomination's audit trail, newest first."""
    await get_nomination(session, actor, nomination_id)
    return audit_service.list_events(
        resource_type=RESOURCE, resource_id=str(nomination_id), since=updated_since
    )


# What the IMET figures count: nominations not withdrawn or rejected, completed ones, women.
COUNTED = Nomination.status.not_in([str(s) for s in NOT_COUNTED])
COMPLETED = Nomination.status == str(NominationStatus.completed)
FEMALE = Nomination.sex == str(Sex.female)


@dataclass(frozen=True)
class ImetYear:
    """One fiscal year of IMET nominations counted (not withdrawn or rejected), and the women
    among them (completions, which add IMET history, are app.imet.history's)."""

    counted: int
    counted_women: int


async def imet_by_fiscal_year(
    session: AsyncSession,
    actor: Principal,
    *,
    partner_id: int | None,
    from_fy: int,
    to_fy: int,
) -> dict[int, ImetYear]:
    """Counted IMET nominations per fiscal year, as the parity report counts them."""
    stmt = (
        select(
            Nomination.fiscal_year,
            func.sum(case((COUNTED, 1), else_=0)),
            func.sum(case((and_(COUNTED, FEMALE), 1), else_=0)),
        )
        .where(Nomination.fiscal_year.between(from_fy, to_fy), visible_to(actor))
        .group_by(Nomination.fiscal_year)
    )
    if partner_id is not None:
        stmt = stmt.where(Nomination.partner_id == partner_id)
    return {
        year: ImetYear(*(int(n or 0) for n in counts))
        for year, *counts in (await session.execute(stmt)).all()
    }
