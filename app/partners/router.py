"""/api/v1/partners, their memberships and benchmarks."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query
from starlette.responses import Response

from app.core.csvout import ListQuery, answers_page
from app.core.operations import resource_router
from app.core.params import (
    FiscalYearPath,
    PartnerPath,
    ProgramFilter,
    RegionFilter,
    UpdatedSince,
)
from app.core.responses import View, answers, answers_created, answers_edited, answers_put
from app.core.schemas import RecordId, SearchText
from app.core.security import Admin, Reader
from app.core.writes import Amend, Create, Edit
from app.partners import service
from app.partners.schemas import (
    MEMBERSHIPS,
    PARTNERS,
    BenchmarkRead,
    BenchmarkWrite,
    MembershipCreate,
    MembershipRead,
    MembershipUpdate,
    PartnerRead,
    PartnerUpdate,
)

router = resource_router("/partners", "partners")


@router.get("", **answers_page(PartnerRead))
async def list_partners(
    _: Reader,
    asked: ListQuery,
    region: RegionFilter = None,
    program: ProgramFilter = None,
    as_of: Annotated[
        date | None, Query(description="Membership date for `program`; default today")
    ] = None,
    q: Annotated[SearchText | None, Query(description="Name contains, or exact code")] = None,
    updated_since: UpdatedSince = None,
) -> Response:
    listing = service.list_partners(
        region=region, program=program, as_of=as_of, q=q, updated_since=updated_since
    )
    return await asked.answer(listing, PARTNERS)


@router.get("/{code}", **answers(PartnerRead, 304, 404))
async def get_partner(_: Reader, view: View, code: PartnerPath) -> Response:
    return await view.read(PartnerRead, service.get_partner, code)


@router.patch("/{code}", **answers_edited(PartnerRead))
async def update_partner(
    actor: Admin, edit: Edit, code: PartnerPath, body: PartnerUpdate
) -> Response:
    return await edit.update(PartnerRead, service.update_partner, actor, code, body)


@router.get(
    "/{code}/memberships", operation_id="memberships_list", **answers_page(MembershipRead, 404)
)
async def list_memberships(
    _: Reader,
    code: PartnerPath,
    asked: ListQuery,
    program: ProgramFilter = None,
    as_of: Annotated[date | None, Query(description="Only memberships valid on this date")] = None,
    updated_since: UpdatedSince = None,
) -> Response:
    partner = await service.get_partner(asked.session, code)
    listing = service.list_memberships(
        partner, program=program, as_of=as_of, updated_since=updated_since
    )
    return await asked.answer(listing, MEMBERSHIPS)


@router.post(
    "/{code}/memberships",
    operation_id="memberships_create",
    **answers_created(MembershipRead, 404, 409),
)
async def add_membership(
    actor: Admin, create: Create, code: PartnerPath, body: MembershipCreate
) -> Response:
    partner = await service.get_partner(create.session, code)
    membership = await service.add_membership(create.session, actor, partner, body)
    location = f"/api/v1/partners/{partner.code}/memberships/{membership.id}"
    return create.created(MEMBERSHIPS, membership, location)


@router.get(
    "/{code}/memberships/{membership_id}",
    operation_id="memberships_get",
    **answers(MembershipRead, 304, 404),
)
async def get_membership(
    _: Reader, view: View, code: PartnerPath, membership_id: RecordId
) -> Response:
    partner = await service.get_partner(view.session, code)
    return await view.read(MembershipRead, service.get_membership, partner, membership_id)


@router.patch(
    "/{code}/memberships/{membership_id}",
    operation_id="memberships_update",
    summary="End (or reopen) a membership by setting its end_date",
    **answers_edited(MembershipRead, 409),
)
async def update_membership(
    actor: Admin, edit: Edit, code: PartnerPath, membership_id: RecordId, body: MembershipUpdate
) -> Response:
    partner = await service.get_partner(edit.session, code)
    return await edit.update(
        MembershipRead, service.update_membership, actor, partner, membership_id, body
    )


@router.get(
    "/{code}/benchmarks/{fiscal_year}",
    operation_id="benchmarks_get",
    **answers(BenchmarkRead, 304, 404),
)
async def get_benchmark(
    _: Reader, view: View, code: PartnerPath, fiscal_year: FiscalYearPath
) -> Response:
    partner = await service.get_partner(view.session, code)
    return await view.read(BenchmarkRead, service.get_benchmark, partner, fiscal_year)


@router.put(
    "/{code}/benchmarks/{fiscal_year}",
    operation_id="benchmarks_put",
    summary="Set the women's share of the partner's military for a fiscal year",
    **answers_put(BenchmarkRead),
)
async def put_benchmark(
    actor: Admin,
    edit: Amend,
    code: PartnerPath,
    fiscal_year: FiscalYearPath,
    body: BenchmarkWrite,
) -> Response:
    partner = await service.get_partner(edit.session, code)
    benchmark, created = await service.put_benchmark(
        edit.session, actor, partner, fiscal_year, body, edit.expected_version
    )
    location = f"/api/v1/partners/{partner.code}/benchmarks/{fiscal_year}"
    return edit.put(BenchmarkRead, benchmark, created, location)
