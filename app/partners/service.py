"""Partner rules: codes resolve from alpha-3 or alpha-2; memberships never overlap."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date, datetime

from sqlalchemy import bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.edits import Audited
from app.audit.writer import record
from app.core import visibility
from app.core.edits import Patch, found_or_404
from app.core.errors import (
    Conflict,
    NotFound,
    Unprocessable,
    field_error,
    invalid,
    invalid_query,
)
from app.core.fiscal_year import today
from app.core.pagination import Listing, SortKey
from app.core.schemas import COUNTRY_CODE_PATTERN
from app.core.scope import own_country
from app.core.search import matches
from app.core.security import Principal
from app.core.versioning import check_version
from app.partners.models import PARTNERS, Benchmark, Membership, Partner
from app.partners.names import partner_search_text
from app.partners.schemas import BenchmarkWrite, MembershipCreate, MembershipUpdate, PartnerUpdate
from app.programs.models import Program
from app.programs.service import of_program, resolve_program

# A code's form names its column: numeric, alpha-3 (`code`) or alpha-2.
_FORMS = ("numeric", "code", "alpha2")
# Built once per form: most requests that name a country look it up here.
_PARTNER_BY = {
    form: select(Partner).where(getattr(Partner, form) == bindparam("code")).limit(1)
    for form in _FORMS
}
_REF_BY = {
    column: select(PARTNERS.c.id, PARTNERS.c.code)
    .where(PARTNERS.c[column] == bindparam("key"))
    .limit(1)
    for column in ("id", *_FORMS)
}


def code_form(code: str) -> tuple[str, str] | None:
    """The column a code names by its form, and the code as stored; None when malformed."""
    if not re.fullmatch(COUNTRY_CODE_PATTERN, code):
        return None
    code = code.upper()
    return ("numeric" if code.isdigit() else "code" if len(code) == 3 else "alpha2"), code


async def find_partner(session: AsyncSession, code: str) -> Partner | None:
    """A partner by alpha-3, alpha-2 or numeric code, in any case."""
    if (form := code_form(code)) is None:
        return None
    column, stored = form
    return await session.scalar(_PARTNER_BY[column], {"code": stored})


async def partner_ref(session: AsyncSession, code: str) -> tuple[int, str] | None:
    """A partner's id and alpha-3 by any form of its code, without loading the partner."""
    if (form := code_form(code)) is None:
        return None
    return await partner_ref_by(session, *form)


async def partner_ref_by(session: AsyncSession, column: str, key: object) -> tuple[int, str] | None:
    """A partner's id and alpha-3 by `column` (`id` or a code's form, as `code_form` names
    it) holding `key`, without loading the partner."""
    conn = await session.connection()
    found = (await conn.execute(_REF_BY[column], {"key": key})).one_or_none()
    return None if found is None else (found.id, found.code)


async def partner_code(session: AsyncSession, code: str) -> str | None:
    """The alpha-3 of the partner named `code` (any case, any ISO form), or None (for filters)."""
    found = await partner_ref(session, code)
    return None if found is None else found[1]


async def figures_partner(
    session: AsyncSession, actor: Principal, asked: str | None
) -> Partner | None:
    """The partner a figure is limited to (the rule is `own_country`), loaded; None: all."""
    partner = None
    if asked is not None:
        partner = await find_partner(session, asked)
        if partner is None:
            raise invalid_query("partner", f"unknown country code {asked!r}")
    code = own_country(actor, partner.code if partner is not None else None)
    if code is None or partner is not None:
        return partner
    return await find_partner(session, code)


PARTNER_EVENTS: Audited[Partner] = Audited("partner", key="code")
MEMBERSHIP_EVENTS: Audited[Membership] = Audited("membership")
BENCHMARK_EVENTS: Audited[Benchmark] = Audited(
    "benchmark", lambda b: {"partner": b.partner_code, "fiscal_year": b.fiscal_year}
)


async def get_partner(session: AsyncSession, code: str) -> Partner:
    partner = await find_partner(session, code)
    if partner is None:
        raise NotFound(f"partner {code!r} does not exist")
    return partner


# Who may read the changes of a partner, its memberships and benchmarks: that partner's
# embassy (another country's record is not an embassy's to follow, though it may GET it).
readers_of = visibility.owned(Partner.code, Partner.id)
membership_readers_of = visibility.owned(Membership.id, Membership.partner_id)
benchmark_readers_of = visibility.owned(Benchmark.id, Benchmark.partner_id)


async def resolve_partner(session: AsyncSession, code: str, pointer: str) -> Partner:
    """A partner named in a request body; an unknown code is the client's error (422)."""
    partner = await find_partner(session, code)
    if partner is None:
        raise invalid(pointer, f"unknown country code {code!r}")
    return partner


async def resolve_partner_or_none(
    session: AsyncSession, code: str | None, pointer: str
) -> Partner | None:
    """`resolve_partner` for a field that may name no partner (None)."""
    return None if code is None else await resolve_partner(session, code, pointer)


async def partner_filter_id(
    session: AsyncSession, code: str | None, parameter: str = "partner"
) -> int | None:
    """The id of a filter's partner (`?partner=`, or `parameter`) by any form of its code:
    the CLI's filters come unresolved too. An unknown code is a 422 naming the parameter."""
    if code is None:
        return None
    found = await partner_ref(session, code)
    if found is None:
        raise invalid_query(parameter, f"unknown country code {code!r}")
    return found[0]


async def partner_codes(
    session: AsyncSession, only: Collection[str] | None = None
) -> dict[str, tuple[int, str]]:
    """Every alpha-3, alpha-2 and numeric code → (partner id, alpha-3), for bulk work; with
    `only`, just the partners those codes (any case) name."""
    stmt = select(Partner.id, Partner.code, Partner.alpha2, Partner.numeric)
    if only is not None:
        wanted = {c.upper() for c in only}
        stmt = stmt.where(
            or_(Partner.code.in_(wanted), Partner.alpha2.in_(wanted), Partner.numeric.in_(wanted))
        )
    codes: dict[str, tuple[int, str]] = {}
    for partner_id, alpha3, alpha2, numeric in (await session.execute(stmt)).all():
        codes[alpha3] = codes[alpha2] = (partner_id, alpha3)
        if numeric:
            codes[numeric] = (partner_id, alpha3)
    return codes


def valid_on(day: date):  # type: ignore[no-untyped-def]
    """Memberships in force on `day` ([start_date, end_date))."""
    return (Membership.start_date <= day) & (
        Membership.end_date.is_(None) | (Membership.end_date > day)
    )


def list_partners(
    *,
    region: str | None = None,
    program: str | None = None,
    as_of: date | None = None,
    q: str | None = None,
    updated_since: datetime | None = None,
) -> Listing:
    stmt = select(Partner)
    if region:
        stmt = stmt.where(Partner.region == region)
    if q:
        stmt = stmt.where(
            or_(
                matches(Partner.search_text, q),
                Partner.code == q.upper(),
                Partner.alpha2 == q.upper(),
            )
        )
    if program:
        day = as_of or today()
        members = (
            select(Membership.partner_id)
            .join(Program, Program.id == Membership.program_id)
            .where(Program.code == program.upper(), valid_on(day))
        )
        stmt = stmt.where(Partner.id.in_(members))
    if updated_since is not None:
        stmt = stmt.where(Partner.updated_at >= updated_since)
    return Listing(stmt, [SortKey(Partner.code)])


async def update_partner(
    session: AsyncSession,
    actor: Principal,
    code: str,
    body: PartnerUpdate,
    expected_version: str | None,
) -> Partner:
    partner = await get_partner(session, code)
    patch = Patch.checked(partner, body, expected_version).copy()
    if "name" in patch.changed:
        partner.search_text = partner_search_text(partner.code, partner.name)
    await PARTNER_EVENTS.updated(session, actor, patch)
    return partner


# Memberships


def _with_codes():  # type: ignore[no-untyped-def]
    return (selectinload(Membership.partner), selectinload(Membership.program))


def list_memberships(
    partner: Partner,
    *,
    program: str | None = None,
    as_of: date | None = None,
    updated_since: datetime | None = None,
) -> Listing:
    stmt = select(Membership).where(Membership.partner_id == partner.id).options(*_with_codes())
    if program:
        stmt = stmt.where(of_program(Membership.program_id, program))
    if as_of is not None:
        stmt = stmt.where(valid_on(as_of))
    if updated_since is not None:
        stmt = stmt.where(Membership.updated_at >= updated_since)
    return Listing(stmt, [SortKey(Membership.id)])


async def _refuse_overlap(
    session: AsyncSession,
    partner_id: int,
    program_id: int,
    start: date,
    end: date | None,
    exclude_id: int | None = None,
) -> None:
    stmt = select(Membership.id, Membership.start_date, Membership.end_date).where(
        Membership.partner_id == partner_id,
        Membership.program_id == program_id,
        Membership.end_date.is_(None) | (Membership.end_date > start),
    )
    if end is not None:
        stmt = stmt.where(Membership.start_date < end)
    if exclude_id is not None:
        stmt = stmt.where(Membership.id != exclude_id)
    clash = (await session.execute(stmt.limit(1))).first()
    if clash is not None:
        raise Conflict(
            f"overlaps membership {clash[0]} ({clash[1]} to {clash[2] or 'open'}) "
            "of this partner in this program",
            conflicting_membership=clash[0],
        )


async def lock_partners(session: AsyncSession, partner_ids: Iterable[int]) -> None:
    """Serialize writes whose rules span a partner's records (memberships that must not
    overlap, IMET figures from one source): PostgreSQL row locks, taken in id order so two
    writers never deadlock (SQLite writers are serialized already)."""
    ids = sorted(set(partner_ids))
    if ids:
        await session.execute(
            select(Partner.id).where(Partner.id.in_(ids)).order_by(Partner.id).with_for_update()
        )


async def add_membership(
    session: AsyncSession, actor: Principal, partner: Partner, body: MembershipCreate
) -> Membership:
    program = await resolve_program(session, body.program)
    await lock_partners(session, [partner.id])
    await _refuse_overlap(session, partner.id, program.id, body.start_date, body.end_date)
    membership = Membership(
        partner=partner, program=program, start_date=body.start_date, end_date=body.end_date
    )
    session.add(membership)
    await session.flush()
    record(
        session,
        actor,
        "create",
        "membership",
        membership.id,
        ["program", "start_date", "end_date"],
        {"partner": partner.code, "program": program.code},
    )
    return membership


async def get_membership(session: AsyncSession, partner: Partner, membership_id: int) -> Membership:
    stmt = select(Membership).where(
        Membership.id == membership_id, Membership.partner_id == partner.id
    )
    loaded = stmt.options(*_with_codes())
    return await found_or_404(session, loaded, f"membership {membership_id} of {partner.code}")


async def update_membership(
    session: AsyncSession,
    actor: Principal,
    partner: Partner,
    membership_id: int,
    body: MembershipUpdate,
    expected_version: str | None,
) -> Membership:
    """End (or reopen) a membership: only its end date changes."""
    membership = await get_membership(session, partner, membership_id)
    check_version(expected_version, membership.version)
    end = body.end_date if "end_date" in body.model_fields_set else membership.end_date
    if end is not None and end <= membership.start_date:
        raise Unprocessable(
            "/end_date: end_date must be after start_date",
            errors=[field_error("/end_date", "must be after start_date")],
        )
    await lock_partners(session, [partner.id])
    await _refuse_overlap(
        session, partner.id, membership.program_id, membership.start_date, end, membership.id
    )
    patch = Patch(membership, body).copy()
    await MEMBERSHIP_EVENTS.updated(session, actor, patch)
    return membership


# Benchmarks


async def get_benchmark(session: AsyncSession, partner: Partner, fiscal_year: int) -> Benchmark:
    benchmark = await session.scalar(
        select(Benchmark)
        .where(Benchmark.partner_id == partner.id, Benchmark.fiscal_year == fiscal_year)
        .options(selectinload(Benchmark.partner))
    )
    if benchmark is None:
        raise NotFound(f"no benchmark for {partner.code} in FY{fiscal_year}")
    return benchmark


async def put_benchmark(
    session: AsyncSession,
    actor: Principal,
    partner: Partner,
    fiscal_year: int,
    body: BenchmarkWrite,
    expected_version: str | None,
) -> tuple[Benchmark, bool]:
    """Create or replace the benchmark; returns it and whether it was created."""
    await lock_partners(session, [partner.id])
    try:
        benchmark = await get_benchmark(session, partner, fiscal_year)
    except NotFound:
        benchmark = Benchmark(partner=partner, fiscal_year=fiscal_year, **body.model_dump())
        await BENCHMARK_EVENTS.added(session, actor, benchmark, body)
        return benchmark, True
    patch = Patch.checked(benchmark, body, expected_version).copy()
    await BENCHMARK_EVENTS.updated(session, actor, patch)
    return benchmark, False
