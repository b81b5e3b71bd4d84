"""Bulk import of policy milestones: JSON arrays or CSV with the list export's columns.

The flow (check all, then write all or nothing, one audit event) is app.core.bulk. The upsert
key is (partner, external_ref); rows without a reference are created. A row's engagement
must be of the row's partner, as for a single POST.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import Select, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.core import bulk
from app.core.bulk import Parsed, Progress, Record, RowError
from app.core.fiscal_year import fiscal_year
from app.core.security import Principal
from app.gdrp import rollup
from app.gdrp.models import AdvisoryEngagement, PolicyMilestone
from app.gdrp.schemas import MILESTONE_RECORD, MilestoneCreate
from app.gdrp.service import engagement_problem
from app.partners.service import partner_codes
from app.programs.service import program_ids

MILESTONES = cast(Table, PolicyMilestone.__table__)

REQUIRED_COLUMNS = ("partner", "program", "kind", "title", "adopted_on")


def parse(body: bytes, *, csv_body: bool) -> Parsed[Record]:
    return bulk.parse_records(
        body,
        csv_body=csv_body,
        noun="policy milestones",
        shape=MILESTONE_RECORD,
        required=REQUIRED_COLUMNS,
        convert=_cell_value,
    )


def _cell_value(column: str, value: str) -> Any:
    return bulk.int_cell(value) if column == "engagement" else value


@dataclass(slots=True)
class Valid:
    body: MilestoneCreate
    partner_id: int
    program_id: int

    def columns(self) -> dict[str, Any]:
        resolved = {
            "partner_id": self.partner_id,
            "program_id": self.program_id,
            "fiscal_year": fiscal_year(self.body.adopted_on),
            "engagement_id": self.body.engagement,
        }
        return MILESTONE_RECORD.values(self.body, resolved)


class MilestoneImporter(bulk.Importer[Record, Valid, PolicyMilestone]):
    resource_type = "policy_milestone"
    key_field = "external_ref"
    model = PolicyMilestone
    key_columns = (PolicyMilestone.partner_id, PolicyMilestone.external_ref)

    def __init__(self) -> None:
        self.programs: dict[str, int] = {}
        self.partners: dict[str, tuple[int, str]] = {}
        self.engagements: dict[int, int] = {}

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)
        rows = await session.execute(select(AdvisoryEngagement.id, AdvisoryEngagement.partner_id))
        self.engagements = {engagement_id: partner_id for engagement_id, partner_id in rows.all()}

    def check(self, rec: Record) -> Valid | list[RowError]:
        try:
            body = MilestoneCreate.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)
        problems: list[tuple[str, str]] = []
        partner = self.partners.get(body.partner.upper())
        if partner is None:
            problems.append(("/partner", f"unknown country code {body.partner!r}"))
        program_id = self.programs.get(body.program.upper())
        if program_id is None:
            problems.append(("/program", f"unknown program {body.program!r}"))
        if partner is not None and body.engagement is not None:
            found = self.engagements.get(body.engagement)
            if (problem := engagement_problem(partner[0], partner[1], found)) is not None:
                problems.append(("/engagement", problem))
        if problems or partner is None or program_id is None:
            return self.errors_at(rec, problems)
        return Valid(body, partner[0], program_id)

    def key(self, item: Valid) -> Hashable | None:
        ref = item.body.external_ref
        return None if ref is None else (item.partner_id, ref)

    def stored_key(self, stored: PolicyMilestone) -> Hashable | None:
        ref = stored.external_ref
        return None if ref is None else (stored.partner_id, ref)

    def stored(self) -> Select[PolicyMilestone]:
        return select(PolicyMilestone)

    def same(self, stored: PolicyMilestone, item: Valid) -> bool:
        return MILESTONE_RECORD.same(stored, item.columns())

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, Valid]],
        updates: list[tuple[PolicyMilestone, Valid]],
        progress: Progress | None,
    ) -> None:
        # The rollup: what the stored milestones gave before, what every written one gives after.
        change = await rollup.Change(session, [stored.id for stored, _ in updates]).before()
        created: list[int] = []
        for chunk in bulk.chunks(creates, "creating", progress):
            created += await bulk.insert_returning_ids(
                session, MILESTONES, [(given, item.columns()) for given, item in chunk]
            )
        for pairs in bulk.chunks(updates, "updating", progress):
            await bulk.update_by_id(
                session, MILESTONES, [(stored.id, item.columns()) for stored, item in pairs]
            )
        await change.after(created)


async def import_milestones(
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
        MilestoneImporter(),
        parsed,
        dry_run=dry_run,
        audit=record,
        progress=progress,
    )
