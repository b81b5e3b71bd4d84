"""Small-number suppression applied to a report of counts: the one step each such report takes
after computing its figures (the report declares its `CountTable`; app/core/suppression.py
decides what to withhold)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from app.core.suppression import CountTable, suppression_method

Report = TypeVar("Report", bound=BaseModel)


def _as_dict(line: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    return line.model_dump() if isinstance(line, BaseModel) else dict(line)


def suppress(
    report: Report,
    table: CountTable,
    k: int | None,
    rows: Sequence[BaseModel] | Sequence[Mapping[str, Any]],
    totals: BaseModel | None,
) -> Report:
    """The report answered under threshold `k` (unchanged without one): its rows and totals
    withheld as `table` says, `filters.suppress_below` echoing k, the method saying how."""
    if k is None:
        return report
    shown, shown_totals = table.apply(
        [_as_dict(r) for r in rows], None if totals is None else _as_dict(totals), k
    )
    row_type = type(rows[0]) if rows and isinstance(rows[0], BaseModel) else None
    update: dict[str, Any] = {
        "filters": report.filters.model_copy(update={"suppress_below": k}),  # type: ignore[attr-defined]
        "method": report.method + suppression_method(k),  # type: ignore[attr-defined]
        "rows": [row_type.model_validate(r) for r in shown] if row_type else shown,
    }
    if totals is not None:
        update["totals"] = type(totals).model_validate(shown_totals)
    return report.model_copy(update=update)
