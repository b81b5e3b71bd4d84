"""The fact sheet's answer: each headline figure of the PM Bureau's WPS fact sheet with its
value, the sentence it fills, and what it came from (the call that reproduces it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from app.core.schemas import FiltersOf
from app.indicators.schemas import ProgressStatus

FigureValue = int | float | str | None


class SnapshotInput(BaseModel):
    id: int
    reporting_date: date
    sha256: str


class FigureInputs(BaseModel):
    call: str = Field(description="The API call (GET, relative to the service) that answers it")
    snapshots: list[SnapshotInput] = Field(default_factory=list)
    records: dict[str, int] = Field(
        default_factory=dict, description="How many records of each kind the figure counts"
    )
    suppressed: list[str] = Field(
        default_factory=list, description="The report's withheld totals (suppress_below)"
    )
    suppressed_rows: int = Field(0, description="The report's rows with a withheld count")


class IndicatorStatus(BaseModel):
    code: str
    fiscal_year: int
    actual: str | None
    target: str | None
    pct_of_target: float | None
    status: ProgressStatus | None = Field(
        description="null only when withheld with the actual (suppress_below)"
    )


class Figure(BaseModel):
    id: str
    section: str
    value: FigureValue
    unit: str
    template: str = Field(description="The sentence, {value} where the figure goes")
    sentence: str
    period: str
    method: str
    inputs: FigureInputs
    indicator: IndicatorStatus | None = None
    target: str | None = None
    status: ProgressStatus | None = None
    stale: bool | None = Field(
        None, description="The source is older than the figure's period (null: undated source)"
    )
    reason: str | None = Field(None, description="Why the value is null")


class FactSheetFilters(FiltersOf):
    fiscal_year: int
    as_of: date
    suppress_below: int | None = None


class FactSheet(BaseModel):
    filters: FactSheetFilters
    method: str
    figures: list[Figure]


class FigureChange(BaseModel):
    id: str
    unit: str
    before: FigureValue
    after: FigureValue
    changed: bool
    sentence_before: str
    sentence_after: str
    moved_by: dict[str, dict[str, int]] = Field(
        description="Changes between the dates to the records the figure reads: record kind "
        "→ action (create, update, delete, ...) → how many"
    )


class FactSheetChangesFilters(BaseModel):
    from_: datetime = Field(alias="from")
    to: datetime
    fiscal_year: int

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class FactSheetChanges(BaseModel):
    filters: FactSheetChangesFilters
    method: str
    changes: dict[str, dict[str, int]] = Field(
        description="Every change recorded between the dates: record kind → action → how many"
    )
    snapshots_uploaded: list[SnapshotInput]
    figures: list[FigureChange]


def csv_rows(sheet: FactSheet) -> tuple[list[str], list[list[Any]]]:
    """One line per figure; the inputs flattened (snapshots as id:sha256, records as k=n)."""
    columns = [
        "id",
        "section",
        "value",
        "unit",
        "sentence",
        "period",
        "target",
        "status",
        "stale",
        "reason",
        "call",
        "snapshots",
        "records",
        "suppressed",
        "suppressed_rows",
        "method",
    ]
    rows = [
        [
            f.id,
            f.section,
            f.value,
            f.unit,
            f.sentence,
            f.period,
            f.target,
            f.status,
            f.stale,
            f.reason,
            f.inputs.call,
            ";".join(f"{s.id}:{s.sha256}" for s in f.inputs.snapshots),
            ";".join(f"{k}={n}" for k, n in f.inputs.records.items()),
            ";".join(f.inputs.suppressed),
            f.inputs.suppressed_rows,
            f.method,
        ]
        for f in sheet.figures
    ]
    return columns, rows
