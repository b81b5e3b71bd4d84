"""Bulk import and export of obligations: JSON arrays or CSV with the list export's columns.

The flow (check all, then write all or nothing, one audit event) is app.core.bulk. The
upsert key is (program, source_ref). The schema does not make it unique (single records may
share a reference, e.g. lines of one funding document), so the import enforces it: a
reference may appear once per program in a file, and must match at most one stored record of
that program (else that row is refused as ambiguous). Records without a source_ref are always
created. Imports of obligations run one at a time, so two cannot create the same key twice.
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
from app.core.security import Principal
from app.funding.models import Obligation, ObligationPurpose
from app.funding.schemas import OBLIGATION_RECORD, ObligationCreate, Purpose
from app.partners.service import partner_codes
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, check_project, project_refs

OBLIGATIONS = cast(Table, Obligation.__table__)
PURPOSES = cast(Table, ObligationPurpose.__table__)

REQUIRED_COLUMNS = ("program", "fiscal_year", "amount_usd")


# Parsing


def parse(body: bytes, *, csv_body: bool) -> Parsed[Record]:
    return bulk.parse_records(
        body,
        csv_body=csv_body,
        noun="obligations",
        shape=OBLIGATION_RECORD,
        required=REQUIRED_COLUMNS,
        convert=_cell_value,
    )


def _cell_value(column: str, value: str) -> Any:
    if column == "fiscal_year":
        return bulk.int_cell(value)
    if column == "purposes":
        return bulk.list_cell(value)
    return value  # amount_usd stays a string: Decimal("0.10") is exact


# The importer


@dataclass(slots=True)
class Valid:
    body: ObligationCreate
    program_id: int
    partner_id: int | None
    project_id: int | None

    def columns(self) -> dict[str, Any]:
        resolved = {
            "program_id": self.program_id,
            "partner_id": self.partner_id,
            "project_id": self.project_id,
        }
        return OBLIGATION_RECORD.values(self.body, resolved)

    def purposes(self) -> frozenset[Purpose]:
        return frozenset(self.body.purposes)


class ObligationImporter(bulk.Importer[Record, Valid, Obligation]):
    resource_type = "obligation"
    key_field = "source_ref"
    model = Obligation
    key_columns = (Obligation.program_id, Obligation.source_ref)

    def __init__(self) -> None:
        self.programs: dict[str, int] = {}
        self.partners: dict[str, tuple[int, str]] = {}
        self.projects: ProjectRefs = {}

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)
        self.projects = await project_refs(session)

    def check(self, rec: Record) -> Valid | list[RowError]:
        try:
            body = ObligationCreate.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)
        problems: list[tuple[str, str]] = []
        program_id = self.programs.get(body.program.upper())
        if program_id is None:
            problems.append(("/program", f"unknown program {body.program!r}"))
        partner_id = None
        if body.partner is not None:
            found = self.partners.get(body.partner.upper())
            if found is None:
                problems.append(("/partner", f"unknown country code {body.partner!r}"))
            else:
                partner_id = found[0]
        project_id, problem = check_project(body.project, program_id, self.projects)
        if problem is not None:
            problems.append(problem)
        if problems or program_id is None:
            return self.errors_at(rec, problems)
        return Valid(body, program_id, partner_id, project_id)

    def key(self, item: Valid) -> Hashable | None:
        if item.body.source_ref is None:
            return None
        return (item.program_id, item.body.source_ref)

    def stored_key(self, stored: Obligation) -> Hashable | None:
        return None if stored.source_ref is None else (stored.program_id, stored.source_ref)

    def stored(self) -> Select[Obligation]:
        return select(Obligation).options(selectinload(Obligation.purpose_rows))

    def same(self, stored: Obligation, item: Valid) -> bool:
        return OBLIGATION_RECORD.same(stored, item.columns()) and (
            frozenset(row.purpose for row in stored.purpose_rows) == item.purposes()
        )

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, Valid]],
        updates: list[tuple[Obligation, Valid]],
        progress: Progress | None,
    ) -> None:
        for chunk in bulk.chunks(creates, "creating", progress):
            ids = await bulk.insert_returning_ids(
                session, OBLIGATIONS, [(given, item.columns()) for given, item in chunk]
            )
            await _insert_purposes(
                session, [(new, item) for new, (_, item) in zip(ids, chunk, strict=True)]
            )
        for pairs in bulk.chunks(updates, "updating", progress):
            ids = [stored.id for stored, _ in pairs]
            await bulk.update_by_id(
                session, OBLIGATIONS, [(stored.id, item.columns()) for stored, item in pairs]
            )
            await session.execute(delete(PURPOSES).where(ObligationPurpose.obligation_id.in_(ids)))
            await _insert_purposes(session, [(stored.id, item) for stored, item in pairs])


async def _insert_purposes(session: AsyncSession, pairs: Sequence[tuple[int, Valid]]) -> None:
    rows = [
        {"obligation_id": obligation_id, "purpose": purpose}
        for obligation_id, item in pairs
        for purpose in sorted(item.purposes())
    ]
    if rows:
        await session.execute(insert(PURPOSES), rows)


async def import_obligations(
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
        ObligationImporter(),
        parsed,
        dry_run=dry_run,
        audit=record,
        progress=progress,
    )
