"""Query and header parameters that many routes share."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, Query

from app.core.pagination import PageParams, page_params

UpdatedSince = Annotated[
    datetime | None,
    Query(description="Only records changed at or after this instant (ISO 8601)"),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description="The ETag last read; required"),
]
Paging = Annotated[PageParams, Depends(page_params)]
