"""Snapshot rules: a file is stored whole or not at all, one snapshot per calendar month,
aggregated per (country, mission, personnel type); every upload of a month is kept and the
newest (highest id) is the one reports use."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.core.driver import insert_many
from app.core.edits import delete_record
from app.core.errors import NotFound
from app.core.pagination import Listing, SortKey
from app.core.rollup import within
from app.core.security import Principal
from app.core.versioning import check_version
from app.partners.models import Membership
from app.partners.service import partner_codes, valid_on
from app.peacekeeping.models import Contribution, Snapshot
from app.peacekeeping.schemas import SkippedRow, SnapshotSummary, SnapshotUpload, UploadedSnapshot
from app.peacekeeping.un_file import MILITARY, ParsedMonth, parse_un_file

RESOURCE = "peacekeeping_snapshot"
CONTRIBUTION_COLUMNS = ("snapshot_id", "partner_id", "mission", "personnel_type", "male", "female")


@dataclass(frozen=True, slots=True)
class SnapshotFilters:
    reporting_date: date | None = None
    from_date: date | None = None
    to_date: date | None = None
    checksum: str | None = None
    updated_since: datetime | None = None


def list_snapshots(filters: SnapshotFilters) -> Listing:
    """Latest reporting date first; within a month, the newest upload first."""
    stmt = select(Snapshot)
    dates = (filters.reporting_date, filters.from_date, filters.to_date)
    stmt = stmt.where(*within(Snapshot.reporting_date, *dates))
    if filters.checksum is not None:
        stmt = stmt.where(Snapshot.checksum == filters.checksum.lower())
    if filters.updated_since is not None:
        stmt = stmt.where(Snapshot.uploaded_at >= filters.updated_since)
    keys = [SortKey(Snapshot.reporting_date, descending=True), SortKey(Snapshot.id, True)]
    return Listing(stmt, keys, sort_name="reporting_date_desc")


async def get_snapshot(session: AsyncSession, snapshot_id: int) -> Snapshot:
    snapshot = await session.get(Snapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")
    return snapshot


async def latest_snapshot(session: AsyncSession, as_of: date) -> Snapshot:
    """The snapshot in force on `as_of`: latest reporting date on or before it, and of that
    month's uploads the newest (re-posting older bytes does not make them current again)."""
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


async def report_snapshot(session: AsyncSession, as_of: date, snapshot_id: int | None) -> Snapshot:
    """The snapshot a report reads: the one asked for, else the one in force on `as_of`."""
    if snapshot_id is not None:
        return await get_snapshot(session, snapshot_id)
    return await latest_snapshot(session, as_of)


async def delete_snapshot(
    session: AsyncSession, actor: Principal, snapshot_id: int, expected_version: str | None
) -> None:
    """Remove one snapshot and its rows; the month's previous upload is current again."""
    snapshot = await get_snapshot(session, snapshot_id)
    check_version(expected_version, snapshot.checksum)
    details = {"checksum": snapshot.checksum, "reporting_date": snapshot.reporting_date.isoformat()}
    await session.execute(delete(Contribution).where(Contribution.snapshot_id == snapshot_id))
    await delete_record(session, snapshot)
    record(session, actor, "delete", RESOURCE, snapshot_id, [], details)


async def _store_contributions(
    session: AsyncSession, months: list[tuple[int, ParsedMonth]]
) -> None:
    """Every month's rows at once (100,000 rows for a 20-year file)."""
    rows = [
        (snapshot_id, partner_id, mission, personnel_type, male, female)
        for snapshot_id, month in months
        for (partner_id, mission, personnel_type), (male, female) in sorted(
            month.contributions.items()
        )
    ]
    await insert_many(session, Contribution.__table__, CONTRIBUTION_COLUMNS, rows)  # type: ignore[arg-type]


async def import_snapshots(
    session: AsyncSession, actor: Principal, content: bytes
) -> SnapshotUpload:
    """Store a UN file, one snapshot per calendar month, in the caller's transaction.

    A month already stored from these exact bytes answers its snapshot (`created: false`);
    a month whose rows were all skipped gets none (its rows are still listed).
    """
    checksum = hashlib.sha256(content).hexdigest()
    codes = await partner_codes(session)
    parsed = await asyncio.to_thread(parse_un_file, content, codes)
    stored = {
        snapshot.reporting_date: snapshot
        for snapshot in await session.scalars(select(Snapshot).where(Snapshot.checksum == checksum))
    }
    months = parsed.kept
    new = {
        month.reporting_date: Snapshot(
            reporting_date=month.reporting_date,
            reporting_dates=[day.isoformat() for day in month.reporting_dates],
            checksum=checksum,
            row_count=month.row_count,
            contribution_count=len(month.contributions),
            skipped_rows=month.skipped,
        )
        for month in months
        if month.reporting_date not in stored
    }
    session.add_all(new.values())
    await session.flush()
    await _store_contributions(
        session,
        [(new[m.reporting_date].id, m) for m in months if m.reporting_date in new],
    )
    for month in months:
        snapshot = new.get(month.reporting_date)
        if snapshot is None:
            continue
        record(
            session,
            actor,
            "create",
            RESOURCE,
            snapshot.id,
            ["reporting_date", "checksum", "row_count"],
            {"checksum": checksum, "reporting_date": month.reporting_date.isoformat()},
        )
    snapshots = [
        UploadedSnapshot(
            **SnapshotSummary.model_validate(
                new.get(month.reporting_date) or stored[month.reporting_date]
            ).model_dump(),
            created=month.reporting_date in new,
        )
        for month in months
    ]
    skipped = parsed.skipped
    return SnapshotUpload(
        checksum=checksum,
        created=bool(new),
        row_count=parsed.row_count,
        skipped_count=len(skipped),
        skipped_rows=[SkippedRow.model_validate(row) for row in skipped],
        snapshots=snapshots,
    )
