"""Snapshot rules: a file is stored whole or not at all, once per checksum, aggregated per
(country, mission, personnel type)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.core.errors import NotFound
from app.core.pagination import PageParams, Result, SortKey, paginate
from app.core.security import Principal
from app.partners.models import Membership
from app.partners.service import partner_codes, valid_on
from app.peacekeeping.models import Contribution, Snapshot
from app.peacekeeping.un_file import MILITARY, parse_un_file

RESOURCE = "peacekeeping_snapshot"
INSERT_CHUNK = 1000


async def list_snapshots(
    session: AsyncSession, params: PageParams, *, updated_since: datetime | None = None
) -> Result[Snapshot]:
    stmt = select(Snapshot)
    if updated_since is not None:
        stmt = stmt.where(Snapshot.uploaded_at >= updated_since)
    keys = [SortKey(Snapshot.reporting_date, descending=True), SortKey(Snapshot.id, True)]
    return await paginate(session, stmt, params, keys, sort_name="reporting_date_desc")


async def get_snapshot(session: AsyncSession, snapshot_id: int) -> Snapshot:
    snapshot = await session.get(Snapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")
    return snapshot


async def latest_snapshot(session: AsyncSession, as_of: date) -> Snapshot:
    """The snapshot in force on `as_of`: latest reporting date on or before it."""
    snapshot = await session.scalar(
        select(Snapshot)
        .where(Snapshot.reporting_date <= as_of)
        .order_by(Snapshot.reporting_date.desc(), Snapshot.id.desc())
        .limit(1)
    )
    if snapshot is None:
        raise NotFound(f"no peacekeeping snapshot with a reporting date on or before {as_of}")
    return snapshot


def program_members(program_id: int, day: date) -> Select[int]:
    """The partners with a membership of the program valid on `day`."""
    return select(Membership.partner_id).where(Membership.program_id == program_id, valid_on(day))


def military_of(snapshot: Snapshot) -> ColumnElement[bool]:
    """The snapshot's military lines (troops, staff officers, experts on mission)."""
    return (Contribution.snapshot_id == snapshot.id) & Contribution.personnel_type.in_(MILITARY)


def share_columns(per_country: Any, members: Any) -> list[Any]:
    """Columns summing a per-country subquery (columns partner_id, women) into the figures:
    all_women, partner_women, all_countries, partner_countries."""
    is_partner = per_country.c.partner_id.in_(members)
    return [
        func.coalesce(func.sum(per_country.c.women), 0).label("all_women"),
        func.coalesce(func.sum(case((is_partner, per_country.c.women), else_=0)), 0).label(
            "partner_women"
        ),
        func.count().label("all_countries"),
        func.coalesce(func.sum(case((is_partner, 1), else_=0)), 0).label("partner_countries"),
    ]


async def military_shares(session: AsyncSession, snapshot: Snapshot, program_id: int) -> Any:
    """All military women and contributing countries of the snapshot, and the program
    partners' part of each (a contributing country has more than 0 military personnel)."""
    per_country = (
        select(Contribution.partner_id, func.sum(Contribution.female).label("women"))
        .where(military_of(snapshot))
        .group_by(Contribution.partner_id)
        .having(func.sum(Contribution.male + Contribution.female) > 0)
        .subquery()
    )
    members = program_members(program_id, snapshot.reporting_date)
    return (await session.execute(select(*share_columns(per_country, members)))).one()


async def import_snapshot(
    session: AsyncSession, actor: Principal, content: bytes
) -> tuple[Snapshot, bool]:
    """Store a UN file; returns the snapshot and whether it is new (same bytes: the old one)."""
    checksum = hashlib.sha256(content).hexdigest()
    existing = await session.scalar(select(Snapshot).where(Snapshot.checksum == checksum))
    if existing is not None:
        return existing, False
    codes = await partner_codes(session)
    parsed = await asyncio.to_thread(parse_un_file, content, codes)
    snapshot = Snapshot(
        reporting_date=parsed.reporting_date,
        checksum=checksum,
        row_count=parsed.row_count,
        contribution_count=len(parsed.contributions),
    )
    session.add(snapshot)
    await session.flush()
    rows = [
        {
            "snapshot_id": snapshot.id,
            "partner_id": partner_id,
            "mission": mission,
            "personnel_type": personnel_type,
            "male": male,
            "female": female,
        }
        for (partner_id, mission, personnel_type), (male, female) in sorted(
            parsed.contributions.items()
        )
    ]
    for start in range(0, len(rows), INSERT_CHUNK):
        await session.execute(insert(Contribution), rows[start : start + INSERT_CHUNK])
    record(
        session,
        actor,
        "create",
        RESOURCE,
        snapshot.id,
        ["reporting_date", "checksum", "row_count"],
        {"checksum": checksum, "reporting_date": parsed.reporting_date.isoformat()},
    )
    return snapshot, True
