"""Bulk import of facility upgrades: JSON arrays or CSV with the list export's columns.

The flow (check all, then write all or nothing, one audit event) is app.core.bulk. The upsert
key is (program, external_ref); rows without a reference are created. A stored upgrade's
status moves only as the workflow allows (409 for the whole file otherwise).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import Select, Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record
from app.core import bulk
from app.core.bulk import Parsed, Progress, Record, RowError
from app.core.errors import Conflict
from app.core.fiscal_year import fiscal_year
from app.core.security import Principal
from app.facilities import rollup, workflow
from app.facilities.models import FacilityUpgrade, TrainingCenter, UpgradeFeature
from app.facilities.schemas import FACILITY_UPGRADE_RECORD, FacilityUpgradeCreate
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, check_project, project_refs

UPGRADES = cast(Table, FacilityUpgrade.__table__)
FEATURES = cast(Table, UpgradeFeature.__table__)

REQUIRED_COLUMNS = ("training_center", "program", "features")


def parse(body: bytes, *, csv_body: bool) -> Parsed[Record]:
    return bulk.parse_records(
        body,
        csv_body=csv_body,
        noun="facility upgrades",
        shape=FACILITY_UPGRADE_RECORD,
        required=REQUIRED_COLUMNS,
        convert=_cell_value,
    )


def _cell_value(column: str, value: str) -> Any:
    if column == "women_beds_added":
        return bulk.int_cell(value)
    if column == "features":
        return bulk.list_cell(value)
    return value  # cost_usd stays a string: Decimal("0.10") is exact


@dataclass(slots=True)
class Valid:
    body: FacilityUpgradeCreate
    center_id: int
    program_id: int
    project_id: int | None

    def columns(self) -> dict[str, Any]:
        done = self.body.completed_on
        resolved = {
            "training_center_id": self.center_id,
            "program_id": self.program_id,
            "project_id": self.project_id,
            "fiscal_year": fiscal_year(done) if done is not None else None,
        }
        return FACILITY_UPGRADE_RECORD.values(self.body, resolved)


class UpgradeImporter(bulk.Importer[Record, Valid, FacilityUpgrade]):
    resource_type = "facility_upgrade"
    key_field = "external_ref"
    model = FacilityUpgrade
    key_columns = (FacilityUpgrade.program_id, FacilityUpgrade.external_ref)

    def __init__(self) -> None:
        self.programs: dict[str, int] = {}
        self.centers: dict[str, int] = {}
        self.projects: ProjectRefs = {}

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.projects = await project_refs(session)
        rows = await session.execute(select(TrainingCenter.code, TrainingCenter.id))
        self.centers = {code: center_id for code, center_id in rows.all()}

    def check(self, rec: Record) -> Valid | list[RowError]:
        try:
            body = FacilityUpgradeCreate.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)
        problems: list[tuple[str, str]] = []
        center_id = self.centers.get(body.training_center.upper())
        if center_id is None:
            problems.append(
                ("/training_center", f"unknown training center {body.training_center!r}")
            )
        program_id = self.programs.get(body.program.upper())
        if program_id is None:
            problems.append(("/program", f"unknown program {body.program!r}"))
        project_id, project_problem = check_project(body.project, program_id, self.projects)
        if project_problem is not None:
            problems.append(project_problem)
        if (problem := workflow.completion_problem(body.status, body.completed_on)) is not None:
            problems.append(("/completed_on", problem))
        if problems or center_id is None or program_id is None:
            return self.errors_at(rec, problems)
        return Valid(body, center_id, program_id, project_id)

    def key(self, item: Valid) -> Hashable | None:
        ref = item.body.external_ref
        return None if ref is None else (item.program_id, ref)

    def stored_key(self, stored: FacilityUpgrade) -> Hashable | None:
        ref = stored.external_ref
        return None if ref is None else (stored.program_id, ref)

    def stored(self) -> Select[FacilityUpgrade]:
        return select(FacilityUpgrade).options(selectinload(FacilityUpgrade.feature_rows))

    def same(self, stored: FacilityUpgrade, item: Valid) -> bool:
        return FACILITY_UPGRADE_RECORD.same(stored, item.columns()) and (
            stored.features == item.body.features
        )

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, Valid]],
        updates: list[tuple[FacilityUpgrade, Valid]],
        progress: Progress | None,
    ) -> None:
        refused = [
            (stored.id, text)
            for stored, item in updates
            if (text := workflow.refused_move(stored.status, item.body.status)) is not None
        ]
        if refused:
            upgrade_id, text = refused[0]
            raise Conflict(
                f"facility upgrade {upgrade_id}: {text}; nothing was imported",
                rule=workflow.RULE,
                conflicts=[{"id": i, "detail": t} for i, t in refused],
            )
        # The rollup: what the stored upgrades gave before, what every written one gives after.
        change = await rollup.Change(session, [stored.id for stored, _ in updates]).before()
        created: list[int] = []
        for chunk in bulk.chunks(creates, "creating", progress):
            ids = await bulk.insert_returning_ids(
                session, UPGRADES, [(given, item.columns()) for given, item in chunk]
            )
            created += ids
            await _insert_features(
                session, [(new, item) for new, (_, item) in zip(ids, chunk, strict=True)]
            )
        for pairs in bulk.chunks(updates, "updating", progress):
            ids = [stored.id for stored, _ in pairs]
            await bulk.update_by_id(
                session, UPGRADES, [(stored.id, item.columns()) for stored, item in pairs]
            )
            await session.execute(delete(FEATURES).where(UpgradeFeature.upgrade_id.in_(ids)))
            await _insert_features(session, [(stored.id, item) for stored, item in pairs])
        await change.after(created)


async def _insert_features(session: AsyncSession, pairs: Sequence[tuple[int, Valid]]) -> None:
    rows = [
        {"upgrade_id": upgrade_id, "feature": feature}
        for upgrade_id, item in pairs
        for feature in item.body.features
    ]
    if rows:
        await session.execute(insert(FEATURES), rows)


async def import_upgrades(
    session: AsyncSession,
    actor: Principal | None,
    parsed: Parsed[Record],
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> bulk.ImportSummary:
    return await bulk.run_import(
        session,
        actor,
        UpgradeImporter(),
        parsed,
        dry_run=dry_run,
        audit=record,
        progress=progress,
    )
