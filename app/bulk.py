"""The kinds of record that move in bulk (`wps import KIND`, `wps export KIND`): one entry per
kind names its parser, its import, its export and the filters the export takes.

Adding a bulk kind is one entry in `KINDS`; the CLI builds its commands from this table.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.bulk import ImportRun, ImportSummary, Parsed, Progress
from app.core.csvout import listing_batches
from app.core.pagination import Listing, count_listed
from app.core.records import RecordShape
from app.cwd import imports as team_imports
from app.cwd import service as cwd
from app.cwd.schemas import TEAM_RECORD, Activity, Composition
from app.facilities import imports as upgrade_imports
from app.facilities import service as facilities
from app.facilities.schemas import FACILITY_UPGRADE_RECORD, Feature, UpgradeStatus
from app.funding import imports as obligation_imports
from app.funding import service as funding
from app.funding.schemas import OBLIGATION_RECORD, FundingType, Purpose
from app.gdrp import imports as milestone_imports
from app.gdrp import service as gdrp
from app.gdrp.schemas import MILESTONE_RECORD, MilestoneKind
from app.imet_history import imports as history_imports
from app.imet_history import service as imet_history
from app.imet_history.schemas import IMET_HISTORY_RECORD
from app.trainings import imports as training_imports
from app.trainings import service as trainings
from app.trainings.schemas import TRAINING_RECORD, SortOrder


@dataclass(frozen=True, slots=True)
class Filter:
    """One export filter: a field of the kind's filters, offered as `--field-name`."""

    name: str
    value_type: type[str] | type[int] = str
    help: str | None = None
    choices: type[Enum] | None = None


@dataclass(frozen=True, slots=True)
class BulkKind:
    """How one kind of record is imported from and exported to a file."""

    name: str  # the command's word and the noun of its messages, e.g. "trainings"
    parse: Callable[..., Parsed[Any]]  # (body, *, csv_body) → records
    run_import: ImportRun  # (session, actor, parsed, *, dry_run, progress) → summary
    filters: Sequence[Filter]
    make_filters: Callable[..., Any]  # the filter values (by name) → the domain's filters
    listing: Callable[[AsyncSession, Any], Awaitable[Listing]]  # (session, filters); CLI scope
    shape: RecordShape  # the CSV columns and lines, and the import's JSON record

    async def count(self, session: AsyncSession, filters: Any) -> int:
        return await count_listed(session, await self.listing(session, filters))

    async def batches(
        self,
        session: AsyncSession,
        sessionmaker: async_sessionmaker[AsyncSession],
        filters: Any,
    ) -> AsyncIterable[list[Any]]:
        """The export's records in batches; the filters are checked before the first."""
        return listing_batches(sessionmaker, await self.listing(session, filters))

    async def import_body(
        self, session: AsyncSession, body: bytes, is_csv: bool, dry_run: bool, progress: Progress
    ) -> ImportSummary:
        parsed = self.parse(body, csv_body=is_csv)
        return await self.run_import(session, None, parsed, dry_run=dry_run, progress=progress)


# The filters most kinds share: a partner by its code, a fiscal year or a range of them.
PARTNER = Filter("partner", help="alpha-3 or alpha-2")
FISCAL_YEARS = (Filter("fiscal_year", int), Filter("from_fy", int), Filter("to_fy", int))


async def _trainings(session: AsyncSession, filters: trainings.TrainingFilters) -> Listing:
    return await trainings.trainings_listing(session, None, filters, SortOrder.created)


async def _obligations(session: AsyncSession, filters: funding.ObligationFilters) -> Listing:
    return await funding.obligations_listing(session, None, filters)


async def _history(session: AsyncSession, filters: imet_history.ImetHistoryFilters) -> Listing:
    return await imet_history.history_listing(session, None, filters)


async def _upgrades(session: AsyncSession, filters: facilities.UpgradeFilters) -> Listing:
    return await facilities.upgrades_listing(session, None, filters)


async def _milestones(session: AsyncSession, filters: gdrp.GdrpFilters) -> Listing:
    return await gdrp.milestones_listing(session, None, filters)


async def _teams(session: AsyncSession, filters: cwd.TeamFilters) -> Listing:
    return await cwd.teams_listing(session, None, filters)


KINDS: dict[str, BulkKind] = {
    kind.name: kind
    for kind in (
        BulkKind(
            name="trainings",
            parse=training_imports.parse,
            run_import=training_imports.import_trainings,
            filters=(
                Filter("program"),
                Filter("partner"),
                Filter("host_country"),
                *FISCAL_YEARS,
                Filter("kind"),
                Filter("topic"),
                Filter("project"),
            ),
            make_filters=trainings.TrainingFilters,
            listing=_trainings,
            shape=TRAINING_RECORD,
        ),
        BulkKind(
            name="obligations",
            parse=obligation_imports.parse,
            run_import=obligation_imports.import_obligations,
            filters=(
                Filter("program"),
                Filter("fiscal_year", int),
                PARTNER,
                Filter("type", choices=FundingType),
                Filter("purpose", choices=Purpose),
                Filter("project"),
            ),
            make_filters=funding.ObligationFilters,
            listing=_obligations,
            shape=OBLIGATION_RECORD,
        ),
        BulkKind(
            name="imet-history",
            parse=history_imports.parse,
            run_import=history_imports.import_history,
            filters=(
                PARTNER,
                *FISCAL_YEARS,
            ),
            make_filters=imet_history.ImetHistoryFilters,
            listing=_history,
            shape=IMET_HISTORY_RECORD,
        ),
        BulkKind(
            name="facility-upgrades",
            parse=upgrade_imports.parse,
            run_import=upgrade_imports.import_upgrades,
            filters=(
                Filter("program"),
                Filter("partner", help="the center's country, alpha-3 or alpha-2"),
                Filter("training_center"),
                Filter("status", choices=UpgradeStatus),
                Filter("feature", choices=Feature),
                *FISCAL_YEARS,
            ),
            make_filters=facilities.UpgradeFilters,
            listing=_upgrades,
            shape=FACILITY_UPGRADE_RECORD,
        ),
        BulkKind(
            name="policy-milestones",
            parse=milestone_imports.parse,
            run_import=milestone_imports.import_milestones,
            filters=(
                Filter("program"),
                PARTNER,
                Filter("kind", choices=MilestoneKind),
                *FISCAL_YEARS,
            ),
            make_filters=gdrp.GdrpFilters,
            listing=_milestones,
            shape=MILESTONE_RECORD,
        ),
        BulkKind(
            name="cwd-teams",
            parse=team_imports.parse,
            run_import=team_imports.import_teams,
            filters=(
                PARTNER,
                Filter("program"),
                Filter("project"),
                Filter("activity", choices=Activity),
                Filter("composition", choices=Composition, help="as of today"),
            ),
            make_filters=cwd.TeamFilters,
            listing=_teams,
            shape=TEAM_RECORD,
        ),
    )
}
