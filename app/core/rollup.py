"""Rollups: tables of sums per group that every write adjusts in its own transaction.

A write computes what its records contribute to each group before and after the change; the
difference is applied here with one upsert, and the groups left empty are deleted, so a report
reads a table whose size follows the number of groups, not the number of records.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar, Self

from sqlalchemy import ColumnElement, Table, and_, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.driver import upsert

# Ids locked per statement: well under both drivers' bound-parameter limits.
LOCK_CHUNK = 5_000


def matching(
    table: Any, *, from_fy: int | None = None, to_fy: int | None = None, **equal: object
) -> list[ColumnElement[bool]]:
    """Conditions on the rows of `table` (records, or a rollup with their key columns): each
    key given equal to its value, the fiscal year within `from_fy`..`to_fy`; None: any."""
    found = [getattr(table, name) == value for name, value in equal.items() if value is not None]
    return found + within(table.fiscal_year, low=from_fy, high=to_fy)


def within(
    column: Any, value: object = None, low: object = None, high: object = None
) -> list[ColumnElement[bool]]:
    """A filter's conditions on one column: equal to `value`, at least `low`, at most `high`
    (a fiscal year or a range of them, a date or a range of them); each None: any."""
    found = [] if value is None else [column == value]
    if low is not None:
        found.append(column >= low)
    if high is not None:
        found.append(column <= high)
    return found


async def apply_deltas(
    session: AsyncSession,
    table: Table,
    key_columns: Sequence[str],
    sum_columns: Sequence[str],
    deltas: Mapping[tuple[Any, ...], Sequence[Any]],
    *,
    empty: Callable[[Table], ColumnElement[bool]],
    check: Callable[[Sequence[Any]], bool] = lambda _sums: True,
) -> None:
    """Add the non-zero `deltas` (key → sums) to `table` (in key order, so concurrent writers
    lock rows alike), then delete the rows `empty` selects among the keys `check` picks."""
    changes = [(key, sums) for key, sums in sorted(deltas.items()) if any(sums)]
    if not changes:
        return
    stmt = upsert(session, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(key_columns),
        set_={name: table.c[name] + stmt.excluded[name] for name in sum_columns},
    )
    names = (*key_columns, *sum_columns)
    params = [dict(zip(names, (*key, *sums), strict=True)) for key, sums in changes]
    await session.execute(stmt, params)
    emptied = _keyed(key_columns, (key for key, sums in changes if check(sums)))
    if emptied:
        await session.execute(
            delete(table).where(
                and_(*(table.c[name] == bindparam("k_" + name) for name in key_columns)),
                empty(table),
            ),
            emptied,
        )


async def rebuild_from(
    session: AsyncSession, table: Table, columns: Sequence[str], records: Any
) -> None:
    """Replace a rollup's rows with `records` (its GROUP BY over the records, in `columns`):
    a repair tool; normal writes never need it."""
    await session.execute(delete(table))
    await session.execute(table.insert().from_select(list(columns), records))


def _keyed(key_columns: Sequence[str], keys: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(["k_" + n for n in key_columns], key, strict=True)) for key in keys]


class Change(ABC):
    """The rollup's side of one write to some records, by id: `await change.before()` ahead of
    the change locks them and takes away what they contributed; `await change.after(new_ids)`
    once it is flushed adds what they (and any created) contribute now, and applies the
    difference. A deleted record contributes nothing after.

    The lock (PostgreSQL; SQLite has one writer at a time) makes a concurrent write to the same
    records wait, so that its `before` reads what this one leaves, never what both started from.
    """

    # The records' id column: the rows locked before their contribution is read.
    record_id: ClassVar[Any]

    def __init__(self, session: AsyncSession, ids: Iterable[int]) -> None:
        self.session = session
        self.ids = sorted(set(ids))

    @abstractmethod
    async def contribute(self, ids: Sequence[int], sign: int) -> None:
        """Add (sign=1) or take away (sign=-1) what records `ids` contribute as stored now."""

    @abstractmethod
    async def apply(self) -> None:
        """Write the accumulated difference."""

    async def before(self) -> Self:
        for start in range(0, len(self.ids), LOCK_CHUNK):
            chunk = self.ids[start : start + LOCK_CHUNK]
            await self.session.execute(
                select(self.record_id)
                .where(self.record_id.in_(chunk))
                .order_by(self.record_id)
                .with_for_update()
            )
        await self.contribute(self.ids, -1)
        return self

    async def after(self, created: Iterable[int] = ()) -> None:
        await self.contribute(sorted({*self.ids, *created}), 1)
        await self.apply()
