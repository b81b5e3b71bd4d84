"""Chunked bulk writes for imports: INSERT ... RETURNING ids and executemany UPDATEs of
versioned rows, reporting progress per chunk."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.bulk.flow import CHUNK, Progress
from app.core.models import utcnow

T = TypeVar("T")


def chunks(
    items: Sequence[T], phase: str, progress: Progress | None, size: int = CHUNK
) -> Iterator[Sequence[T]]:
    """`items` in chunks, reporting progress after each one is handled."""
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        yield chunk
        if progress:
            progress(phase, start + len(chunk), len(items))


async def insert_returning_ids(
    session: AsyncSession, table: Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Insert versioned rows (version 1, timestamps now) and return their ids in order."""
    now = utcnow()
    result = await session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [{**row, "version": 1, "created_at": now, "updated_at": now} for row in rows],
    )
    return [row[0] for row in result.all()]


async def update_by_id(
    session: AsyncSession, table: Table, rows: list[tuple[int, dict[str, Any]]]
) -> None:
    """UPDATE versioned rows by id (executemany), moving each version and updated_at."""
    if not rows:
        return
    names = list(rows[0][1])
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            **{name: bindparam("b_" + name) for name in names},
            version=table.c.version + 1,
            updated_at=bindparam("b_updated_at"),
        )
    )
    now = utcnow()
    await session.execute(
        stmt,
        [
            {"b_id": row_id, "b_updated_at": now, **{"b_" + k: v for k, v in values.items()}}
            for row_id, values in rows
        ],
    )
