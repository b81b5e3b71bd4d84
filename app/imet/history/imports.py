"""Bulk import and export of IMET history: JSON arrays or CSV with the list export's columns.

The flow (check all, write all or nothing, one change per record written) is app.core.bulk. The
upsert key is (partner, fiscal_year), unique in the table, so a round trip through an export changes
nothing. A row for a partner's year that has completed nominations is refused
(app/imet/coverage.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record_many
from app.core import bulk
from app.core.errors import Conflict
from app.imet.coverage import covered_by_nominations, nominations_message
from app.imet.history.models import ImetHistory
from app.imet.history.schemas import IMET_HISTORY_RECORD, ImetHistoryCreate
from app.partners.service import lock_partners, partner_codes

parse = bulk.records_parser(
    "IMET history",
    IMET_HISTORY_RECORD,
    required=("fiscal_year", "partner", "women", "men", "source"),
    ints=("fiscal_year", "women", "men"),
)


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


class ImetHistoryImporter(bulk.Importer[bulk.Record, Valid, ImetHistory]):
    resource_type = "imet_history"
    body_type = ImetHistoryCreate
    shape = IMET_HISTORY_RECORD
    key_columns = (ImetHistory.partner_id, ImetHistory.fiscal_year)

    partners: dict[str, tuple[int, str]]
    completed: dict[tuple[int, int], int]

    async def prepare(self, session: AsyncSession) -> None:
        self.partners = await partner_codes(session)
        self.completed = await covered_by_nominations(session)

    def resolve(self, body: ImetHistoryCreate, problems: bulk.Problems) -> Valid | None:
        found = problems.partner(self.partners, body.partner)
        if found is None:
            return None
        item = Valid(body, *found)
        if (completed := self.completed.get(item.pair)) is not None:
            message = nominations_message(item.partner, body.fiscal_year, completed)
            problems.append(("/fiscal_year", message))
        return item

    def details(self, item: Valid) -> dict[str, Any]:
        return {"partner": item.partner, "fiscal_year": item.body.fiscal_year}

    def readers(self, item: Valid) -> Iterable[int]:
        return (item.partner_id,)

    async def refuse(self, session: AsyncSession, plan: bulk.Plan[Valid, ImetHistory]) -> None:
        items = [item for _, item in plan.creates] + [item for _, item in plan.updates]
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


import_history = bulk.importing(ImetHistoryImporter, record_many)
