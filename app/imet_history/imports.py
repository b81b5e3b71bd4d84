"""Bulk import and export of IMET history: JSON arrays or CSV with the list export's columns.

The flow (check all, then write all or nothing, one audit event) is app.core.bulk. The upsert
key is (partner, fiscal_year), unique in the table, so a round trip through an export changes
nothing. A row for a partner's year that has completed nominations is refused
(app/nominations/coverage.py).
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
from app.core.errors import Conflict
from app.core.security import Principal
from app.imet_history.models import ImetHistory
from app.imet_history.schemas import IMET_HISTORY_RECORD, ImetHistoryCreate
from app.nominations.coverage import covered_by_nominations, nominations_message
from app.partners.service import lock_partners, partner_codes

HISTORY = cast(Table, ImetHistory.__table__)

REQUIRED_COLUMNS = ("fiscal_year", "partner", "women", "men", "source")
INTEGER_COLUMNS = frozenset({"fiscal_year", "women", "men"})


# Parsing


def parse(body: bytes, *, csv_body: bool) -> Parsed[Record]:
    return bulk.parse_records(
        body,
        csv_body=csv_body,
        noun="IMET history",
        shape=IMET_HISTORY_RECORD,
        required=REQUIRED_COLUMNS,
        convert=_cell_value,
    )


def _cell_value(column: str, value: str) -> Any:
    return bulk.int_cell(value) if column in INTEGER_COLUMNS else value


# The importer


@dataclass(slots=True)
class Valid:
    body: ImetHistoryCreate
    partner_id: int
    partner: str  # alpha-3, for messages

    @property
    def pair(self) -> tuple[int, int]:
        return (self.partner_id, self.body.fiscal_year)

    def columns(self) -> dict[str, Any]:
        return IMET_HISTORY_RECORD.values(self.body, {"partner_id": self.partner_id})


class ImetHistoryImporter(bulk.Importer[Record, Valid, ImetHistory]):
    resource_type = "imet_history"
    key_field = "fiscal_year"
    model = ImetHistory
    key_columns = (ImetHistory.partner_id, ImetHistory.fiscal_year)

    def __init__(self) -> None:
        self.partners: dict[str, tuple[int, str]] = {}
        self.completed: dict[tuple[int, int], int] = {}

    async def prepare(self, session: AsyncSession) -> None:
        self.partners = await partner_codes(session)
        self.completed = await covered_by_nominations(session)

    def check(self, rec: Record) -> Valid | list[RowError]:
        try:
            body = ImetHistoryCreate.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)
        found = self.partners.get(body.partner.upper())
        if found is None:
            return self.errors_at(rec, [("/partner", f"unknown country code {body.partner!r}")])
        item = Valid(body, *found)
        if (completed := self.completed.get(item.pair)) is not None:
            message = nominations_message(item.partner, body.fiscal_year, completed)
            return self.errors_at(rec, [("/fiscal_year", message)])
        return item

    def key(self, item: Valid) -> Hashable:
        return item.pair

    def stored_key(self, stored: ImetHistory) -> Hashable:
        return (stored.partner_id, stored.fiscal_year)

    def stored(self) -> Select[ImetHistory]:
        return select(ImetHistory)

    def same(self, stored: ImetHistory, item: Valid) -> bool:
        return IMET_HISTORY_RECORD.same(stored, item.columns())

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, Valid]],
        updates: list[tuple[ImetHistory, Valid]],
        progress: Progress | None,
    ) -> None:
        items = [item for _, item in creates] + [item for _, item in updates]
        # Checked again under the partners' locks: a nomination completed since `prepare`.
        await lock_partners(session, (item.partner_id for item in items))
        completed = await covered_by_nominations(session)
        clashes = [item for item in items if item.pair in completed]
        if clashes:
            first = clashes[0]
            raise Conflict(
                nominations_message(first.partner, first.body.fiscal_year, completed[first.pair])
                + "; nothing was imported",
                conflicts=[
                    {"partner": c.partner, "fiscal_year": c.body.fiscal_year} for c in clashes
                ],
            )
        for chunk in bulk.chunks(creates, "creating", progress):
            await bulk.insert_returning_ids(
                session, HISTORY, [(given, item.columns()) for given, item in chunk]
            )
        for pairs in bulk.chunks(updates, "updating", progress):
            await bulk.update_by_id(
                session, HISTORY, [(stored.id, item.columns()) for stored, item in pairs]
            )


async def import_history(
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
        ImetHistoryImporter(),
        parsed,
        dry_run=dry_run,
        audit=record,
        progress=progress,
    )
