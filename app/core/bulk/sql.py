"""Chunked bulk writes for imports: INSERT ... RETURNING ids and executemany UPDATEs of
versioned rows, reporting progress per chunk."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, insert, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.models import utcnow

CHUNK = 1_000
# `progress(phase, done, total)`: how far a long import or export is (the CLI draws it).
Progress = Callable[[str, int, int], None]

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
    session: AsyncSession, table: Table, rows: Sequence[tuple[int | None, dict[str, Any]]]
) -> list[int]:
    """Insert versioned rows (version 1, timestamps now) and return their ids in order; a row
    given an id (an exported record's, free in this database) keeps it."""
    now = utcnow()
    ids: list[int | None] = [given for given, _ in rows]
    kept = [n for n, given in enumerate(ids) if given is not None]
    fresh = [n for n, given in enumerate(ids) if given is None]
    if kept:
        await _reserve_ids(session, table, max(ids[n] or 0 for n in kept))
    for numbers in (kept, fresh):
        if not numbers:
            continue
        result = await session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [
                {
                    **({"id": ids[n]} if ids[n] is not None else {}),
                    **rows[n][1],
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for n in numbers
            ],
        )
        for n, new_id in zip(numbers, result.scalars().all(), strict=True):
            ids[n] = new_id
    return [n for n in ids if n is not None]


async def _reserve_ids(session: AsyncSession, table: Table, top: int) -> None:
    """Move PostgreSQL's id sequence past `top`, so it never hands out an id kept by an import.

    SQLite's next id is already past every stored one."""
    if session.get_bind().dialect.name != "postgresql":
        return
    await session.execute(
        text(
            "SELECT setval(s, GREATEST(:top, nextval(s))) "
            "FROM (SELECT pg_get_serial_sequence(:table, 'id') AS s) AS q"
        ),
        {"top": top, "table": table.name},
    )


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
