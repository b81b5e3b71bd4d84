"""The bulk import flow, once for every kind of record: every record checked before anything
is written, then all-or-nothing upserts (or, on a dry run, only the counts), one change per
record created or updated (its audit event, change feed item and webhook events, as the
single-record routes record them) and a summary.

A domain supplies an `Importer` (how to check one record, its upsert key, its columns and
child rows, who reads it); `run_import` does the rest, and `importing` makes the domain's
import function.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Select, Table, delete, func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.bulk.parse import Parsed, Record, RowError, int_cell
from app.core.bulk.sql import CHUNK, Progress, chunks, insert_returning_ids, update_by_id
from app.core.errors import Unprocessable, validation_message
from app.core.records import ID, RecordShape
from app.core.rollup import Change
from app.core.schemas import ReadModel
from app.core.security import Principal

MAX_LISTED_ERRORS = 1_000

# One change of a batch: (resource id, changed fields, audit details, reading partners).
Noted = tuple[object, list[str], dict[str, Any] | None, Iterable[int] | None]


class ChangeWriter(Protocol):
    """The audit trail's batch writer (`app.audit.writer.record_many`), handed in: core knows
    no domain."""

    def __call__(
        self,
        session: AsyncSession,
        actor: Principal | None,
        action: str,
        resource_type: str,
        changes: Iterable[Noted],
    ) -> object: ...


class Checked(Protocol):
    """A record checked by its importer: the validated body and the columns it stores."""

    @property
    def body(self) -> BaseModel: ...

    def columns(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=Record)
V = TypeVar("V", bound=Checked)
S = TypeVar("S")
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
MAX_ID = 2**63 - 1


class ImportSummary(ReadModel):
    """What an import did (or, with dry_run, would do); null counts are left out."""

    dry_run: bool
    received: int = Field(description="records received (JSON items or CSV data lines)")
    created: int | None = None
    updated: int | None = None
    would_create: int | None = None
    would_update: int | None = None
    unchanged: int
    errors: list[RowError]


# Checking


def locate(rec: Record, loc: Sequence[Any]) -> tuple[int, str]:
    """Record number and field for an error at `loc`: the CSV column or a JSON pointer."""
    parts = [str(p) for p in loc]
    if rec.from_csv:
        return rec.row, parts[0] if parts else ""
    return rec.row, "/" + "/".join(parts) if parts else ""


class Problems(list[tuple[str, str]]):
    """The (JSON pointer, message) problems one record's check notes, its look-ups of the
    codes it names among them."""

    def look_up(self, codes: Mapping[str, T], code: str, pointer: str, unknown: str) -> T | None:
        """What `code` (any case) names in `codes`; else None, and the problem noted at
        `pointer` (e.g. "unknown program 'XX'")."""
        found = codes.get(code.upper())
        if found is None:
            self.append((pointer, f"{unknown} {code!r}"))
        return found

    def program(self, programs: Mapping[str, T], code: str) -> T | None:
        """The program `code` names, or the problem noted at /program."""
        return self.look_up(programs, code, "/program", "unknown program")

    def partner(self, partners: Mapping[str, T], code: str) -> T | None:
        """The partner `code` names, or the problem noted at /partner."""
        return self.look_up(partners, code, "/partner", "unknown country code")

    def noted(self, checked: tuple[T, tuple[str, str] | None]) -> T:
        """The value of a check that answers (value, problem or None), its problem noted."""
        value, problem = checked
        if problem is not None:
            self.append(problem)
        return value


def stored_id(stored: object) -> int:
    """The id of a stored (mapped) record."""
    return int(inspect(stored).identity[0])


def changed_fields(shape: RecordShape, stored: Any, values: Mapping[str, Any]) -> list[str]:
    """The fields of `shape` whose stored columns differ from `values`, by the names an
    update records (imported fields; a derived one only when nothing else differs)."""
    differ = [
        f
        for f in shape.fields
        if f.stored
        and (column := f.column or f.name) in values
        and getattr(stored, column) != values[column]
    ]
    return [f.name for f in differ if f.imported] or [f.name for f in differ]


class Importer(ABC, Generic[R, V, S]):
    """What one kind of record needs from the import flow: R parsed, V checked, S stored."""

    resource_type: str  # the audit event's resource type, e.g. "training"
    body_type: type[BaseModel]  # what a record must validate as, e.g. TrainingCreate
    shape: RecordShape  # the record's fields: the columns compared and written
    # The upsert key's columns of the stored record: a group and a value within it, e.g.
    # (Training.program_id, Training.external_ref).
    key_columns: tuple[Any, Any]
    # Child rows (table, column naming the record): replaced when a record is updated.
    children: tuple[tuple[Table, str], ...] = ()
    # The rollup the records feed, if it is kept by `Change` (what the updated records gave
    # before, what every written one gives after).
    rollup: type[Change] | None = None
    summary_type: type[ImportSummary] = ImportSummary

    @property
    def model(self) -> Any:
        """The stored record's mapped class (e.g. Training): that of its key columns."""
        return self.key_columns[0].class_

    @property
    def key_field(self) -> str:
        """The field named when an upsert key repeats: the key's value within its group."""
        return str(self.key_columns[-1].key)

    def locate(self, rec: R, loc: Sequence[Any]) -> tuple[int, str]:
        return locate(rec, loc)

    def errors_at(self, rec: R, pairs: Iterable[tuple[str, str]]) -> list[RowError]:
        """Row errors from (JSON pointer, message) pairs about one record."""
        found = []
        for pointer, text in pairs:
            row, name = self.locate(rec, pointer.strip("/").split("/") if pointer else [])
            found.append(RowError(row=row, field=name, message=text))
        return found

    def validated(self, rec: R, model: type[M]) -> M | list[RowError]:
        """The record's data as `model`, or its validation errors."""
        try:
            return model.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)

    def validation_errors(self, rec: R, exc: ValidationError) -> list[RowError]:
        found = []
        for error in exc.errors():
            row, name = self.locate(rec, error.get("loc", ()))
            found.append(RowError(row=row, field=name, message=validation_message(error)))
        return found

    async def prepare(self, session: AsyncSession) -> None:
        """Load what checking needs (code → id maps, declared on the importer's class) in a few
        queries, before the loop."""

    def check(self, rec: R) -> V | list[RowError]:
        """The record validated as `body_type` and its codes resolved (`resolve`), or its errors."""
        body = self.validated(rec, self.body_type)
        if isinstance(body, list):
            return body
        problems = Problems()
        item = self.resolve(body, problems)
        if problems or item is None:
            return self.errors_at(rec, problems)
        return item

    @abstractmethod
    def resolve(self, body: Any, problems: Problems) -> V | None:
        """The validated record with the codes it names resolved; its rules' problems noted in
        `problems` (None: a code it needs is unknown, and so noted)."""

    def key(self, item: V) -> Hashable | None:
        """The upsert key: the item's values of `key_columns`; None (the record is always
        created) when it has no value within the group, e.g. no external reference."""
        return self._key(item.columns())

    def _key(self, values: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = tuple(values[column.key] for column in self.key_columns)
        return None if found[-1] is None else found

    async def find(self, session: AsyncSession, keys: list[Any]) -> Mapping[Any, Sequence[S]]:
        """Stored records by upsert key (more than one makes the key ambiguous): one query per
        chunk of values within a group of `key_columns`."""
        by_group: dict[Any, list[Any]] = {}
        for group, value in keys:
            by_group.setdefault(group, []).append(value)
        group_column, value_column = self.key_columns
        found: dict[Hashable, list[S]] = {}
        for group, values in by_group.items():
            for start in range(0, len(values), CHUNK):
                query = self.stored().where(
                    group_column == group, value_column.in_(values[start : start + CHUNK])
                )
                for stored in (await session.scalars(query)).all():
                    found.setdefault(self.stored_key(stored), []).append(stored)
        return found

    def stored_key(self, stored: S) -> Hashable | None:
        """The upsert key of a stored record (None when it has none)."""
        return self._key({column.key: getattr(stored, column.key) for column in self.key_columns})

    def stored(self) -> Select[S]:
        """The query of stored records, loading what `changed` reads."""
        return select(self.model)

    async def find_ids(self, session: AsyncSession, ids: list[int]) -> dict[int, S]:
        """Stored records by id."""
        found: dict[int, S] = {}
        for start in range(0, len(ids), CHUNK):
            query = self.stored().where(self.model.id.in_(ids[start : start + CHUNK]))
            for stored in (await session.scalars(query)).all():
                found[stored_id(stored)] = stored
        return found

    def changed(self, stored: S, item: V) -> list[str]:
        """The fields the item changes on the stored record (none: it is unchanged)."""
        return changed_fields(self.shape, stored, item.columns()) + self.children_changed(
            stored, item
        )

    def children_changed(self, stored: S, item: V) -> list[str]:
        """The child fields (e.g. "participants") the item changes."""
        return []

    def created_fields(self, item: V) -> list[str]:
        """The fields a created record's change names: those the record gave."""
        return sorted(item.body.model_fields_set)

    def details(self, item: V) -> dict[str, Any] | None:
        """The audit details of the record's change, as its single-record route writes them."""
        return None

    @abstractmethod
    def readers(self, item: V) -> Iterable[int]:
        """The partners whose embassy keys read the record (and so its change)."""

    async def insert_children(self, session: AsyncSession, pairs: Sequence[tuple[int, V]]) -> None:
        """Insert the child rows of records (id, item), in bulk."""

    async def refuse(self, session: AsyncSession, plan: Plan[V, S]) -> None:
        """Refuse the whole import (raise) for a rule the stored records or locks decide, once
        every record has passed its checks and before anything is written."""

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, V]],
        updates: list[tuple[S, V]],
        progress: Progress | None,
    ) -> list[int]:
        """Insert (each with the id to keep, if any) and update in bulk, the child rows of an
        updated record replaced (flush, never commit); the created ids, in order."""
        ids_before = [stored_id(stored) for stored, _ in updates]
        change = await self.rollup(session, ids_before).before() if self.rollup else None
        created: list[int] = []
        for chunk in chunks(creates, "creating", progress):
            ids = await insert_returning_ids(
                session, self.model.__table__, [(given, item.columns()) for given, item in chunk]
            )
            created += ids
            await self.insert_children(
                session, [(new, item) for new, (_, item) in zip(ids, chunk, strict=True)]
            )
        for pairs in chunks(updates, "updating", progress):
            rows = [(stored_id(stored), item) for stored, item in pairs]
            await update_by_id(
                session, self.model.__table__, [(row_id, item.columns()) for row_id, item in rows]
            )
            ids = [row_id for row_id, _ in rows]
            for table, column in self.children:
                await session.execute(delete(table).where(table.c[column].in_(ids)))
            await self.insert_children(session, rows)
        if change is not None:
            await change.after(created)
        return created

    def summary_fields(self, parsed: Parsed[R]) -> dict[str, Any]:
        """Extra fields of the domain's summary."""
        return {}


def repeated(importer: Importer[R, V, S], rec: R, field: str, first: int) -> RowError:
    row, name = importer.locate(rec, [field])
    return RowError(
        row=row, field=name, message=f"repeats the {importer.resource_type} of row {first}"
    )


async def serialize_imports(session: AsyncSession, resource_type: str) -> None:
    """Imports of one kind run one at a time, so two never create the same key twice.

    PostgreSQL: a transaction-scoped advisory lock; SQLite's BEGIN IMMEDIATE already
    serializes writers."""
    if session.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(f"wps-import:{resource_type}".encode()).digest()
    await session.execute(
        select(func.pg_advisory_xact_lock(int.from_bytes(digest[:8], "big", signed=True)))
    )


def record_id(importer: Importer[R, V, S], rec: R) -> int | list[RowError] | None:
    """The id an exported record carries (taken out of its data), None when it has none."""
    value = rec.data.pop(ID, None)
    if isinstance(value, str) and rec.from_csv:
        value = int_cell(value) if value.strip() else None
    if value is None or (type(value) is int and 0 < value <= MAX_ID):
        return value
    row, name = importer.locate(rec, [ID])
    return [RowError(row=row, field=name, message="must be the id of an exported record")]


# The flow: check every record, match each to a stored one, then write and note the changes


@dataclass(slots=True)
class Checks(Generic[R, V]):
    """The records that passed their checks (record, id it names, item, its upsert key) and
    the errors."""

    errors: list[RowError]
    valid: list[tuple[R, int | None, V, Hashable | None]] = field(default_factory=list)
    keys: dict[Any, int] = field(default_factory=dict)  # upsert key → the row giving it
    ids: dict[int, int] = field(default_factory=dict)  # id named → the row naming it


@dataclass(slots=True)
class Plan(Generic[V, S]):
    """What the import writes: records to create, to update (with the fields they change)."""

    creates: list[tuple[int | None, V]] = field(default_factory=list)
    updates: list[tuple[S, V]] = field(default_factory=list)
    changed: list[list[str]] = field(default_factory=list)  # per update, its changed fields
    unchanged: int = 0


def check_all(
    importer: Importer[R, V, S], parsed: Parsed[R], progress: Progress | None
) -> Checks[R, V]:
    """Every record checked, and refused when its key or id repeats an earlier record's."""
    checks: Checks[R, V] = Checks(errors=list(parsed.errors))
    total = len(parsed.records)
    for n, rec in enumerate(parsed.records, start=1):
        if progress and (n % CHUNK == 0 or n == total):
            progress("validating", n, total)
        given_id = record_id(importer, rec)
        item = importer.check(rec)
        for problems in (given_id, item):
            if isinstance(problems, list):
                checks.errors.extend(problems)
        if not isinstance(given_id, list) and not isinstance(item, list):
            _admit(importer, checks, rec, given_id, item)
    return checks


def _admit(
    importer: Importer[R, V, S], checks: Checks[R, V], rec: R, given_id: int | None, item: V
) -> None:
    key = importer.key(item)
    if key is not None and key in checks.keys:
        checks.errors.append(repeated(importer, rec, importer.key_field, checks.keys[key]))
    elif given_id is not None and given_id in checks.ids:
        checks.errors.append(repeated(importer, rec, ID, checks.ids[given_id]))
    else:
        if key is not None:
            checks.keys[key] = rec.row
        if given_id is not None:
            checks.ids[given_id] = rec.row
        checks.valid.append((rec, given_id, item, key))


async def plan_writes(
    session: AsyncSession, importer: Importer[R, V, S], checks: Checks[R, V]
) -> Plan[V, S]:
    """Each valid record matched to the stored one it names or keys (see `run_import`):
    created, updated or unchanged; a key matching several stored records is an error."""
    by_key = await importer.find(session, list(checks.keys))
    by_id = await importer.find_ids(session, list(checks.ids))
    plan: Plan[V, S] = Plan()
    for rec, given_id, item, key in checks.valid:
        target = by_id.get(given_id) if given_id is not None else None
        if target is not None and importer.stored_key(target) != key:
            target = None  # the id names another record here: a file from another database
        stored = list(by_key.get(key, ())) if key is not None and target is None else []
        if len(stored) > 1:
            row, name = importer.locate(rec, [importer.key_field])
            text = f"matches {len(stored)} stored {importer.resource_type}s; cannot tell which"
            checks.errors.append(RowError(row=row, field=name, message=text))
        elif target is None and not stored:
            plan.creates.append((given_id if given_id not in by_id else None, item))
        else:
            _update_or_keep(importer, plan, target if target is not None else stored[0], item)
    # Records keeping their id go in first, so no new id handed out before takes one of theirs.
    plan.creates.sort(key=lambda create: create[0] is None)
    return plan


def _update_or_keep(importer: Importer[R, V, S], plan: Plan[V, S], stored: S, item: V) -> None:
    changed = importer.changed(stored, item)
    if changed:
        plan.updates.append((stored, item))
        plan.changed.append(changed)
    else:
        plan.unchanged += 1


def refused(errors: list[RowError], parsed: Parsed[Any]) -> Unprocessable:
    first = errors[0]
    return Unprocessable(
        f"{len(errors)} invalid record(s), nothing was imported; first: row {first.row}, "
        f"{first.field or 'record'}: {first.message}",
        # Problem errors items need `detail` (the contract's FieldError); row/field stay.
        errors=[{**e.model_dump(), "detail": e.message} for e in errors[:MAX_LISTED_ERRORS]],
        error_count=len(errors),
        received=parsed.received,
    )


def note_changes(
    session: AsyncSession,
    actor: Principal | None,
    importer: Importer[R, V, S],
    plan: Plan[V, S],
    created: list[int],
    audit: ChangeWriter,
    source: str,
) -> None:
    """One change per record created or updated, as its single-record route records it; its
    readers given from the rows at hand. The audit details say the import wrote it."""

    def details(item: V) -> dict[str, Any]:
        return {**(importer.details(item) or {}), "import": source}

    kind = importer.resource_type
    creates = zip(created, (item for _, item in plan.creates), strict=True)
    audit(
        session,
        actor,
        "create",
        kind,
        [
            (new, importer.created_fields(item), details(item), importer.readers(item))
            for new, item in creates
        ],
    )
    updates = zip(plan.updates, plan.changed, strict=True)
    audit(
        session,
        actor,
        "update",
        kind,
        [
            (stored_id(stored), changed, details(item), importer.readers(item))
            for (stored, item), changed in updates
        ],
    )


async def run_import(
    session: AsyncSession,
    actor: Principal | None,
    importer: Importer[R, V, S],
    parsed: Parsed[R],
    *,
    dry_run: bool,
    audit: ChangeWriter,
    progress: Progress | None = None,
) -> ImportSummary:
    """Check every record; on a dry run count, else write all or (any error) nothing.

    A record is matched to the stored one its id names (exports carry ids) when that one has
    the same key (external reference, or none), else by its key alone; so an export imported
    back changes nothing. A file from another database creates what its keys do not find,
    keeping each id this database does not hold (so importing it again changes nothing)."""
    await importer.prepare(session)
    checks = check_all(importer, parsed, progress)
    if not dry_run:
        await serialize_imports(session, importer.resource_type)
    plan = await plan_writes(session, importer, checks)
    errors = sorted(checks.errors, key=lambda e: e.row)
    if not dry_run:
        if errors:
            raise refused(errors, parsed)
        await importer.refuse(session, plan)
        created = await importer.write(session, plan.creates, plan.updates, progress)
        note_changes(session, actor, importer, plan, created, audit, parsed.format)
    counts = (
        {"would_create": len(plan.creates), "would_update": len(plan.updates)}
        if dry_run
        else {"created": len(plan.creates), "updated": len(plan.updates)}
    )
    return importer.summary_type(
        dry_run=dry_run,
        received=parsed.received,
        unchanged=plan.unchanged,
        errors=errors[:MAX_LISTED_ERRORS],
        **counts,
        **importer.summary_fields(parsed),
    )


class ImportRun(Protocol):
    """A domain's import: `(session, actor, parsed, *, dry_run, progress)` → the summary."""

    def __call__(
        self,
        session: AsyncSession,
        actor: Principal | None,
        parsed: Parsed[Any],
        *,
        dry_run: bool,
        progress: Progress | None = None,
    ) -> Awaitable[ImportSummary]: ...


def importing(make: Callable[[], Importer[Any, Any, Any]], audit: ChangeWriter) -> ImportRun:
    """The import of one kind of record: a fresh importer from `make` each time, its changes
    written by `audit`."""

    async def run(
        session: AsyncSession,
        actor: Principal | None,
        parsed: Parsed[Any],
        *,
        dry_run: bool,
        progress: Progress | None = None,
    ) -> ImportSummary:
        return await run_import(
            session, actor, make(), parsed, dry_run=dry_run, audit=audit, progress=progress
        )

    return run
