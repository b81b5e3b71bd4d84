"""Snapshot representations (snapshots are created from a CSV file, never from JSON)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import ReadModel


class SkippedRow(BaseModel):
    """A row left out because its code is no country (`#N/A`, `BDS`), as it was in the file."""

    row: int = Field(description="Data row in the file, numbered from 1 after the header")
    code: str = Field(description="The ISOCode3 cell as written")
    country: str | None = Field(description="The Contributing_Country cell, if the file has one")
    mission: str
    personnel_type: str
    male: int
    female: int
    reporting_date: date


class SnapshotSummary(ReadModel):
    id: int
    reporting_date: date = Field(
        description="The month's latest Last_Reporting_Date: the date the snapshot is as of"
    )
    reporting_dates: list[date] = Field(
        description="Every Last_Reporting_Date of the month's rows, earliest first: a month "
        "reported on more than one day (the 30th and the 31st) is one snapshot holding them all"
    )
    checksum: str = Field(
        description="SHA-256 (hex) of the file as uploaded; shared by every month of the file"
    )
    row_count: int = Field(description="Data rows of this month in the file, skipped ones included")
    contribution_count: int = Field(
        description="Stored rows: the month aggregated per country, mission and personnel type"
    )
    skipped_count: int = Field(description="Rows of this month left out: code is no country")
    uploaded_at: datetime


class SnapshotRead(SnapshotSummary):
    skipped_rows: list[SkippedRow] = Field(description="The rows left out, in file order")


class UploadedSnapshot(SnapshotSummary):
    created: bool = Field(
        description="false: this month of these exact bytes was stored before (that snapshot)"
    )


class SnapshotUpload(BaseModel):
    """The answer to an upload: a snapshot per month of the file, earliest first."""

    checksum: str = Field(description="SHA-256 (hex) of the file as uploaded")
    created: bool = Field(description="At least one snapshot is new")
    row_count: int = Field(description="Data rows in the file")
    skipped_count: int = Field(description="Rows left out because their code is no country")
    skipped_rows: list[SkippedRow]
    snapshots: list[UploadedSnapshot]


# A snapshot in CSV: its fields, then one line per skipped row (`skipped_rows.code`, ...).
SNAPSHOT_RECORD = records.RecordShape(
    *map(
        records.Field,
        (
            "id",
            "reporting_date",
            "reporting_dates",
            "checksum",
            "row_count",
            "contribution_count",
            "skipped_count",
            "uploaded_at",
        ),
    ),
    children=records.Children(
        "skipped_rows",
        source="skipped_rows",
        shape=records.RecordShape(
            *(
                records.Field(f"skipped_rows.{name}", source=name)
                for name in SkippedRow.model_fields
            )
        ),
    ),
)
SNAPSHOTS = CsvListing(SnapshotRead, SNAPSHOT_RECORD, "snapshots.csv")
