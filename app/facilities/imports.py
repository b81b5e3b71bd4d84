"""Bulk import of facility upgrades: JSON arrays or CSV with the list export's columns.

The flow (check all, write all or nothing, one change per record written) is app.core.bulk. The
upsert key is (program, external_ref); rows without a reference are created. A stored upgrade's
status moves only as the workflow allows (409 for the whole file otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record_many
from app.core import bulk
from app.core.errors import Conflict
from app.core.fiscal_year import fiscal_year
from app.facilities import rollup as upgrades_rollup
from app.facilities import workflow
from app.facilities.models import FacilityUpgrade, TrainingCenter, UpgradeFeature
from app.facilities.schemas import FACILITY_UPGRADE_RECORD, FacilityUpgradeCreate
from app.partners.models import Partner
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, check_project, project_refs

FEATURES = cast(Table, UpgradeFeature.__table__)

parse = bulk.records_parser(
    "facility upgrades",
    FACILITY_UPGRADE_RECORD,
    required=("training_center", "program", "features"),
    ints=("women_beds_added",),
    lists=("features",),
    dates=("completed_on",),
    amounts=("cost_usd",),
)


@dataclass(slots=True)
class Center:
    id: int
    code: str
    partner_id: int
    partner: str  # alpha-3, for the audit details


@dataclass(slots=True)
class Valid:
    body: FacilityUpgradeCreate
    center: Center
    program_id: int
    project_id: int | None

    def columns(self) -> dict[str, Any]:
        done = self.body.completed_on
        resolved = {
            "training_center_id": self.center.id,
            "program_id": self.program_id,
            "project_id": self.project_id,
            "fiscal_year": fiscal_year(done) if done is not None else None,
        }
        return FACILITY_UPGRADE_RECORD.values(self.body, resolved)


class UpgradeImporter(bulk.Importer[bulk.Record, Valid, FacilityUpgrade]):
    resource_type = "facility_upgrade"
    body_type = FacilityUpgradeCreate
    shape = FACILITY_UPGRADE_RECORD
    key_columns = (FacilityUpgrade.program_id, FacilityUpgrade.external_ref)
    children = ((FEATURES, "upgrade_id"),)
    rollup = upgrades_rollup.Change

    programs: dict[str, int]
    centers: dict[str, Center]
    projects: ProjectRefs

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.projects = await project_refs(session)
        rows = await session.execute(
            select(
                TrainingCenter.id,
                TrainingCenter.code,
                TrainingCenter.partner_id,
                Partner.code,
            ).join(Partner, Partner.id == TrainingCenter.partner_id)
        )
        self.centers = {row[1]: Center(*row) for row in rows.all()}

    def resolve(self, body: FacilityUpgradeCreate, problems: bulk.Problems) -> Valid | None:
        center = problems.look_up(
            self.centers, body.training_center, "/training_center", "unknown training center"
        )
        program_id = problems.program(self.programs, body.program)
        project_id = problems.noted(check_project(body.project, program_id, self.projects))
        if (problem := workflow.completion_problem(body.status, body.completed_on)) is not None:
            problems.append(("/completed_on", problem))
        if center is None or program_id is None:
            return None
        return Valid(body, center, program_id, project_id)

    def stored(self) -> Select[FacilityUpgrade]:
        return select(FacilityUpgrade).options(selectinload(FacilityUpgrade.feature_rows))

    def children_changed(self, stored: FacilityUpgrade, item: Valid) -> list[str]:
        return [] if stored.features == item.body.features else ["features"]

    def created_fields(self, item: Valid) -> list[str]:
        return sorted(item.body.model_fields_set | {"status"})

    def details(self, item: Valid) -> dict[str, Any]:
        done = item.body.completed_on
        return {
            "training_center": item.center.code,
            "partner": item.center.partner,
            "program": item.body.program.upper(),
            "status": str(item.body.status),
            "fiscal_year": fiscal_year(done) if done is not None else None,
        }

    def readers(self, item: Valid) -> Iterable[int]:
        return (item.center.partner_id,)

    async def insert_children(
        self, session: AsyncSession, pairs: Sequence[tuple[int, Valid]]
    ) -> None:
        rows = [
            {"upgrade_id": upgrade_id, "feature": feature}
            for upgrade_id, item in pairs
            for feature in item.body.features
        ]
        if rows:
            await session.execute(insert(FEATURES), rows)

    async def refuse(self, session: AsyncSession, plan: bulk.Plan[Valid, FacilityUpgrade]) -> None:
        refused = [
            (stored.id, text)
            for stored, item in plan.updates
            if (text := workflow.refused_move(stored.status, item.body.status)) is not None
        ]
        if refused:
            upgrade_id, text = refused[0]
            raise Conflict(
                f"facility upgrade {upgrade_id}: {text}; nothing was imported",
                rule=workflow.RULE,
                conflicts=[{"id": i, "detail": t} for i, t in refused],
            )


import_upgrades = bulk.importing(UpgradeImporter, record_many)
