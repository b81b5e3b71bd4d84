"""The peacekeeping-share report: a program's partners' share of deployed military women
and of military-contributing countries, from one UN snapshot, aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import invalid_query
from app.core.figures import share_pct
from app.core.schemas import FiltersOf
from app.core.suppression import CountTable, suppression_method
from app.peacekeeping.models import Contribution, Snapshot
from app.peacekeeping.service import (
    military_of,
    military_shares,
    program_members,
    report_snapshot,
    share_columns,
)
from app.programs.service import find_program

Percent = float | None


class SnapshotRef(BaseModel):
    id: int
    reporting_date: date
    checksum: str


@dataclass(frozen=True, slots=True)
class ShareQuery:
    """The report's filters: the program, the day and the snapshot (default: the newest for
    the day)."""

    program: str
    as_of: date
    by_personnel_type: bool = False
    snapshot: int | None = None
    suppress_below: int | None = None


class ShareFilters(FiltersOf):
    program: str
    as_of: date
    by_personnel_type: bool

    suppress_below: int | None = None


class ShareFigures(BaseModel):
    partner_women: int | None
    all_women: int | None
    women_share_pct: Percent
    partner_countries: int
    all_countries: int
    countries_share_pct: Percent
    suppressed: list[str] | None = None


class ShareRow(ShareFigures):
    personnel_type: str


class PeacekeepingShare(ShareFigures):
    program: str
    as_of: date
    snapshot: SnapshotRef = Field(description="The snapshot the figures come from")
    stale: bool = Field(description="The snapshot's reporting month is not the as_of month")
    filters: ShareFilters
    method: str
    rows: list[ShareRow]


# How the counts of people add up, for small-number suppression: women from other countries
# are not answered but are all_women - partner_women. Counts of countries are no counts of
# people and are never withheld.
COUNTS = CountTable(
    parts=("partner_women", "other_women"),
    total="all_women",
    hidden=frozenset({"other_women"}),
    derived={"women_share_pct": ("partner_women", "all_women")},
)


def _suppress(report: PeacekeepingShare, k: int) -> PeacekeepingShare:
    """The top-level figures are the totals of the per-type rows: one table, one decision."""
    overall = ShareFigures.model_validate(report.model_dump())
    rows, totals = COUNTS.apply([r.model_dump() for r in report.rows], overall.model_dump(), k)
    return report.model_copy(
        update={
            **ShareFigures.model_validate(totals).model_dump(),
            "filters": report.filters.model_copy(update={"suppress_below": k}),
            "method": report.method + suppression_method(k),
            "rows": [ShareRow.model_validate(r) for r in rows],
        }
    )


def _figures(row: Any) -> dict[str, Any]:
    return {
        "partner_women": int(row.partner_women),
        "all_women": int(row.all_women),
        "women_share_pct": share_pct(int(row.partner_women), int(row.all_women)),
        "partner_countries": int(row.partner_countries),
        "all_countries": int(row.all_countries),
        "countries_share_pct": share_pct(int(row.partner_countries), int(row.all_countries)),
    }


def _method(program: str, as_of: date, snapshot: Snapshot, chosen: bool) -> str:
    which = (
        "as asked (snapshot=)"
        if chosen
        else f"the latest on or before {as_of} (of a month's uploads, the newest)"
    )
    merged = ", ".join(snapshot.reporting_dates or [snapshot.reporting_date.isoformat()])
    return (
        f"UN uniformed personnel snapshot {snapshot.id} (reporting date "
        f"{snapshot.reporting_date}, SHA-256 {snapshot.checksum}), {which}. "
        f"A snapshot is a calendar month, dated its latest reporting date; this one merges the "
        f"rows reported on {merged}. "
        f"{snapshot.skipped_count} row(s) of the file for that month were left out: their "
        "country code is no country (listed in the snapshot's skipped_rows). "
        "Military personnel = Troops + Staff Officers + Experts on Mission (police excluded). "
        "A contributing country has more than 0 military personnel in the snapshot. "
        f"Partners = countries with a {program} membership valid on {snapshot.reporting_date}. "
        "Women share = military women from partner countries / all military women; countries "
        "share = partner contributing countries / all contributing countries."
    )


async def peacekeeping_share(session: AsyncSession, query: ShareQuery) -> PeacekeepingShare:
    program = await find_program(session, query.program)
    if program is None:
        raise invalid_query("program", f"unknown program {query.program!r}")
    snapshot = await report_snapshot(session, query.as_of, query.snapshot)
    overall = await military_shares(session, snapshot, program.id)

    rows: list[ShareRow] = []
    if query.by_personnel_type:
        per_type = (
            select(
                Contribution.personnel_type,
                Contribution.partner_id,
                func.sum(Contribution.female).label("women"),
            )
            .where(military_of(snapshot))
            .group_by(Contribution.personnel_type, Contribution.partner_id)
            .having(func.sum(Contribution.male + Contribution.female) > 0)
            .subquery()
        )
        members = program_members(program.id, snapshot.reporting_date)
        stmt = (
            select(per_type.c.personnel_type, *share_columns(per_type, members))
            .group_by(per_type.c.personnel_type)
            .order_by(per_type.c.personnel_type)
        )
        rows = [
            ShareRow(personnel_type=row.personnel_type, **_figures(row))
            for row in (await session.execute(stmt)).all()
        ]

    report = PeacekeepingShare(
        program=program.code,
        as_of=query.as_of,
        snapshot=SnapshotRef(
            id=snapshot.id, reporting_date=snapshot.reporting_date, checksum=snapshot.checksum
        ),
        stale=(snapshot.reporting_date.year, snapshot.reporting_date.month)
        != (query.as_of.year, query.as_of.month),
        **_figures(overall),
        filters=ShareFilters(
            program=program.code, as_of=query.as_of, by_personnel_type=query.by_personnel_type
        ),
        method=_method(program.code, query.as_of, snapshot, chosen=query.snapshot is not None),
        rows=rows,
    )
    return report if query.suppress_below is None else _suppress(report, query.suppress_below)


CSV_COLUMNS = [
    "personnel_type",
    "partner_women",
    "all_women",
    "women_share_pct",
    "partner_countries",
    "all_countries",
    "countries_share_pct",
    "program",
    "snapshot_id",
    "reporting_date",
    "checksum",
]


def csv_table(report: PeacekeepingShare) -> tuple[list[str], list[list[Any]]]:
    """All military personnel first (personnel_type "military"), then a line per type."""
    lines: list[tuple[str, ShareFigures]] = [("military", report)]
    lines += [(row.personnel_type, row) for row in report.rows]
    snapshot = [report.program, report.snapshot.id, report.snapshot.reporting_date]
    return CSV_COLUMNS, [
        [
            name,
            figures.partner_women,
            figures.all_women,
            figures.women_share_pct,
            figures.partner_countries,
            figures.all_countries,
            figures.countries_share_pct,
            *snapshot,
            report.snapshot.checksum,
        ]
        for name, figures in lines
    ]
