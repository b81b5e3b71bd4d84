"""Snapshot rules: a file is stored whole or not at all, once per checksum, aggregated per
(country, mission, personnel type)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.audit import record
from app.core.errors import NotFound
from app.core.pagination import PageParams, Result, SortKey, paginate
from app.core.security import Principal
from app.partners.service import partner_codes
from app.peacekeeping.models import Contribution, Snapshot
from app.peacekeeping.un_file import parse_un_file

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
