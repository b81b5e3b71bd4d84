"""CSV output for lists and reports: rows streamed in keyset batches, in constant memory.

A list route answers through `list_or_csv`: its service builds the filtered statement as
usual and hands it, with its sort keys, to `keyset_batches`; each batch runs in its own short
transaction, so a slow client never holds a database snapshot (or SQLite's write lock) open.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request
from pydantic import BaseModel
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.responses import Response, StreamingResponse

from app.core import responses as render
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Listing, Page, PageParams, SortKey, key_value, paginate, rows_after
from app.core.params import OutputFormat, Paging
from app.core.records import LIST_SEPARATOR, RecordShape

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
# The 200 a list route declares besides its JSON page (`responses={**CSV_RESPONSE, ...}`).
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


def list_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """A list route's `responses=`: its problems (`errors.responses`) and the CSV 200."""
    return {**responses(*statuses), **CSV_RESPONSE}


def answers_page(schema: type[BaseModel], *statuses: int) -> dict[str, Any]:
    """A list route's decorator arguments (`**answers_page(XRead)`): a page of `schema` or
    CSV, and its problems."""
    return {"response_model": Page[schema], "responses": list_responses(*statuses)}  # type: ignore[valid-type]


def answers_or_csv(schema: type[BaseModel], *statuses: int) -> dict[str, Any]:
    """A report route's decorator arguments: `schema` as JSON or its table as CSV, and its
    problems."""
    return {"response_model": schema, "responses": list_responses(*statuses)}


BATCH_SIZE = 500
_ATTRIBUTE = re.compile(r"\{(\w+)\}")
FLUSH_BYTES = 64 * 1024


def wants_csv(request: Request, format: str | None) -> bool:
    """`?format=csv`, or an Accept header that ranks text/csv above application/json."""
    if format is not None:
        return format == "csv"
    ranks: dict[str, tuple[float, int]] = {}
    for position, entry in enumerate(request.headers.get("accept", "").split(",")):
        media, *params = (part.strip() for part in entry.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranks.setdefault(media.lower(), (quality, -position))
    csv_rank = ranks.get("text/csv", (0.0, 0))
    return csv_rank[0] > 0 and csv_rank > ranks.get("application/json", (0.0, 0))


async def keyset_batches(
    sessionmaker: async_sessionmaker[AsyncSession],
    stmt: Select[Any],
    keys: Sequence[SortKey],
    *,
    batch_size: int = BATCH_SIZE,
    scalars: bool = True,
) -> AsyncIterator[list[Any]]:
    """Every row of `stmt` (no ORDER BY) along `keys`, one short transaction per batch."""
    order = [k.column.desc() if k.descending else k.column.asc() for k in keys]
    last: list[Any] | None = None
    while True:
        batch_stmt = stmt if last is None else stmt.where(rows_after(keys, last))
        async with sessionmaker() as session, session.begin():
            result = await session.execute(batch_stmt.order_by(*order).limit(batch_size))
            rows = list(result.scalars().all() if scalars else result.all())
        if not rows:
            return
        yield rows
        if len(rows) < batch_size:
            return
        last = [key_value(rows[-1], k) for k in keys]


# A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Text already prefixed (or an apostrophe then a formula start): escaped once more, so that
# `restore_cell` undoes exactly one prefix and every text round-trips.
_NEEDS_PREFIX = re.compile(r"'*[=+\-@\t\r]")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def neutralise(text: str) -> str:
    """Text a spreadsheet could run as a formula, prefixed with `'`; a plain number (`-5`,
    `-0.50`) is left as it is."""
    if _NEEDS_PREFIX.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore_cell(text: str) -> str:
    """An imported CSV cell as it was before `neutralise` (one `'` before a formula start)."""
    if text.startswith("'") and _NEEDS_PREFIX.match(text[1:]):
        return text[1:]
    return text


def cell(value: Any) -> str | int | float | Decimal | None:
    """One CSV cell, written as the JSON answers write the value: `true`/`false`, instants as
    `...Z`, dates ISO, enums by value, lists as `a;b`; text that could run as a formula in a
    spreadsheet neutralised. Nested objects have no cell: flatten them into named columns."""
    if value is None or (isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)):
        return value
    return neutralise(_text(value))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return orjson.dumps(value, option=orjson.OPT_UTC_Z).decode().strip('"')
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_text(item) for item in value)
    if isinstance(value, dict):
        raise TypeError("a nested object has no CSV cell; flatten it into named columns")
    return str(value)


async def csv_chunks(
    columns: Sequence[str], rows: AsyncIterable[Iterable[Sequence[Any]]] | Iterable[Sequence[Any]]
) -> AsyncIterator[bytes]:
    """The header, then the rows (given one batch at a time), as UTF-8 chunks of about 64 KiB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(name) for name in columns])

    async def batches() -> AsyncIterator[Iterable[Sequence[Any]]]:
        if isinstance(rows, AsyncIterable):
            async for batch in rows:
                yield batch
        else:
            yield rows

    async for batch in batches():
        for row in batch:
            writer.writerow([cell(v) for v in row])
        if buffer.tell() >= FLUSH_BYTES:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def csv_response(
    columns: Sequence[str],
    rows: AsyncIterable[Iterable[Sequence[Any]]] | Iterable[Sequence[Any]],
    *,
    filename: str,
) -> StreamingResponse:
    return StreamingResponse(
        csv_chunks(columns, rows),
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def list_or_csv(
    request: Request,
    format: str | None,
    shape: RecordShape,
    *,
    filename: str,
    export: Callable[[], Awaitable[AsyncIterable[list[Any]]]],
    page: Callable[[], Awaitable[Response]],
) -> Response:
    """A list route's answer: a JSON page from `page()`, or (`?format=csv` or Accept) every
    matching record as CSV in `shape`'s columns, streamed from the batches `export()` returns.

    `export()` resolves the filters when awaited, so a bad one is a 422, not a broken 200.
    """
    if not wants_csv(request, format):
        return await page()
    batches = await export()
    lines = (shape.batch_lines(batch) async for batch in batches)
    return csv_response(shape.columns, lines, filename=filename)


def listing_batches(
    sessionmaker: async_sessionmaker[AsyncSession], listing: Listing
) -> AsyncIterator[list[Any]]:
    """Every record of a listing, in its sort order, one short transaction per batch."""
    return keyset_batches(sessionmaker, listing.stmt, listing.keys)


async def listing_or_csv(
    request: Request,
    format: str | None,
    session: AsyncSession,
    paging: PageParams,
    listing: Listing,
    schema: type[BaseModel],
    shape: RecordShape,
    filename: str,
) -> Response:
    """`list_or_csv` for a list whose JSON page (items in `schema`) and CSV (in `shape`'s
    columns) both read `listing`."""

    async def page() -> Response:
        result = await paginate(
            session, listing.stmt, paging, listing.keys, sort_name=listing.sort_name
        )
        return render.page(request, schema, result)

    async def export() -> AsyncIterable[list[Any]]:
        return listing_batches(request.app.state.sessionmaker, listing)

    return await list_or_csv(request, format, shape, filename=filename, export=export, page=page)


@dataclass(frozen=True, slots=True)
class CsvListing:
    """How a resource is listed, declared once beside its record shape: JSON items in the
    read model `schema`, CSV in `shape`'s columns under `filename`; and, for a resource
    created by POST, the `path` of one record (`/api/v1/trainings/{id}`, its attributes in
    braces), its Location."""

    schema: type[BaseModel]
    shape: RecordShape
    filename: str
    path: str | None = None

    def url(self, obj: Any) -> str:
        """The URL of the record `obj`: `path` with its attributes filled in."""
        if self.path is None:
            raise TypeError(f"{self.schema.__name__} declares no path: give its location")
        return _ATTRIBUTE.sub(lambda name: str(getattr(obj, name[1])), self.path)


@dataclass(frozen=True, slots=True)
class ListRequest:
    """What every list route takes besides its caller and filters: the request, its session,
    the page asked for and the output format (JSON page or CSV)."""

    request: Request
    session: AsyncSession
    paging: PageParams
    format: str | None

    async def answer(self, listing: Listing, listed: CsvListing) -> Response:
        """The list route's answer for `listing`: a JSON page, or every record as CSV."""
        return await listing_or_csv(
            self.request,
            self.format,
            self.session,
            self.paging,
            listing,
            listed.schema,
            listed.shape,
            listed.filename,
        )

    async def read(
        self, listed: CsvListing, listing: Callable[..., Awaitable[Listing]], *args: Any
    ) -> Response:
        """`answer` for the listing the service's `listing(session, *args)` builds."""
        return await self.answer(await listing(self.session, *args), listed)


async def _list_request(
    request: Request, session: SessionDep, paging: Paging, format: OutputFormat = None
) -> ListRequest:
    return ListRequest(request, session, paging, format)


# `format` is this dependency's own query parameter and the paging ones its dependency's, so a
# route taking it where it took `paging` (and `format` last) lists its parameters as before.
ListQuery = Annotated[ListRequest, Depends(_list_request)]
