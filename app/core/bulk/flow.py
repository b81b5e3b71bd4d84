"""The bulk import flow, once for every kind of record: every record checked before anything
is written, then all-or-nothing upserts (or, on a dry run, only the counts), one audit event
and a summary.

A domain supplies an `Importer` (how to check one record, its upsert key, how to find and
compare stored records, how to write them in bulk); `run_import` does the rest.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from pydantic import Field, ValidationError
from sqlalchemy import Select, func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.bulk.parse import Parsed, Record, RowError, int_cell
from app.core.errors import Unprocessable, validation_message
from app.core.records import ID
from app.core.schemas import ReadModel
from app.core.security import Principal

MAX_LISTED_ERRORS = 1_000
CHUNK = 1_000

# `progress(phase, done, total)`: how far a long import or export is (the CLI draws it).
Progress = Callable[[str, int, int], None]


class AuditWriter(Protocol):
    """The audit trail's writer (`app.audit.writer.record`), handed in: core knows no domain."""

    def __call__(
        self,
        session: AsyncSession,
        actor: Principal | None,
        action: str,
        resource_type: str,
        resource_id: object,
        changed_fields: list[str] | None = ...,
        details: dict[str, Any] | None = ...,
    ) -> object: ...


R = TypeVar("R", bound=Record)
V = TypeVar("V")
S = TypeVar("S")
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


class Importer(ABC, Generic[R, V, S]):
    """What one kind of record needs from the import flow: R parsed, V checked, S stored."""

    resource_type: str  # the audit event's resource type, e.g. "training"
    key_field: str  # the field named when an upsert key repeats, e.g. "external_ref"
    model: Any  # the stored record's mapped class, e.g. Training
    # The upsert key's columns: a group and a value within it, e.g. (program_id, external_ref).
    key_columns: tuple[Any, Any]
    summary_type: type[ImportSummary] = ImportSummary

    def locate(self, rec: R, loc: Sequence[Any]) -> tuple[int, str]:
        return locate(rec, loc)

    def errors_at(self, rec: R, pairs: Iterable[tuple[str, str]]) -> list[RowError]:
        """Row errors from (JSON pointer, message) pairs about one record."""
        found = []
        for pointer, text in pairs:
            row, name = self.locate(rec, pointer.strip("/").split("/") if pointer else [])
            found.append(RowError(row=row, field=name, message=text))
        return found

    def validation_errors(self, rec: R, exc: ValidationError) -> list[RowError]:
        found = []
        for error in exc.errors():
            row, name = self.locate(rec, error.get("loc", ()))
            found.append(RowError(row=row, field=name, message=validation_message(error)))
        return found

    async def prepare(self, session: AsyncSession) -> None:
        """Load what checking needs (code → id maps) in a few queries, before the loop."""

    @abstractmethod
    def check(self, rec: R) -> V | list[RowError]:
        """The record validated and its codes resolved, or its errors."""

    @abstractmethod
    def key(self, item: V) -> Hashable | None:
        """The upsert key; None means the record is always created."""

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

    @abstractmethod
    def stored_key(self, stored: S) -> Hashable | None:
        """The upsert key of a stored record (None when it has none)."""

    @abstractmethod
    def stored(self) -> Select[S]:
        """The query of stored records, loading what `same` and `write` read."""

    async def find_ids(self, session: AsyncSession, ids: list[int]) -> dict[int, S]:
        """Stored records by id."""
        found: dict[int, S] = {}
        for start in range(0, len(ids), CHUNK):
            query = self.stored().where(self.model.id.in_(ids[start : start + CHUNK]))
            for stored in (await session.scalars(query)).all():
                found[inspect(stored).identity[0]] = stored
        return found

    @abstractmethod
    def same(self, stored: S, item: V) -> bool:
        """Whether the stored record already says what the item says."""

    @abstractmethod
    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, V]],
        updates: list[tuple[S, V]],
        progress: Progress | None,
    ) -> None:
        """Insert (each with the id to keep, if any) and update in bulk (flush, never
        commit)."""

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


async def run_import(
    session: AsyncSession,
    actor: Principal | None,
    importer: Importer[R, V, S],
    parsed: Parsed[R],
    *,
    dry_run: bool,
    audit: AuditWriter,
    progress: Progress | None = None,
) -> ImportSummary:
    """Check every record; on a dry run count, else write all or (any error) nothing.

    A record is matched to the stored one its id names (exports carry ids) when that one has
    the same key (external reference, or none), else by its key alone; so an export imported
    back changes nothing. A file from another database creates what its keys do not find,
    keeping each id this database does not hold (so importing it again changes nothing)."""
    errors = list(parsed.errors)
    await importer.prepare(session)
    valid: list[tuple[R, int | None, V]] = []
    seen: dict[Any, int] = {}
    seen_ids: dict[int, int] = {}
    total = len(parsed.records)
    for n, rec in enumerate(parsed.records, start=1):
        if progress and (n % CHUNK == 0 or n == total):
            progress("validating", n, total)
        given_id = record_id(importer, rec)
        checked = importer.check(rec)
        for problems in (given_id, checked):
            if isinstance(problems, list):
                errors.extend(problems)
        if isinstance(given_id, list) or isinstance(checked, list):
            continue
        key = importer.key(checked)
        if key is not None and key in seen:
            errors.append(repeated(importer, rec, importer.key_field, seen[key]))
        elif given_id is not None and given_id in seen_ids:
            errors.append(repeated(importer, rec, ID, seen_ids[given_id]))
        else:
            if key is not None:
                seen[key] = rec.row
            if given_id is not None:
                seen_ids[given_id] = rec.row
            valid.append((rec, given_id, checked))

    if not dry_run:
        await serialize_imports(session, importer.resource_type)
    by_key = await importer.find(session, list(seen))
    by_id = await importer.find_ids(session, list(seen_ids))
    creates: list[tuple[int | None, V]] = []
    updates: list[tuple[S, V]] = []
    unchanged = 0
    for rec, given_id, item in valid:
        key = importer.key(item)
        stored = list(by_key.get(key, ())) if key is not None else []
        target = by_id.get(given_id) if given_id is not None else None
        keep_id = given_id if given_id is not None and given_id not in by_id else None
        if target is not None and importer.stored_key(target) != key:
            target = None  # the id names another record here: a file from another database
        if target is None and len(stored) > 1:
            row, name = importer.locate(rec, [importer.key_field])
            text = f"matches {len(stored)} stored {importer.resource_type}s; cannot tell which"
            errors.append(RowError(row=row, field=name, message=text))
            continue
        if target is None and stored:
            target = stored[0]
        if target is None:
            creates.append((keep_id, item))
        elif importer.same(target, item):
            unchanged += 1
        else:
            updates.append((target, item))
    errors.sort(key=lambda e: e.row)
    # Records keeping their id go in first, so no new id handed out before takes one of theirs.
    creates.sort(key=lambda create: create[0] is None)

    extra = importer.summary_fields(parsed)
    if dry_run:
        return importer.summary_type(
            dry_run=True,
            received=parsed.received,
            would_create=len(creates),
            would_update=len(updates),
            unchanged=unchanged,
            errors=errors[:MAX_LISTED_ERRORS],
            **extra,
        )
    if errors:
        first = errors[0]
        raise Unprocessable(
            f"{len(errors)} invalid record(s), nothing was imported; first: row {first.row}, "
            f"{first.field or 'record'}: {first.message}",
            # Problem errors items need `detail` (the contract's FieldError); row/field stay.
            errors=[{**e.model_dump(), "detail": e.message} for e in errors[:MAX_LISTED_ERRORS]],
            error_count=len(errors),
            received=parsed.received,
        )
    await importer.write(session, creates, updates, progress)
    counts = {"created": len(creates), "updated": len(updates), "unchanged": unchanged}
    audit(
        session,
        actor,
        "import",
        importer.resource_type,
        "import",
        [],
        {"format": parsed.format, "received": parsed.received, **counts},
    )
    return importer.summary_type(
        dry_run=False, received=parsed.received, errors=[], **counts, **extra
    )
