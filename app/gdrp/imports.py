"""Bulk import of policy milestones: JSON arrays or CSV with the list export's columns.

The flow (check all, write all or nothing, one change per record written) is app.core.bulk. The
upsert key is (partner, external_ref); rows without a reference are created. A row's engagement must
be of the row's partner, as for a single POST.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record_many
from app.core import bulk
from app.core.fiscal_year import fiscal_year
from app.gdrp import rollup as milestones_rollup
from app.gdrp.models import AdvisoryEngagement, PolicyMilestone
from app.gdrp.schemas import MILESTONE_RECORD, MilestoneCreate
from app.gdrp.service import engagement_problem
from app.partners.service import partner_codes
from app.programs.service import program_ids

parse = bulk.records_parser(
    "policy milestones",
    MILESTONE_RECORD,
    required=("partner", "program", "kind", "title", "adopted_on"),
    ints=("engagement",),
    dates=("adopted_on",),
)


@dataclass(slots=True)
class Valid:
    body: MilestoneCreate
    partner_id: int
    program_id: int
    partner: str  # alpha-3, for the audit details

    def columns(self) -> dict[str, Any]:
        resolved = {
            "partner_id": self.partner_id,
            "program_id": self.program_id,
            "fiscal_year": fiscal_year(self.body.adopted_on),
            "engagement_id": self.body.engagement,
        }
        return MILESTONE_RECORD.values(self.body, resolved)


class MilestoneImporter(bulk.Importer[bulk.Record, Valid, PolicyMilestone]):
    resource_type = "policy_milestone"
    body_type = MilestoneCreate
    shape = MILESTONE_RECORD
    key_columns = (PolicyMilestone.partner_id, PolicyMilestone.external_ref)
    rollup = milestones_rollup.Change

    programs: dict[str, int]
    partners: dict[str, tuple[int, str]]
    engagements: dict[int, int]

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)
        rows = await session.execute(select(AdvisoryEngagement.id, AdvisoryEngagement.partner_id))
        self.engagements = {engagement_id: partner_id for engagement_id, partner_id in rows.all()}

    def resolve(self, body: MilestoneCreate, problems: bulk.Problems) -> Valid | None:
        partner = problems.partner(self.partners, body.partner)
        program_id = problems.program(self.programs, body.program)
        if partner is not None and body.engagement is not None:
            found = self.engagements.get(body.engagement)
            if (problem := engagement_problem(partner[0], partner[1], found)) is not None:
                problems.append(("/engagement", problem))
        if partner is None or program_id is None:
            return None
        return Valid(body, partner[0], program_id, partner[1])

    def details(self, item: Valid) -> dict[str, Any]:
        return {
            "partner": item.partner,
            "program": item.body.program.upper(),
            "kind": str(item.body.kind),
            "fiscal_year": fiscal_year(item.body.adopted_on),
        }

    def readers(self, item: Valid) -> Iterable[int]:
        return (item.partner_id,)


import_milestones = bulk.importing(MilestoneImporter, record_many)
