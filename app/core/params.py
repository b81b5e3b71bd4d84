"""Query and header parameters that many routes share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import Depends, Header, Query
from pydantic import AfterValidator

from app.core.pagination import PageParams, page_params


def _in_utc(value: datetime) -> datetime:
    """Naive instants are UTC; one that leaves the calendar in UTC (9999-12-31T23:00-14:00)
    is the client's error, not a 500 when the database driver converts it."""
    try:
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    except OverflowError:
        raise ValueError("instant out of the supported range") from None


Instant = Annotated[datetime, AfterValidator(_in_utc)]
UpdatedSince = Annotated[
    Instant | None,
    Query(description="Only records changed at or after this instant (ISO 8601)"),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description="The ETag last read; required"),
]
Paging = Annotated[PageParams, Depends(page_params)]
OutputFormat = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="`csv` answers text/csv (as does `Accept: text/csv`)"),
]
