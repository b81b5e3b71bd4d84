"""What moved the fact sheet between two dates: each figure as known on both, and the changes
recorded in between (the audit trail, written in the same transaction as every change) to the
kinds of records the figure reads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AuditEvent
from app.core.history import known_as_of
from app.core.security import Principal
from app.factsheet.figures import Edition, fact_sheet
from app.factsheet.schemas import (
    FactSheet,
    FactSheetChanges,
    FactSheetChangesFilters,
    FigureChange,
    SnapshotInput,
)
from app.peacekeeping.models import Snapshot

METHOD = (
    "Each figure of GET /api/v1/fact-sheet as known at from and as known at to (both for "
    "filters.fiscal_year), and the changes recorded between the two instants (after from, up "
    "to to) in the audit trail: per kind of record and action, how many. moved_by keeps the "
    "kinds of records the figure reads (outcome statuses read every kind); "
    "snapshots_uploaded lists the UN snapshots uploaded between the dates, as known at to."
)

# The kinds of records (audit resource types) each figure reads, by the figure id's prefix.
PEACEKEEPING = ("peacekeeping_snapshot", "membership")
SOURCES: dict[str, tuple[str, ...]] = {
    "gpoi_partners": ("membership",),
    "gpoi_women_trained": ("training",),
    "pk_": PEACEKEEPING,
    "gpoi_facility_upgrades": ("facility_upgrade", "training_center"),
    "nio_": ("training",),
    "imet_women_trained": ("imet_history", "nomination"),
    "imet_women_obligated": ("obligation",),
    "imet_nominations": ("nomination", "benchmark"),
    "imet_partners": ("nomination", "benchmark"),
    "cwd_": ("cwd_team", "cwd_roster"),
    "gdrp_": ("policy_milestone",),
}

Counts = dict[str, dict[str, int]]


def sources(figure_id: str) -> tuple[str, ...] | None:
    """The record kinds a figure reads (None: every kind, as an outcome's status does)."""
    for prefix, kinds in SOURCES.items():
        if figure_id.startswith(prefix):
            return kinds
    return None


async def recorded_changes(session: AsyncSession, start: datetime, end: datetime) -> Counts:
    """Changes in the audit trail after `start` up to `end`: kind → action → how many."""
    e = AuditEvent
    stmt = (
        select(e.resource_type, e.action, func.count())
        .where(e.occurred_at > start, e.occurred_at <= end)
        .group_by(e.resource_type, e.action)
        .order_by(e.resource_type, e.action)
    )
    counts: Counts = {}
    for kind, action, n in (await session.execute(stmt)).all():
        counts.setdefault(kind, {})[action] = int(n)
    return counts


async def uploaded_snapshots(
    session: AsyncSession, start: datetime, end: datetime
) -> list[SnapshotInput]:
    """The UN snapshots uploaded between the instants, as the records stood at `end`."""
    with known_as_of(end):
        stmt = (
            select(Snapshot)
            .where(Snapshot.uploaded_at > start, Snapshot.uploaded_at <= end)
            .order_by(Snapshot.id)
        )
        found = (await session.scalars(stmt)).all()
    return [
        SnapshotInput(id=s.id, reporting_date=s.reporting_date, sha256=s.checksum) for s in found
    ]


def _only(counts: Counts, kinds: Iterable[str] | None) -> Counts:
    return dict(counts) if kinds is None else {k: counts[k] for k in kinds if k in counts}


def compare(before: FactSheet, after: FactSheet, counts: Counts) -> list[FigureChange]:
    """Figure by figure (the same ids on both dates), what it was, is, and what moved it."""
    earlier = {f.id: f for f in before.figures}
    return [
        FigureChange(
            id=f.id,
            unit=f.unit,
            before=earlier[f.id].value,
            after=f.value,
            changed=earlier[f.id].value != f.value,
            sentence_before=earlier[f.id].sentence,
            sentence_after=f.sentence,
            moved_by=_only(counts, sources(f.id)),
        )
        for f in after.figures
        if f.id in earlier
    ]


async def fact_sheet_changes(
    session: AsyncSession,
    actor: Principal,
    *,
    start: datetime,
    end: datetime,
    fiscal_year: int,
    asked: tuple[str, str],
) -> FactSheetChanges:
    """The fact sheet as known at `start` and at `end` (`asked`: the two as written)."""
    editions = [
        Edition(fiscal_year, at.date(), None, written)
        for at, written in ((start, asked[0]), (end, asked[1]))
    ]
    sheets = []
    for at, edition in zip((start, end), editions, strict=True):
        with known_as_of(at):
            sheets.append(await fact_sheet(session, actor, edition))
    counts = await recorded_changes(session, start, end)
    return FactSheetChanges(
        filters=FactSheetChangesFilters(from_=start, to=end, fiscal_year=fiscal_year),
        method=METHOD,
        changes=counts,
        snapshots_uploaded=await uploaded_snapshots(session, start, end),
        figures=compare(sheets[0], sheets[1], counts),
    )
