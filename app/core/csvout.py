"""CSV output for lists and reports: rows streamed in keyset batches, in constant memory.

A list route answers through `list_or_csv`: its service builds the filtered statement as
usual and hands it, with its sort keys, to `keyset_batches`; each batch runs in its own short
transaction, so a slow client never holds a database snapshot (or SQLite's write lock) open.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from fastapi import Request
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.responses import Response, StreamingResponse

from app.core.pagination import SortKey, _after, _key_value
from app.core.records import RecordShape

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
BATCH_SIZE = 500
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
        batch_stmt = stmt if last is None else stmt.where(_after(keys, last))
        async with sessionmaker() as session, session.begin():
            result = await session.execute(batch_stmt.order_by(*order).limit(batch_size))
            rows = list(result.scalars().all() if scalars else result.all())
        if not rows:
            return
        yield rows
        if len(rows) < batch_size:
            return
        last = [_key_value(rows[-1], k) for k in keys]


def _cell(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


async def csv_chunks(
    columns: Sequence[str], rows: AsyncIterable[Iterable[Sequence[Any]]] | Iterable[Sequence[Any]]
) -> AsyncIterator[bytes]:
    """The header, then the rows (given one batch at a time), as UTF-8 chunks of about 64 KiB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)

    async def batches() -> AsyncIterator[Iterable[Sequence[Any]]]:
        if isinstance(rows, AsyncIterable):
            async for batch in rows:
                yield batch
        else:
            yield rows

    async for batch in batches():
        for row in batch:
            writer.writerow([_cell(v) for v in row])
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
