"""Point in time: system-versioned history of the tables figures read, and reads as then known.

Each versioned table T has a history table `T_history`: T's columns (less any personal ones),
`valid_from` and `valid_to` (UTC; null while the version is current). Database triggers write
it in the same transaction as every insert, update and delete of T, so bulk SQL is caught as
well as the ORM. Inside `known_as_of(at)` every SELECT that names a versioned table reads, in
its place, the versions valid at `at` (valid_from <= at < valid_to) under the table's own name,
so queries need no change to answer as the records stood then. A rollup (a table derived from
others) is versioned too, so a past figure reads the rollup as it stood then; before its own
history began it is read as its defining query over the records' versions. Writes are never
rewritten.

History starts when a table is first versioned: its rows are then copied in as valid since
the epoch, so a figure asked for before that moment is the figure the records gave then.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    Column,
    Index,
    MetaData,
    Select,
    Table,
    bindparam,
    cast,
    event,
    func,
    inspect,
    null,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.compiler import SQLCompiler

from app.core.models import UTCDateTime

SUFFIX = "_history"
VALID_FROM = "valid_from"
VALID_TO = "valid_to"
# Rows already stored when a table becomes versioned are known since always (see module doc).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# SQLite stores timestamps as text in this shape (what SQLAlchemy's DateTime writes), to the
# millisecond its clock gives; 'now' is one instant for every row one statement changes.
SQLITE_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')"


@dataclass(frozen=True)
class Versioned:
    """One versioned table: its name and the columns its history leaves out (personal data,
    never needed by a figure; read as null in the past)."""

    table: str
    private: tuple[str, ...] = ()

    @property
    def history(self) -> str:
        return self.table + SUFFIX


# After any instant a figure can be asked at: "a rollup's own history has not begun".
NEVER = datetime(9999, 12, 31, tzinfo=UTC)

_known_at: ContextVar[datetime | None] = ContextVar("known_at", default=None)
# Set: rollups as known at an instant are rebuilt from the records' versions (the slow path,
# kept for rollups before their own history began and to check the fast one against).
_from_records: ContextVar[bool] = ContextVar("rollups_from_records", default=False)
# rollup name -> its history table; and, per statement read as of an instant, when each
# rollup's history began (NEVER: no version yet)
_ROLLUP_HISTORIES: dict[str, Table] = {}
_began: ContextVar[dict[str, datetime]] = ContextVar("rollup_history_began", default={})  # noqa: B039 - never mutated, replaced
# table name -> the SELECT that stands for it at an instant
_SOURCES: dict[str, Callable[[datetime], Any]] = {}


def known_at() -> datetime | None:
    """The instant reads answer as of (None: now, from the tables themselves)."""
    return _known_at.get()


@contextmanager
def known_as_of(at: datetime | None) -> Iterator[None]:
    """Reads inside answer as the records stood at `at` (a no-op for None)."""
    token = _known_at.set(at)
    try:
        yield
    finally:
        _known_at.reset(token)


# --- Declaring the history tables -------------------------------------------------------------


def history_columns(base: Table, spec: Versioned) -> list[str]:
    return [c.name for c in base.columns if c.name not in spec.private]


def declare(metadata: MetaData, specs: tuple[Versioned, ...]) -> dict[str, Table]:
    """The history tables of `specs` in `metadata` (so Alembic and the tests see them), and the
    point-in-time source of each versioned table."""
    declared = {}
    for spec in specs:
        base = metadata.tables[spec.table]
        key = [c.name for c in base.primary_key.columns]
        history = Table(
            spec.history,
            metadata,
            *(Column(n, base.c[n].type, nullable=True) for n in history_columns(base, spec)),
            Column(VALID_FROM, UTCDateTime(), nullable=False),
            Column(VALID_TO, UTCDateTime(), nullable=True),
            Index(f"ix_{spec.history}_key", *key),
        )
        declared[spec.table] = history
        _SOURCES[spec.table] = _versions_source(base, history)
    return declared


def versioned_rollup(table: Table, history: Table, query: Callable[[], Any]) -> None:
    """Read `table` (a rollup kept in step with versioned tables, versioned itself in `history`
    since some instant) at its version valid at the instant, or, at an instant before its
    history began, as `query` (its GROUP BY) over the records' versions.

    The history began at its earliest version (the rollup's rows as they stood when it was
    first versioned, or its first write after, if it was empty then), looked up once per
    statement read as of an instant (see `_uncached_when_known`)."""
    versions = _versions_source(table, history)
    _ROLLUP_HISTORIES[table.name] = history
    _open_versions(table.name, history, [c.name for c in table.primary_key.columns])

    def at_instant(at: datetime) -> Any:
        began = _began.get().get(table.name)
        if began is None:
            raise RuntimeError("a point-in-time read must run through a session (rollups)")
        if _from_records.get() or at < began:
            return query()
        return versions(at)

    _SOURCES[table.name] = at_instant


@contextmanager
def rollups_from_records() -> Iterator[None]:
    """Inside, rollups read as of an instant are rebuilt from the records' versions, never
    read from their own history (to check one against the other)."""
    token = _from_records.set(True)
    try:
        yield
    finally:
        _from_records.reset(token)


def _versions_source(base: Table, history: Table) -> Callable[[datetime], Select[Any]]:
    def at_instant(at: datetime) -> Select[Any]:
        instant = bindparam(None, at, type_=UTCDateTime(), unique=True)
        columns = [
            history.c[c.name] if c.name in history.c else cast(null(), c.type).label(c.name)
            for c in base.columns
        ]
        return select(*columns).where(
            history.c[VALID_FROM] <= instant,
            or_(history.c[VALID_TO].is_(None), history.c[VALID_TO] > instant),
        )

    return at_instant


def versioned_tables() -> list[str]:
    return sorted(_SOURCES)


def open_versions_index(table: str) -> str:
    """The index of a rollup's open versions (valid_to null) by key. A rollup's group takes a
    version at every write to it, so the trigger closing the open version would otherwise
    read every version the group ever had: a write's cost grew with the writes before it."""
    return f"ix_{table}{SUFFIX}_open"


def _open_versions(table: str, history: Table, key: Iterable[str]) -> Index:
    """`open_versions_index` on `history`: a partial index on both databases, only the open
    versions in it."""
    only_open = history.c[VALID_TO].is_(None)
    return Index(
        open_versions_index(table),
        *(history.c[name] for name in key),
        postgresql_where=only_open,
        sqlite_where=only_open,
    )


def create_open_versions_index(connection: Connection, table: str) -> None:
    """For a migration: index `table`'s open versions (see `open_versions_index`)."""
    history = Table(table + SUFFIX, MetaData(), autoload_with=connection)
    _open_versions(table, history, _key(connection, table)).create(connection)


# --- Reading as of an instant -----------------------------------------------------------------


@compiles(Table)
def _table_as_known(table: Table, compiler: SQLCompiler, **kw: Any) -> str:
    at = _known_at.get()
    source = _SOURCES.get(table.name) if at is not None else None
    writing = kw.get("iscrud") or compiler.isinsert or compiler.isupdate or compiler.isdelete
    if source is None or at is None or not kw.get("asfrom") or writing:
        return compiler.visit_table(table, **kw)
    if getattr(compiler, "cache_key", None) is not None:
        # A compiled form is cached for every later execution: this one must not be.
        raise RuntimeError("a point-in-time read must run through a session (statement cache)")
    if from_linter := kw.get("from_linter"):
        from_linter.froms[table] = table.fullname
    inner = "(" + compiler.process(source(at), asfrom=True) + ")"
    enclosing = kw.get("enclosing_alias")
    if enclosing is not None and enclosing.element is table:
        return inner  # the alias names it
    return inner + compiler.get_render_as_alias_suffix(compiler.preparer.quote(table.name))


@event.listens_for(Session, "do_orm_execute")
def _uncached_when_known(state: ORMExecuteState) -> None:
    # The rewritten SQL depends on the instant, which the statement cache does not key on.
    if _known_at.get() is None:
        return
    state.update_execution_options(compiled_cache=None)
    # Where each rollup's history began decides how it is read (Core: no ORM event again).
    connection = state.session.connection()
    _began.set(
        {
            name: connection.execute(select(func.min(history.c[VALID_FROM]))).scalar() or NEVER
            for name, history in _ROLLUP_HISTORIES.items()
        }
    )


# --- Migrations: create, keep and drop history tables and their triggers ----------------------
# These read the live schema (not the models), so a migration calling them means what it meant
# when written. A migration that changes a versioned table calls `sync_history` after the change
# (SQLite's batch mode re-creates the table, dropping its triggers); a new versioned table calls
# `create_history`.


def _key(connection: Connection, table: str) -> list[str]:
    return list(inspect(connection).get_pk_constraint(table)["constrained_columns"])


def _copied(connection: Connection, table: str) -> list[str]:
    names = [c["name"] for c in inspect(connection).get_columns(table + SUFFIX)]
    return [n for n in names if n not in (VALID_FROM, VALID_TO)]


def _q(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def create_history(
    connection: Connection, table: str, private: tuple[str, ...] = (), since: datetime = EPOCH
) -> None:
    """Create `table`'s history table with its current rows valid since `since` (the epoch
    unless told), and the triggers that keep it."""
    found = inspect(connection).get_columns(table)
    key = _key(connection, table)
    columns = [c for c in found if c["name"] not in private]
    history = Table(
        table + SUFFIX,
        MetaData(),
        *(Column(c["name"], c["type"], nullable=True) for c in columns),
        Column(VALID_FROM, UTCDateTime(), nullable=False),
        Column(VALID_TO, UTCDateTime(), nullable=True),
        Index(f"ix_{table}{SUFFIX}_key", *key),
    )
    history.create(connection)
    copy_current(connection, table, since)
    create_triggers(connection, table)


def copy_current(connection: Connection, table: str, since: datetime = EPOCH) -> None:
    """Copy `table`'s current rows into its history as valid since `since`."""
    names = _copied(connection, table)
    listed = ", ".join(_q(connection, n) for n in names)
    connection.execute(
        text(
            f"INSERT INTO {_q(connection, table + SUFFIX)} ({listed}, {VALID_FROM})"  # noqa: S608 - names from the catalog
            f" SELECT {listed}, :epoch FROM {_q(connection, table)}"
        ).bindparams(bindparam("epoch", since, type_=UTCDateTime()))
    )


def sync_history(connection: Connection, table: str, private: tuple[str, ...] = ()) -> None:
    """After a migration changed `table`: add its new columns to the history (null in older
    versions) and re-create the triggers (SQLite's batch mode drops them with the table)."""
    have = {c["name"] for c in inspect(connection).get_columns(table + SUFFIX)}
    for c in inspect(connection).get_columns(table):
        if c["name"] not in have and c["name"] not in private:
            column = Column(c["name"], c["type"], nullable=True)
            kind = column.type.compile(dialect=connection.dialect)
            connection.execute(
                text(
                    f"ALTER TABLE {_q(connection, table + SUFFIX)} ADD COLUMN"
                    f" {_q(connection, c['name'])} {kind}"
                )
            )
    drop_triggers(connection, table)
    create_triggers(connection, table)


def drop_history(connection: Connection, table: str) -> None:
    drop_triggers(connection, table)
    connection.execute(text(f"DROP TABLE {_q(connection, table + SUFFIX)}"))


def _trigger_names(table: str) -> list[str]:
    return [f"{table}{SUFFIX}_{event}" for event in ("insert", "update", "delete")]


def create_triggers(connection: Connection, table: str) -> None:
    statements = (
        _postgresql_triggers if connection.dialect.name == "postgresql" else _sqlite_triggers
    )(connection, table)
    for statement in statements:
        connection.execute(text(statement))


def drop_triggers(connection: Connection, table: str) -> None:
    for name in _trigger_names(table):
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {_q(connection, table)}"))
            connection.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))
        else:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))


def triggers_present(connection: Connection, table: str) -> set[str]:
    """Which of `table`'s history triggers exist (a check for tests and health)."""
    if connection.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE tgrelid = CAST(:t AS regclass)"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"
    found = {row[0] for row in connection.execute(text(query), {"t": table})}
    return found & set(_trigger_names(table))


def _parts(connection: Connection, table: str) -> tuple[str, str, list[str]]:
    history = _q(connection, table + SUFFIX)
    columns = ", ".join(_q(connection, n) for n in _copied(connection, table))
    key = [_q(connection, n) for n in _key(connection, table)]
    return history, columns, key


def _sqlite_triggers(connection: Connection, table: str) -> list[str]:
    history, columns, key = _parts(connection, table)
    names = _copied(connection, table)
    new = ", ".join("NEW." + _q(connection, n) for n in names)
    base = _q(connection, table)
    insert = f"INSERT INTO {history} ({columns}, {VALID_FROM}) VALUES ({new}, {SQLITE_NOW});"  # noqa: S608
    close = (
        f"UPDATE {history} SET {VALID_TO} = {SQLITE_NOW} WHERE "  # noqa: S608
        + " AND ".join(f"{k} = OLD.{k}" for k in key)
        + f" AND {VALID_TO} IS NULL;"
    )
    insert_t, update_t, delete_t = _trigger_names(table)
    return [
        f"CREATE TRIGGER {insert_t} AFTER INSERT ON {base} BEGIN {insert} END",
        f"CREATE TRIGGER {update_t} AFTER UPDATE ON {base} BEGIN {close} {insert} END",
        f"CREATE TRIGGER {delete_t} AFTER DELETE ON {base} BEGIN {close} END",
    ]


def _postgresql_triggers(connection: Connection, table: str) -> list[str]:
    # Statement-level, over the transition tables: one INSERT ... SELECT per statement, however
    # many rows a bulk import writes. now() is the transaction's instant.
    history, columns, key = _parts(connection, table)
    base = _q(connection, table)
    insert = (
        f"INSERT INTO {history} ({columns}, {VALID_FROM})"  # noqa: S608
        f" SELECT {columns}, now() FROM new_rows;"
    )
    close = (
        f"UPDATE {history} AS h SET {VALID_TO} = now() FROM old_rows AS o WHERE "  # noqa: S608
        + " AND ".join(f"h.{k} = o.{k}" for k in key)
        + f" AND h.{VALID_TO} IS NULL;"
    )
    bodies = {"insert": insert, "update": close + " " + insert, "delete": close}
    tables = {
        "insert": "NEW TABLE AS new_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
    }
    statements = []
    for name, event_name in zip(_trigger_names(table), ("insert", "update", "delete"), strict=True):
        statements.append(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN {bodies[event_name]} RETURN NULL; END $$"
        )
        statements.append(
            f"CREATE TRIGGER {name} AFTER {event_name.upper()} ON {base}"
            f" REFERENCING {tables[event_name]} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    return statements


class _Answer(Protocol):
    filters: Any


Answer = TypeVar("Answer", bound=_Answer)


async def answer_as_known(at: datetime | None, pending: Awaitable[Answer]) -> Answer:
    """Await a report (or progress) as known at `at` and echo `at` in its filters."""
    with known_as_of(at):
        report = await pending
    if at is not None:
        report.filters.as_known_on = at
    return report
