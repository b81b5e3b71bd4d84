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
from app.core.fiscal_year import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR
from app.core.pagination import Listing, count_listed
from app.core.records import RecordShape
from app.cwd import imports as team_imports
from app.cwd import service as cwd
from app.cwd.schemas import TEAM_RECORD, Activity, Composition
from app.facilities import imports as upgrade_imports
from app.facilities import service as facilities
from app.facilities.schemas import FACILITY_UPGRADE_RECORD, Feature, UpgradeStatus
from app.facilities.service import center_code
from app.funding import imports as obligation_imports
from app.funding import service as funding
from app.funding.schemas import OBLIGATION_RECORD, FundingType, Purpose
from app.gdrp import imports as milestone_imports
from app.gdrp import service as gdrp
from app.gdrp.schemas import MILESTONE_RECORD, MilestoneKind
from app.imet.history import imports as history_imports
from app.imet.history import service as imet_history
from app.imet.history.schemas import IMET_HISTORY_RECORD
from app.partners.service import partner_code
from app.programs.service import program_code
from app.projects.service import project_code
from app.trainings import imports as training_imports
from app.trainings import service as trainings
from app.trainings.schemas import TRAINING_RECORD, Kind, Topic

# (session, a code as given) → the canonical code, or None when no such record exists.
CodeLookup = Callable[[AsyncSession, str], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class Filter:
    """One export filter: a field of the kind's filters, offered as `--field-name`."""

    name: str
    help: str
    value_type: type[str] | type[int] = str
    choices: type[Enum] | None = None
    # A code that must name a record (what it names, its lookup): the CLI refuses an unknown
    # one before exporting, as the API's filters answer 422.
    lookup: tuple[str, CodeLookup] | None = None
    bounds: tuple[int, int] | None = None  # the least and greatest value accepted


@dataclass(frozen=True, slots=True)
class BulkKind:
    """How one kind of record is imported from and exported to a file."""

    name: str  # the command's word and the noun of its messages, e.g. "trainings"
    parse: Callable[..., Parsed[Any]]  # (body, *, csv_body) → records
    run_import: ImportRun  # (session, actor, parsed, *, dry_run, progress) → summary
    filters: Sequence[Filter]
    make_filters: Callable[..., Any]  # the filter values (by name) → the domain's filters
    # The domain's listing (session, principal, filters); the CLI's has no principal: everything.
    listing: Callable[[AsyncSession, None, Any], Awaitable[Listing]]
    shape: RecordShape  # the CSV columns and lines, and the import's JSON record

    async def count(self, session: AsyncSession, filters: Any) -> int:
        return await count_listed(session, await self.listing(session, None, filters))

    async def batches(
        self,
        session: AsyncSession,
        sessionmaker: async_sessionmaker[AsyncSession],
        filters: Any,
    ) -> AsyncIterable[list[Any]]:
        """The export's records in batches; the filters are checked before the first."""
        return listing_batches(sessionmaker, await self.listing(session, None, filters))

    async def import_body(
        self, session: AsyncSession, body: bytes, is_csv: bool, dry_run: bool, progress: Progress
    ) -> ImportSummary:
        parsed = self.parse(body, csv_body=is_csv)
        return await self.run_import(session, None, parsed, dry_run=dry_run, progress=progress)


# The filters the kinds share: codes resolved as the API's filters resolve them, fiscal years.
PROGRAM = Filter(
    "program",
    "program code (GPOI, IMET, CWD, GDRP, ...), any case",
    lookup=("program", program_code),
)


def country(name: str, meaning: str) -> Filter:
    """A filter naming a country in any ISO form, looked up as the API's filters do."""
    help = f"{meaning}: alpha-3, alpha-2 or numeric, any case"
    return Filter(name, help, lookup=("country code", partner_code))


PARTNER = country("partner", "partner country")
PROJECT = Filter("project", "project code, any case", lookup=("project", project_code))
_YEARS = (FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR)
FISCAL_YEAR = Filter("fiscal_year", "US fiscal year (October to September)", int, bounds=_YEARS)
FISCAL_YEARS = (
    FISCAL_YEAR,
    Filter("from_fy", "first fiscal year, inclusive", int, bounds=_YEARS),
    Filter("to_fy", "last fiscal year, inclusive", int, bounds=_YEARS),
)


KINDS: dict[str, BulkKind] = {
    kind.name: kind
    for kind in (
        BulkKind(
            name="trainings",
            parse=training_imports.parse,
            run_import=training_imports.import_trainings,
            filters=(
                PROGRAM,
                country("partner", "participants from this country"),
                country("host_country", "host country"),
                *FISCAL_YEARS,
                Filter("kind", "kind of event", choices=Kind),
                Filter("topic", "one of the training's topics", choices=Topic),
                PROJECT,
            ),
            make_filters=trainings.TrainingFilters,
            listing=trainings.trainings_listing,
            shape=TRAINING_RECORD,
        ),
        BulkKind(
            name="obligations",
            parse=obligation_imports.parse,
            run_import=obligation_imports.import_obligations,
            filters=(
                PROGRAM,
                FISCAL_YEAR,
                PARTNER,
                Filter("type", "obligation or disbursement", choices=FundingType),
                Filter("purpose", "a purpose tag the funding carries", choices=Purpose),
                PROJECT,
            ),
            make_filters=funding.ObligationFilters,
            listing=funding.obligations_listing,
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
            listing=imet_history.history_listing,
            shape=IMET_HISTORY_RECORD,
        ),
        BulkKind(
            name="facility-upgrades",
            parse=upgrade_imports.parse,
            run_import=upgrade_imports.import_upgrades,
            filters=(
                PROGRAM,
                country("partner", "the center's country"),
                Filter(
                    "training_center",
                    "training center code, any case",
                    lookup=("training center", center_code),
                ),
                Filter("status", "the upgrade's status", choices=UpgradeStatus),
                Filter("feature", "a feature the upgrade adds", choices=Feature),
                *FISCAL_YEARS,
            ),
            make_filters=facilities.UpgradeFilters,
            listing=facilities.upgrades_listing,
            shape=FACILITY_UPGRADE_RECORD,
        ),
        BulkKind(
            name="policy-milestones",
            parse=milestone_imports.parse,
            run_import=milestone_imports.import_milestones,
            filters=(
                PROGRAM,
                PARTNER,
                Filter("kind", "kind of policy milestone", choices=MilestoneKind),
                *FISCAL_YEARS,
            ),
            make_filters=gdrp.GdrpFilters,
            listing=gdrp.milestones_listing,
            shape=MILESTONE_RECORD,
        ),
        BulkKind(
            name="cwd-teams",
            parse=team_imports.parse,
            run_import=team_imports.import_teams,
            filters=(
                PARTNER,
                PROGRAM,
                PROJECT,
                Filter("activity", "what the team does", choices=Activity),
                Filter("composition", "the team's composition as of today", choices=Composition),
            ),
            make_filters=cwd.TeamFilters,
            listing=cwd.teams_listing,
            shape=TEAM_RECORD,
        ),
    )
}
