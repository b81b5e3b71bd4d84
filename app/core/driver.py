"""The one way a statement runs: domain code says *what* (a Core or ORM statement and its
values), this module says *how*.

On PostgreSQL a statement is compiled once per shape (SQLAlchemy's own cache key) and run on
the asyncpg connection under the caller's session or connection, skipping SQLAlchemy's
per-execution work (about 50 µs a statement); everywhere else, and whenever the SQLAlchemy
internals this relies on are not as tested (`fast_path_problem`), it runs through
SQLAlchemy's public execution. Both give rows that are read by column name (`row["id"]`),
with the columns' result types applied, and both raise SQLAlchemy's `IntegrityError` for a
constraint violation.

Private SQLAlchemy attributes appear here and nowhere else in the service.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import BigInteger, Executable, Table, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.engine import CursorResult, Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.util import await_, greenlet_spawn

from app.core.history import known_at

logger = logging.getLogger("wps.driver")

Row = Mapping[str, Any]
Target = AsyncSession | AsyncConnection
Values = Mapping[str, Any] | None

_DIALECT = asyncpg_dialect()
_PLANS_KEPT = 1024


@dataclass(frozen=True, slots=True)
class _Expanded:
    """A statement's SQL with its IN lists rendered for lists of given lengths, and where each
    placeholder's value comes from: (name, None) a plain value, (name, i) a list's i-th."""

    sql: str
    sources: tuple[tuple[str, int | None], ...]
    binds: tuple[Callable[[Any], Any] | None, ...]


@dataclass(slots=True)
class _Plan:
    """A statement's shape compiled for asyncpg: its SQL, how its arguments are built and how
    its result columns are read."""

    compiled: Any
    sql: str
    names: tuple[str, ...]
    binds: Mapping[str, Callable[[Any], Any] | None]
    keys: tuple[str, ...]
    # The result columns read through a type's processor: (position, processor).
    results: tuple[tuple[int, Callable[[Any], Any]], ...]
    lists: tuple[str, ...]  # the expanding (IN list) parameters
    # The values the compiled statement carries itself (literals, `.values(state=...)`).
    own: Mapping[str, Any]
    expansions: dict[tuple[int, ...], _Expanded]
    # A write with RETURNING (and no IN list) as `on_its_own` sends it: its commit does not
    # wait for the disk (None: not such a write).
    unflushed: str | None = None

    def bound(self, stmt: Executable, values: Values) -> tuple[str, list[Any]]:
        """The SQL to send and its arguments, for `stmt` (this shape) and `values`."""
        if stmt is self.compiled.statement:
            # The very statement compiled: its own values are the compiled ones.
            params = {**self.own, **values} if values else self.own
        else:
            key = stmt._generate_cache_key()  # type: ignore[attr-defined]
            params = self.compiled.construct_params(
                params=dict(values) if values else None,
                extracted_parameters=key.bindparams if key is not None else None,
            )
        if self.lists:
            return self._expanded(params)
        args = []
        for name in self.names:
            value, process = params[name], self.binds[name]
            args.append(value if process is None or value is None else process(value))
        return self.sql, args

    def _expanded(self, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
        # IN lists: the SQL for lists of these lengths is rendered once (as SQLAlchemy renders
        # it per execution), then each value is placed and processed as its list's type.
        lengths = tuple(len(params[name]) for name in self.lists)
        expanded = self.expansions.get(lengths)
        if expanded is None:
            state = self.compiled._process_parameters_for_postcompile(dict(params))
            origin = {
                item: (name, i)
                for name, items in state.parameter_expansion.items()
                for i, item in enumerate(items)
            }
            names = tuple(state.positiontup or ())
            expanded = _Expanded(
                sql=state.statement,
                sources=tuple(origin.get(name, (name, None)) for name in names),
                binds=tuple(state.processors.get(name) for name in names),
            )
            if len(self.expansions) < 64:
                self.expansions[lengths] = expanded
        args = []
        for (name, i), process in zip(expanded.sources, expanded.binds, strict=True):
            value = params[name] if i is None else params[name][i]
            args.append(value if process is None or value is None else process(value))
        return expanded.sql, args

    def rows(self, records: Sequence[Any]) -> list[Row]:
        if not self.results:
            return list(records)
        processed: list[Row] = []
        for record in records:
            values = list(record.values())
            for i, process in self.results:
                if values[i] is not None:
                    values[i] = process(values[i])
            processed.append(dict(zip(self.keys, values, strict=True)))
        return processed


def _type_processor(type_: Any, make: str) -> Callable[[Any], Any] | None:
    impl = type_.dialect_impl(_DIALECT)
    if make == "bind":
        return impl.bind_processor(_DIALECT)  # type: ignore[no-any-return]
    return impl.result_processor(_DIALECT, None)  # type: ignore[no-any-return]


def _compile(stmt: Executable, cache_key: Any) -> _Plan:
    compiled = stmt.compile(dialect=_DIALECT, cache_key=cache_key)  # type: ignore[attr-defined]
    binds = {
        name: _type_processor(bind.type, "bind")
        for name, bind in ((n, compiled.binds[n]) for n in compiled.positiontup or ())
    }
    columns = list(compiled._result_columns or ())  # (keyname, name, objects, type)
    keys = tuple(str(column[0]) for column in columns)
    results = [(i, _type_processor(column[3], "result")) for i, column in enumerate(columns)]
    return _Plan(
        compiled=compiled,
        sql=compiled.string,
        names=tuple(compiled.positiontup or ()),
        binds=binds,
        keys=keys,
        results=tuple((i, process) for i, process in results if process is not None),
        lists=tuple(name for name, bind in compiled.binds.items() if bind.expanding),
        own={
            name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
        },
        expansions={},
        unflushed=_unflushed(compiled),
    )


# The statement's own implicit transaction commits without waiting for the WAL to reach the
# disk; `set_config` in the WHERE runs for each row written, before that commit.
_UNFLUSHED = (
    "WITH written AS ({}) SELECT written.* FROM written"
    " WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL"
)


def _unflushed(compiled: Any) -> str | None:
    writes = compiled.isinsert or compiled.isupdate or compiled.isdelete
    listed = any(bind.expanding for bind in compiled.binds.values())
    if not writes or not compiled.effective_returning or listed:
        return None
    return _UNFLUSHED.format(compiled.string)


_PLANS: OrderedDict[Any, _Plan] = OrderedDict()
# Statements built once (module level, or cached per shape by their builder), by identity:
# found without walking them for their cache key.
_BY_STATEMENT: OrderedDict[int, _Plan] = OrderedDict()


def _plan(stmt: Executable) -> _Plan | None:
    """The compiled form of `stmt`'s shape (None: it cannot be cached, so the public path)."""
    if known_at() is not None:
        # A point-in-time read compiles differently per instant, which no cache key says.
        raise RuntimeError("a statement inside known_as_of must run through a session")
    known = _BY_STATEMENT.get(id(stmt))
    if known is not None and known.compiled.statement is stmt:
        return known
    plan = _plan_by_key(stmt)
    if plan is not None and plan.compiled.statement is stmt:
        _BY_STATEMENT[id(stmt)] = plan
        if len(_BY_STATEMENT) > _PLANS_KEPT:
            _BY_STATEMENT.popitem(last=False)
    return plan


def _plan_by_key(stmt: Executable) -> _Plan | None:
    key = stmt._generate_cache_key()  # type: ignore[attr-defined]
    if key is None:
        return None
    plan = _PLANS.get(key.key)
    if plan is None:
        plan = _compile(stmt, key)
        _PLANS[key.key] = plan
        if len(_PLANS) > _PLANS_KEPT:
            _PLANS.popitem(last=False)
    return plan


def fast_path_problem() -> str | None:
    """Why the driver path cannot be used with this SQLAlchemy (None: it can). Checked once,
    at first use: a statement compiled here must give the SQL, argument order, bind and
    result processing that SQLAlchemy itself would."""
    from sqlalchemy import JSON, BigInteger, Column, MetaData, Table, bindparam, select

    try:
        probe = Table("probe", MetaData(), Column("id", BigInteger), Column("doc", JSON))
        stmt = select(probe.c.id, probe.c.doc).where(
            probe.c.id == bindparam("wanted"), probe.c.doc.is_not(None), probe.c.id != 5
        )
        plan = _compile(stmt, stmt._generate_cache_key())
        _, args = plan.bound(stmt, {"wanted": 7})
        other = select(probe.c.id, probe.c.doc).where(
            probe.c.id == bindparam("wanted"), probe.c.doc.is_not(None), probe.c.id != 6
        )
        if args != [7, 5] or plan.bound(other, {"wanted": 7})[1] != [7, 6]:
            return f"arguments built as {args}"
        if plan.keys != ("id", "doc") or "$1" not in plan.sql:
            return f"columns read as {plan.keys}"
        json_bind = _compile(
            select(probe.c.id).where(probe.c.doc == bindparam("doc", type_=JSON)), None
        ).binds["doc"]
        if json_bind is None or json_bind({"a": 1}) != '{"a": 1}':
            return "JSON values are not sent as text"
        listed = select(probe.c.id).where(probe.c.id.in_([3, 4, 5]))
        sql, args = _compile(listed, listed._generate_cache_key()).bound(listed, None)
        if args != [3, 4, 5] or "$3" not in sql:
            return f"an IN list sent as {sql!r} {args}"
        if not callable(getattr(AsyncAdapt_asyncpg_connection, "_start_transaction", None)):
            return "the asyncpg adapter no longer begins transactions on request"
    except Exception as exc:  # an internal renamed or changed: fall back, say why
        return f"{type(exc).__name__}: {exc}"
    return None


_FAST: bool | None = None


def _fast_path(dialect: Dialect) -> bool:
    global _FAST
    if dialect.name != "postgresql" or dialect.driver != "asyncpg":
        return False
    if _FAST is None:
        problem = fast_path_problem()
        if problem is not None:
            logger.warning("statements run through SQLAlchemy: %s", problem)
        _FAST = problem is None
    return _FAST


def _dialect(target: Target | AsyncEngine) -> Dialect:
    if isinstance(target, AsyncSession):
        bind = target.bind
        assert bind is not None, "the service's sessions are bound to its engine"
        return bind.dialect
    return target.dialect


_CHUNK = 5_000  # rows per executemany: well under both drivers' bound-parameter limits


async def insert_many(
    session: AsyncSession, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Many plain rows into `table` in the session's transaction: PostgreSQL's COPY on the
    driver (a 20-year UN file is 100,000 rows), executemany in chunks elsewhere."""
    if _fast_path(_dialect(session)):
        await (await _driver(session)).copy_records_to_table(
            table.name, records=rows, columns=list(columns)
        )
        return
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        await session.execute(
            table.insert(), [dict(zip(columns, row, strict=True)) for row in chunk]
        )


_SQL_BY_SHAPE: dict[Any, str] = {}


def statement_identity(target: Target, stmt: Any) -> tuple[str, list[Any]]:
    """`stmt`'s SQL as `target`'s database runs it, and its values: what a listing's cursor
    identifies its filters by (the SQL of each shape compiled once per process)."""
    dialect = _dialect(target)
    key = stmt._generate_cache_key()  # type: ignore[attr-defined]
    if key is None:  # not cacheable: compiled each time
        compiled = stmt.compile(dialect=dialect)
        return compiled.string, list(compiled.params.values())
    shape = (dialect.name, key.key)
    sql = _SQL_BY_SHAPE.get(shape) or stmt.compile(dialect=dialect).string
    if len(_SQL_BY_SHAPE) >= 1000:
        _SQL_BY_SHAPE.clear()
    _SQL_BY_SHAPE[shape] = sql
    return sql, [b.effective_value for b in key.bindparams]


def upserts(target: Target) -> Callable[[Table], Any]:
    """`insert` of `target`'s dialect, whose statements take `on_conflict_do_*` (one function
    per dialect, so a statement built with it can be cached per dialect)."""
    return postgresql.insert if _dialect(target).name == "postgresql" else sqlite.insert


def upsert(target: Target, table: Table) -> Any:
    """An INSERT into `table` in `target`'s dialect, so it takes `on_conflict_do_update`."""
    return upserts(target)(table)


def one_round_trip(target: Target) -> bool:
    """Whether several writes can be sent as one statement of data-modifying CTEs here."""
    return _dialect(target).name == "postgresql"


def _session_driver(session: Session, begun: bool) -> Any:
    raw = session.connection().connection
    adapted: Any = raw.dbapi_connection
    if begun and adapted._transaction is None:
        # SQLAlchemy's adapter sends BEGIN with its first statement; a first statement on the
        # driver begins it here, through the adapter, so the session's commit ends it.
        await_(adapted._start_transaction())
    return raw.driver_connection


async def _driver(target: Target, *, begun: bool = True) -> Any:
    if isinstance(target, AsyncSession):
        return await greenlet_spawn(_session_driver, target.sync_session, begun)
    raw = await target.get_raw_connection()
    return raw.driver_connection


async def _run_on_driver(
    driver: Any, plan: _Plan, stmt: Executable, values: Values, *, unflushed: bool = False
) -> list[Row]:
    import asyncpg

    sql, args = plan.bound(stmt, values)
    if unflushed and plan.unflushed is not None:
        sql = plan.unflushed
    try:
        return plan.rows(await driver.fetch(sql, *args))
    except asyncpg.IntegrityConstraintViolationError as exc:
        raise IntegrityError(sql, args, exc) from exc


async def _public(target: Target, stmt: Executable, values: Values) -> list[Row]:
    result = await target.execute(stmt, dict(values) if values else {})
    if isinstance(result, CursorResult) and not result.returns_rows:
        return []
    return [cast(Row, row) for row in result.mappings().all()]


async def rows(target: Target, stmt: Executable, values: Values = None) -> list[Row]:
    """The rows of `stmt` run on `target`: inside a session's transaction, or on a connection
    as it is (autocommit on PostgreSQL for `db.read_connection`)."""
    if _fast_path(_dialect(target)) and (plan := _plan(stmt)) is not None:
        return await _run_on_driver(await _driver(target), plan, stmt, values)
    return await _public(target, stmt, values)


async def first(target: Target, stmt: Executable, values: Values = None) -> Row | None:
    found = await rows(target, stmt, values)
    return found[0] if found else None


async def scalar(target: Target, stmt: Executable, values: Values = None) -> Any:
    row = await first(target, stmt, values)
    return None if row is None else next(iter(row.values()))


async def on_its_own(session: AsyncSession, stmt: Executable, values: Values = None) -> list[Row]:
    """Run `stmt` committed on its own, before `session`'s transaction begins, so other
    transactions see it at once: on PostgreSQL on the session's own connection in
    autocommit (one round trip, no second connection), elsewhere on a pooled connection of
    its own. A violated constraint raises IntegrityError and leaves `session` usable.

    On PostgreSQL a write with RETURNING commits without waiting for the disk (a second
    flush per request, 0.3-3 ms here): it is visible to every transaction at once all the
    same, and durable with the next commit that does wait, the request's own (the log is
    flushed in order). Lost in a crash before then, it is lost with all the request did."""
    engine = session.bind
    assert isinstance(engine, AsyncEngine)
    if _fast_path(engine.dialect) and (plan := _plan(stmt)) is not None:
        driver = await _driver(session, begun=False)
        if not driver.is_in_transaction():
            return await _run_on_driver(driver, plan, stmt, values, unflushed=True)
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execution_options(isolation_level="AUTOCOMMIT")
        found = await _public(conn, stmt, values)
        await conn.commit()  # SQLite: ends the transaction its statement began
        return found


@dataclass(frozen=True, slots=True)
class Family:
    """A record's INSERT … RETURNING (its `id` among the columns) and the INSERTs of its child
    rows, each an INSERT … SELECT built from an expression standing for the new record's id
    (the column of the new record, so no rows when it inserted nothing; or a bind). Build one
    per shape and keep it (`insert_family` compiles each once)."""

    record: Any
    children: tuple[Callable[[Any], Any], ...] = ()


_FAMILIES: OrderedDict[tuple[int, bool], tuple[Family, Any]] = OrderedDict()


def _family_statements(family: Family, one: bool) -> Any:
    """As one statement (the record a CTE, its children CTEs reading its id), or the children
    alone, each taking the id as the bind `new_id`; built once per family."""
    key = (id(family), one)
    found = _FAMILIES.get(key)
    if found is None or found[0] is not family:
        built: Any
        if one:
            new = family.record.cte("new_record")
            made = (make(new.c.id) for make in family.children)
            children = (child.cte(f"new_rows_{i}") for i, child in enumerate(made))
            built = select(new).add_cte(*children)
        else:
            built = tuple(make(bindparam("new_id", type_=BigInteger())) for make in family.children)
        found = _FAMILIES[key] = (family, built)
        if len(_FAMILIES) > _PLANS_KEPT:
            _FAMILIES.popitem(last=False)
    return found[1]


async def insert_family(
    session: AsyncSession,
    family: Family,
    values: Mapping[str, Any],
    children: Sequence[Mapping[str, Any]] = (),
) -> Row | None:
    """Insert a record and its child rows in the session's transaction; the record's RETURNING
    row, or None when it inserted nothing (then neither did its children). `values` are the
    record statement's, `children` each child statement's (names distinct from the record's).
    One round trip on PostgreSQL; elsewhere the record, then each child."""
    if one_round_trip(session):
        merged = dict(values)
        for child_values in children:
            merged.update(child_values)
        return await first(session, _family_statements(family, True), merged)
    row = await first(session, family.record, values)
    if row is not None:
        for stmt, child_values in zip(_family_statements(family, False), children, strict=True):
            await rows(session, stmt, {**child_values, "new_id": row["id"]})
    return row
