"""Rollups: tables of sums per group that every write adjusts in its own transaction.

A write computes what its records contribute to each group before and after the change; the
difference is applied here with one upsert, and the groups left empty are deleted, so a report
reads a table whose size follows the number of groups, not the number of records.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, Self, TypedDict

import orjson
from sqlalchemy import ColumnElement, Table, and_, bindparam, column, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.commit import Part, Participant, Work, recordset, rows_written, work
from app.core.driver import upserts

# Ids locked, or read, per statement: well under both drivers' bound-parameter limits.
CHUNK = 5_000


class Keys(TypedDict, total=False):
    """What a figure's records are matched by (`matching`): their program, their partner, a
    fiscal year or a range of them (`from_fy`..`to_fy`); each None or left out: any."""

    program_id: int | None
    partner_id: int | None
    fiscal_year: int | None
    from_fy: int | None
    to_fy: int | None


def matching(
    table: Any, *, from_fy: int | None = None, to_fy: int | None = None, **equal: object
) -> list[ColumnElement[bool]]:
    """Conditions on the rows of `table` (records, or a rollup with their key columns): each
    key given equal to its value, the fiscal year within `from_fy`..`to_fy`; None: any."""
    found = [getattr(table, name) == value for name, value in equal.items() if value is not None]
    if from_fy is None and to_fy is None:
        return found  # (a table without fiscal years, e.g. CWD teams, can be matched too)
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


def _merged(
    noted: Mapping[tuple[Any, ...], Sequence[Any]], deltas: Mapping[tuple[Any, ...], Sequence[Any]]
) -> list[tuple[tuple[Any, ...], list[Any]]]:
    """The sums noted earlier in the transaction plus `deltas`, non-zero ones in key order."""
    total = {key: list(sums) for key, sums in noted.items()}
    for key, sums in deltas.items():
        have = total.get(key)
        total[key] = (
            list(sums) if have is None else [a + b for a, b in zip(have, sums, strict=True)]
        )
    return [(key, sums) for key, sums in sorted(total.items()) if any(sums)]


def _upsert_statement(
    target: Any, table: Table, key_columns: Sequence[str], sum_columns: Sequence[str]
) -> Any:
    """Add the sums of the rows inserted to those already stored for the same key."""
    return _built_upsert(upserts(target), table, tuple(key_columns), tuple(sum_columns))


@lru_cache(maxsize=64)
def _built_upsert(
    insert: Any, table: Table, key_columns: tuple[str, ...], sum_columns: tuple[str, ...]
) -> Any:
    # Built once per dialect and rollup: `excluded` alone makes a proxy of every column.
    stmt = insert(table)
    return stmt.on_conflict_do_update(
        index_elements=list(key_columns),
        set_={name: table.c[name] + stmt.excluded[name] for name in sum_columns},
    )


async def _upsert(
    session: AsyncSession,
    table: Table,
    key_columns: Sequence[str],
    sum_columns: Sequence[str],
    changes: Sequence[tuple[tuple[Any, ...], Sequence[Any]]],
) -> None:
    names = (*key_columns, *sum_columns)
    params = [dict(zip(names, (*key, *sums), strict=True)) for key, sums in changes]
    await session.execute(_upsert_statement(session, table, key_columns, sum_columns), params)


class Adjustment(Participant):
    """A rollup's sums noted by `Sums.apply` during the transaction, added at commit: on
    PostgreSQL one common table expression of the commit statement (an upsert from the rows
    sent as one JSON array), elsewhere the same upsert on its own."""

    def __init__(self, sums: Sums):
        self.table = sums.table
        self.key_columns, self.sum_columns = sums.key_columns, sums.sum_columns
        self.name = f"rollup_{self.table.name}"
        _ADJUSTED[self.table.name] = self

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        return bool(work.adjustments.get(self.table.name))

    def binds(self, work: Work) -> dict[str, Any]:
        names = (*self.key_columns, *self.sum_columns)
        rows = [
            dict(zip(names, (*key, *sums), strict=True))
            for key, sums in work.adjustments[self.table.name].items()
        ]
        return {f"{self.name}_rows": orjson.dumps(rows).decode()}

    def part(self, session: AsyncSession) -> Part:
        names = (*self.key_columns, *self.sum_columns)
        source = recordset(
            f"{self.name}_rows", *(column(name, self.table.c[name].type) for name in names)
        )
        stmt = _upsert_statement(session, self.table, self.key_columns, self.sum_columns)
        stmt = stmt.from_select(list(names), select(*(source.c[name] for name in names)))
        added = stmt.returning(self.table.c[self.key_columns[0]]).cte(self.name)
        return Part(ctes=[added], result=rows_written(added))

    async def step(self, session: AsyncSession, work: Work) -> Any:
        changes = list(work.adjustments[self.table.name].items())
        await _upsert(session, self.table, self.key_columns, self.sum_columns, changes)
        return None


# Rollup table name → its commit participant (registered at start, app/transactions.py).
_ADJUSTED: dict[str, Adjustment] = {}


def _any_group(_sums: Sequence[Any]) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Sums:
    """One rollup table: the groups it sums by (`key_columns`) and its sums (`sum_columns`,
    each starting from `zero`'s); `empty` selects a group's row to delete once nothing counts
    in it, among the groups `check` picks (see `apply`)."""

    table: Table
    key_columns: tuple[str, ...]
    sum_columns: tuple[str, ...]
    empty: Callable[[Table], ColumnElement[bool]]
    check: Callable[[Sequence[Any]], bool] = _any_group
    zero: Callable[[], list[Any]] | None = None  # default: 0 for every sum

    @property
    def columns(self) -> tuple[str, ...]:
        return self.key_columns + self.sum_columns

    def deltas(self) -> defaultdict[Any, list[Any]]:
        """Changes per group (key → sums), each group starting at zero."""
        return defaultdict(self.zero or (lambda: [0] * len(self.sum_columns)))

    async def apply(self, session: AsyncSession, deltas: Mapping[Any, Sequence[Any]]) -> None:
        """Add the non-zero `deltas` (key → sums) to the table (in key order, so concurrent
        writers lock rows alike), then delete the rows `empty` selects among the keys `check`
        picks.

        When no key needs that check and the table has a commit participant (`Adjustment`),
        the sums are noted on the transaction's unit of work instead and written by the one
        statement at commit; a later write that may empty a group applies what was noted
        with its own."""
        table, key_columns = self.table, self.key_columns
        noted = work(session)
        changes = _merged(noted.adjustments.pop(table.name, {}), deltas)
        if not changes:
            return
        if _ADJUSTED.get(table.name) is not None and not any(self.check(s) for _, s in changes):
            noted.adjustments[table.name] = dict(changes)
            return
        await _upsert(session, table, key_columns, self.sum_columns, changes)
        emptied = _keyed(key_columns, (key for key, sums in changes if self.check(sums)))
        if emptied:
            await session.execute(
                delete(table).where(
                    and_(*(table.c[name] == bindparam("k_" + name) for name in key_columns)),
                    self.empty(table),
                ),
                emptied,
            )

    async def rows(self, session: AsyncSession) -> Sequence[Any]:
        """The stored rows, their key columns then their sums (for checks)."""
        columns = (self.table.c[name] for name in self.columns)
        return (await session.execute(select(*columns))).all()

    async def rebuild(self, session: AsyncSession, records: Any) -> None:
        """Replace the rows with `records`, the rollup's GROUP BY over the records (in
        `columns`): a repair tool; normal writes never need it."""
        work(session).adjustments.pop(self.table.name, None)  # the records hold what was noted
        await session.execute(delete(self.table))
        await session.execute(self.table.insert().from_select(list(self.columns), records))


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
    # The rollup table the records feed.
    sums: ClassVar[Sums]

    def __init__(self, session: AsyncSession, ids: Iterable[int]) -> None:
        self.session = session
        self.ids = sorted(set(ids))
        self.deltas = self.sums.deltas()

    @abstractmethod
    async def contribute(self, ids: Sequence[int], sign: int) -> None:
        """Add (sign=1) or take away (sign=-1) to `deltas` what records `ids` (sorted, distinct,
        at most CHUNK of them) contribute as stored now."""

    async def _contribute(self, ids: Sequence[int], sign: int) -> None:
        for start in range(0, len(ids), CHUNK):
            await self.contribute(ids[start : start + CHUNK], sign)

    async def apply(self) -> None:
        """Write the accumulated difference."""
        await self.sums.apply(self.session, self.deltas)

    async def before(self) -> Self:
        for start in range(0, len(self.ids), CHUNK):
            chunk = self.ids[start : start + CHUNK]
            await self.session.execute(
                select(self.record_id)
                .where(self.record_id.in_(chunk))
                .order_by(self.record_id)
                .with_for_update()
            )
        await self._contribute(self.ids, -1)
        return self

    async def after(self, created: Iterable[int] = ()) -> None:
        await self._contribute(sorted({*self.ids, *created}), 1)
        await self.apply()
