"""Bulk import and export of obligations: JSON arrays or CSV with the list export's columns.

The flow (check all, write all or nothing, one change per record written) is app.core.bulk. The
upsert key is (program, source_ref). The schema does not make it unique (single records may share a
reference, e.g. lines of one funding document), so the import enforces it: a reference may appear
once per program in a file, and must match at most one stored record of that program (else that row
is refused as ambiguous). Records without a source_ref are always created. Imports of obligations
run one at a time, so two cannot create the same key twice.
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
from app.funding.models import Obligation, ObligationPurpose
from app.funding.schemas import OBLIGATION_RECORD, ObligationCreate, Purpose
from app.partners.service import partner_codes
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, check_project, project_refs

PURPOSES = cast(Table, ObligationPurpose.__table__)

parse = bulk.records_parser(
    "obligations",
    OBLIGATION_RECORD,
    required=("program", "fiscal_year", "amount_usd"),
    ints=("fiscal_year",),
    lists=("purposes",),
    amounts=("amount_usd",),
)


# The importer


@dataclass(slots=True)
class Valid:
    body: ObligationCreate
    program_id: int
    partner_id: int | None
    project_id: int | None
    partner: str | None  # alpha-3, for the audit details

    def columns(self) -> dict[str, Any]:
        resolved = {
            "program_id": self.program_id,
            "partner_id": self.partner_id,
            "project_id": self.project_id,
        }
        return OBLIGATION_RECORD.values(self.body, resolved)

    def purposes(self) -> frozenset[Purpose]:
        return frozenset(self.body.purposes)


class ObligationImporter(bulk.Importer[bulk.Record, Valid, Obligation]):
    resource_type = "obligation"
    body_type = ObligationCreate
    shape = OBLIGATION_RECORD
    key_columns = (Obligation.program_id, Obligation.source_ref)
    children = ((PURPOSES, "obligation_id"),)

    programs: dict[str, int]
    partners: dict[str, tuple[int, str]]
    projects: ProjectRefs

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)
        self.projects = await project_refs(session)

    def resolve(self, body: ObligationCreate, problems: bulk.Problems) -> Valid | None:
        program_id = problems.program(self.programs, body.program)
        partner: tuple[int | None, str | None] | None = (None, None)
        if body.partner is not None:
            partner = problems.partner(self.partners, body.partner)
        project_id = problems.noted(check_project(body.project, program_id, self.projects))
        if program_id is None or partner is None:
            return None
        return Valid(body, program_id, partner[0], project_id, partner[1])

    def stored(self) -> Select[Obligation]:
        return select(Obligation).options(selectinload(Obligation.purpose_rows))

    def children_changed(self, stored: Obligation, item: Valid) -> list[str]:
        purposes = frozenset(row.purpose for row in stored.purpose_rows)
        return [] if purposes == item.purposes() else ["purposes"]

    def created_fields(self, item: Valid) -> list[str]:
        return sorted(item.body.model_fields_set | {"type"})

    def details(self, item: Valid) -> dict[str, Any]:
        return {
            "type": item.body.type,
            "program": item.body.program.upper(),
            "fiscal_year": item.body.fiscal_year,
            "partner": item.partner,
        }

    def readers(self, item: Valid) -> Iterable[int]:
        return () if item.partner_id is None else (item.partner_id,)

    async def insert_children(
        self, session: AsyncSession, pairs: Sequence[tuple[int, Valid]]
    ) -> None:
        rows = [
            {"obligation_id": obligation_id, "purpose": purpose}
            for obligation_id, item in pairs
            for purpose in sorted(item.purposes())
        ]
        if rows:
            await session.execute(insert(PURPOSES), rows)


import_obligations = bulk.importing(ObligationImporter, record_many)
