"""Snapshot representations (snapshots are created from a CSV body, never from JSON)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from app.core.schemas import ReadModel


class SnapshotRead(ReadModel):
    id: int
    reporting_date: date = Field(description="The latest Last_Reporting_Date in the file")
    checksum: str = Field(description="SHA-256 of the file as uploaded (hex)")
    row_count: int = Field(description="Data rows in the file")
    contribution_count: int = Field(
        description="Stored rows: the file aggregated per country, mission and personnel type"
    )
    uploaded_at: datetime
