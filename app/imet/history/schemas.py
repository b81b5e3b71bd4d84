"""IMET history bodies and representations, and the record's fields for CSV and import."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    CountryCode,
    FiscalYear,
    InputModel,
    Name,
    PartnerOf,
    ReadModel,
    ShortText,
    UpdateOf,
)
from app.trainings.schemas import Count


class ImetHistoryCreate(InputModel):
    fiscal_year: FiscalYear
    partner: CountryCode = Field(description="Alpha-3 or alpha-2")
    women: Count = Field(description="Women who completed IMET training that year")
    men: Count = Field(description="Men who completed IMET training that year")
    source: Name = Field(description="Where the figures come from, e.g. a data call")
    source_ref: ShortText | None = None

    example = {
        "fiscal_year": 2016,
        "partner": "KEN",
        "women": 3,
        "men": 41,
        "source": "DSCA IMET completions data call, FY2016",
        "source_ref": "DC-2016-KEN",
    }


class ImetHistoryUpdate(UpdateOf, create=ImetHistoryCreate):
    example = {"women": 4, "source_ref": "DC-2016-KEN-rev1"}


class ImetHistoryRead(ReadModel):
    id: int
    fiscal_year: int
    partner: PartnerOf
    women: int
    men: int
    source: str
    source_ref: str | None
    created_at: datetime
    updated_at: datetime


# One record's fields, in CSV order (the list export and the import's columns).
IMET_HISTORY_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("fiscal_year"),
    records.PARTNER,
    records.Field("women"),
    records.Field("men"),
    records.Field("source"),
    records.Field("source_ref"),
    *records.TIMESTAMPS,
)
IMET_HISTORY = CsvListing(
    ImetHistoryRead, IMET_HISTORY_RECORD, "imet-history.csv", path="/api/v1/imet-history/{id}"
)
