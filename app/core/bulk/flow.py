"""Bulk import, once for every kind of record: a JSON array or a CSV parsed into numbered
records, every record checked before anything is written, then all-or-nothing upserts (or,
on a dry run, only the counts), one audit event and a summary; plus the CLI's file import and
export with a progress bar.

A domain supplies an `Importer` (how to check one record, its upsert key, how to find and
compare stored records, how to write them in bulk); `run_import` does the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import io
import sys
from abc import ABC, abstractmethod
from collections.abc import (
    AsyncIterable,
    Awaitable,
    Callable,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar

import orjson
from fastapi import Request
from pydantic import Field, ValidationError
from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.responses import Response

from app.core.audit import record
from app.core.config import get_settings
from app.core.csvout import csv_chunks
from app.core.db import create_engine, create_sessionmaker
from app.core.errors import AppError, PayloadTooLarge, Unprocessable
from app.core.models import utcnow
from app.core.progress import ProgressBar
from app.core.schemas import ReadModel
from app.core.security import Principal

MAX_ROWS = 50_000
MAX_LISTED_ERRORS = 1_000
CHUNK = 1_000
LIST_SEPARATOR = ";"

Progress = Callable[[str, int, int], None]
T = TypeVar("T")
R = TypeVar("R", bound="Record")
V = TypeVar("V")
S = TypeVar("S")


class RowError(ReadModel):
    row: int = Field(description="1-based record number (JSON array item or CSV data line)")
    field: str = Field(description="JSON pointer into the record, or the CSV column")
    message: str


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


# Parsing


@dataclass(slots=True)
class Record:
    """One record to upsert and the record number it came from."""

    row: int
    data: dict[str, Any]
    from_csv: bool = False


@dataclass(slots=True)
class Parsed(Generic[R]):
    received: int
    records: list[R]
    errors: list[RowError]
    format: str


def _too_many(count: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"an import takes at most {MAX_ROWS} records; this one has {count}")


def _unreadable(detail: str, reason: str) -> Unprocessable:
    return Unprocessable(detail, errors=[{"pointer": "", "detail": reason}])


def is_csv_request(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower() == "text/csv"


def looks_like_csv(path: Path, body: bytes) -> bool:
    """A file to import is CSV by its suffix, or when it does not start like JSON."""
    return path.suffix.lower() == ".csv" or body.lstrip()[:1] not in (b"[", b"{")


def parse_json(body: bytes, noun: str, make: Callable[[int, dict[str, Any]], R]) -> Parsed[R]:
    """A JSON array of objects; `make(row, item)` builds each record."""
    try:
        items = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise _unreadable("the body is not valid JSON", "not valid JSON") from None
    if not isinstance(items, list):
        raise _unreadable(f"the body must be a JSON array of {noun}", "expected an array")
    if len(items) > MAX_ROWS:
        raise _too_many(len(items))
    records: list[R] = []
    errors: list[RowError] = []
    for row, item in enumerate(items, start=1):
        if isinstance(item, dict):
            records.append(make(row, item))
        else:
            errors.append(RowError(row=row, field="", message="expected an object"))
    return Parsed(received=len(items), records=records, errors=errors, format="json")


@dataclass(slots=True)
class CsvLines:
    """A CSV's data lines as (row number, column → cell); blank lines are skipped."""

    received: int
    lines: list[tuple[int, dict[str, str]]]
    errors: list[RowError]


def read_csv(body: bytes, *, columns: Sequence[str], required: Sequence[str]) -> CsvLines:
    """Check the header against the known and required columns, then split the lines."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _unreadable("the CSV is not UTF-8", "not UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        raw = list(reader)
    except csv.Error as exc:
        raise _unreadable(f"the CSV cannot be read: {exc}", str(exc)) from None
    errors = [
        RowError(row=0, field=n, message="unknown column") for n in header if n not in columns
    ]
    errors += [
        RowError(row=0, field=n, message="required column is missing")
        for n in required
        if n not in header
    ]
    if len(set(header)) != len(header):
        errors.append(RowError(row=0, field="", message="a column is repeated"))
    if errors:
        return CsvLines(received=len(raw), lines=[], errors=errors)
    if len(raw) > MAX_ROWS:
        raise _too_many(len(raw))
    lines: list[tuple[int, dict[str, str]]] = []
    for row, line in enumerate(raw, start=1):
        if not any(cell.strip() for cell in line):
            continue
        if len(line) != len(header):
            message = f"expected {len(header)} cells, got {len(line)}"
            errors.append(RowError(row=row, field="", message=message))
            continue
        lines.append((row, dict(zip(header, line, strict=True))))
    return CsvLines(received=len(raw), lines=lines, errors=errors)


def int_cell(value: str) -> Any:
    """A CSV integer; anything else is passed on for validation to refuse, naming the column."""
    digits = value.strip()
    if digits.lstrip("-").isdigit() and len(digits) <= 18:
        return int(digits)
    return value


def list_cell(value: str) -> list[str]:
    """A CSV list cell: items separated by ";"."""
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def csv_values(
    cells: Mapping[str, str], names: Iterable[str], convert: Callable[[str, str], Any]
) -> dict[str, Any]:
    """The non-empty cells among `names`, converted; an empty cell is an absent field."""
    return {name: convert(name, cells[name]) for name in names if cells.get(name, "") != ""}


# Checking


def message(error: Any) -> str:
    if error.get("type") == "extra_forbidden":
        return "unknown or read-only field"
    return str(error.get("msg", "invalid value"))


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
            found.append(RowError(row=row, field=name, message=message(error)))
        return found

    async def prepare(self, session: AsyncSession) -> None:
        """Load what checking needs (code → id maps) in a few queries, before the loop."""

    @abstractmethod
    def check(self, rec: R) -> V | list[RowError]:
        """The record validated and its codes resolved, or its errors."""

    @abstractmethod
    def key(self, item: V) -> Hashable | None:
        """The upsert key; None means the record is always created."""

    @abstractmethod
    async def find(self, session: AsyncSession, keys: list[Any]) -> Mapping[Any, Sequence[S]]:
        """Stored records by upsert key (more than one makes the key ambiguous)."""

    @abstractmethod
    def same(self, stored: S, item: V) -> bool:
        """Whether the stored record already says what the item says."""

    @abstractmethod
    async def write(
        self,
        session: AsyncSession,
        creates: list[V],
        updates: list[tuple[S, V]],
        progress: Progress | None,
    ) -> None:
        """Insert and update in bulk (flush, never commit)."""

    def summary_fields(self, parsed: Parsed[R]) -> dict[str, Any]:
        """Extra fields of the domain's summary."""
        return {}


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


async def run_import(
    session: AsyncSession,
    actor: Principal | None,
    importer: Importer[R, V, S],
    parsed: Parsed[R],
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> ImportSummary:
    """Check every record; on a dry run count, else write all or (any error) nothing."""
    errors = list(parsed.errors)
    await importer.prepare(session)
    valid: list[tuple[R, V]] = []
    seen: dict[Any, int] = {}
    total = len(parsed.records)
    for n, rec in enumerate(parsed.records, start=1):
        if progress and n % CHUNK == 0:
            progress("validating", n, total)
        checked = importer.check(rec)
        if isinstance(checked, list):
            errors.extend(checked)
            continue
        key = importer.key(checked)
        if key is not None:
            if key in seen:
                row, name = importer.locate(rec, [importer.key_field])
                text = f"repeats the {importer.resource_type} of row {seen[key]}"
                errors.append(RowError(row=row, field=name, message=text))
                continue
            seen[key] = rec.row
        valid.append((rec, checked))

    if not dry_run:
        await serialize_imports(session, importer.resource_type)
    existing = await importer.find(session, list(seen))
    creates: list[V] = []
    updates: list[tuple[S, V]] = []
    unchanged = 0
    for rec, item in valid:
        key = importer.key(item)
        stored = existing.get(key, ()) if key is not None else ()
        if len(stored) > 1:
            row, name = importer.locate(rec, [importer.key_field])
            text = f"matches {len(stored)} stored {importer.resource_type}s; cannot tell which"
            errors.append(RowError(row=row, field=name, message=text))
        elif not stored:
            creates.append(item)
        elif importer.same(stored[0], item):
            unchanged += 1
        else:
            updates.append((stored[0], item))
    errors.sort(key=lambda e: e.row)

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
    record(
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


# Bulk writing helpers


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


# HTTP


def summary_response(summary: ImportSummary) -> Response:
    return Response(
        summary.model_dump_json(exclude_none=True).encode(), media_type="application/json"
    )


def request_body(schema: str) -> dict[str, Any]:
    """The OpenAPI request body of an import route: an array of `schema`, or a CSV."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}}
                },
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    }


# CLI

ImportWork = Callable[[AsyncSession, bytes, bool, Progress], Awaitable[ImportSummary]]


async def _import_file(body: bytes, is_csv: bool, work: ImportWork) -> dict[str, Any]:
    bar = ProgressBar()
    engine = create_engine(get_settings())
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            try:
                summary = await work(session, body, is_csv, bar)
            except AppError as exc:
                bar.close()
                return {"error": exc.detail, **exc.extra, "errors": exc.errors or []}
            bar.close()
            return summary.model_dump(exclude_none=True)
    finally:
        await engine.dispose()


def import_file(file: str, work: ImportWork) -> None:
    """`wps import KIND FILE`: the summary (or the errors, exit status 1) as JSON on stdout."""
    path = Path(file)
    body = path.read_bytes()
    result = asyncio.run(_import_file(body, looks_like_csv(path, body), work))
    sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    if "error" in result:
        sys.exit(1)


async def write_export(
    out: TextIO,
    *,
    format: str,
    total: int,
    batches: AsyncIterable[list[T]],
    columns: Sequence[str],
    csv_lines: Callable[[T], Iterable[Sequence[Any]]],
    json_record: Callable[[T], dict[str, Any]],
) -> int:
    """Write batches as CSV (the list's columns) or a JSON array (the import's shape)."""
    bar = ProgressBar()
    done = 0

    async def counted() -> Any:
        nonlocal done
        async for batch in batches:
            yield batch
            done += len(batch)
            bar("exporting", done, total)

    if format == "csv":

        async def lines() -> Any:
            async for batch in counted():
                yield [line for item in batch for line in csv_lines(item)]

        async for chunk in csv_chunks(columns, lines()):
            out.write(chunk.decode())
    else:
        out.write("[")
        first = True
        async for batch in counted():
            for item in batch:
                out.write(("\n" if first else ",\n") + orjson.dumps(json_record(item)).decode())
                first = False
        out.write("\n]\n")
    bar.close()
    return done


ExportWork = Callable[[async_sessionmaker[AsyncSession], TextIO], Awaitable[int]]


async def _export(work: ExportWork, out: TextIO) -> int:
    engine = create_engine(get_settings())
    try:
        return await work(create_sessionmaker(engine), out)
    finally:
        await engine.dispose()


def export_file(output: str | None, noun: str, work: ExportWork) -> None:
    """`wps export KIND`: to `--output` (with a count on stderr) or to stdout."""
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = asyncio.run(_export(work, out))
        print(f"exported {count} {noun} to {output}", file=sys.stderr)
    else:
        try:
            asyncio.run(_export(work, sys.stdout))
        except BrokenPipeError:  # `wps export ... | head` is fine
            sys.stderr.close()


def add_commands(
    imports_parser: Any,
    exports_parser: Any,
    noun: str,
    *,
    import_: Callable[[argparse.Namespace], None],
    export: Callable[[argparse.Namespace], None],
) -> argparse.ArgumentParser:
    """Register `import NOUN FILE [--dry-run]` and `export NOUN [--format] [--output]`;
    returns the export parser for the domain's filter options."""
    p = imports_parser.add_parser(noun, help=f"upsert {noun} from a JSON or CSV file")
    p.add_argument("file", help="a JSON array or a CSV with the export's columns")
    p.add_argument("--dry-run", action="store_true", help="validate and count; write nothing")
    p.set_defaults(func=import_)
    p = exports_parser.add_parser(noun, help=f"write {noun} as CSV or JSON")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--output", "-o", help="file to write (default stdout)")
    p.set_defaults(func=export)
    return p  # type: ignore[no-any-return]
