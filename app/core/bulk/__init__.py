"""Bulk import for every kind of record: parsing (`parse`), the check-then-write flow
(`flow`), chunked SQL (`sql`) and the HTTP helpers of import routes (`http`)."""

from app.core.bulk.flow import (
    CHUNK,
    MAX_LISTED_ERRORS,
    Importer,
    ImportSummary,
    Progress,
    locate,
    run_import,
)
from app.core.bulk.http import is_csv_request, request_body, summary_response
from app.core.bulk.parse import (
    LIST_SEPARATOR,
    MAX_ROWS,
    Parsed,
    Record,
    RowError,
    csv_values,
    int_cell,
    list_cell,
    looks_like_csv,
    parse_json,
    parse_records,
    read_csv,
)
from app.core.bulk.sql import chunks, insert_returning_ids, update_by_id

__all__ = [
    "CHUNK",
    "LIST_SEPARATOR",
    "MAX_LISTED_ERRORS",
    "MAX_ROWS",
    "ImportSummary",
    "Importer",
    "Parsed",
    "Progress",
    "Record",
    "RowError",
    "chunks",
    "csv_values",
    "insert_returning_ids",
    "int_cell",
    "is_csv_request",
    "list_cell",
    "locate",
    "looks_like_csv",
    "parse_json",
    "parse_records",
    "read_csv",
    "request_body",
    "run_import",
    "summary_response",
    "update_by_id",
]
