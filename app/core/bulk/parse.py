"""Import bodies read into numbered records: a JSON array of objects, or a CSV's data lines
checked against the known columns, with the cell conversions CSV needs. A CSV is read as a
spreadsheet writes it (`core.spreadsheet`: encodings, separators, day-first dates, thousands
separators), the same way for every kind."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import orjson
from pydantic import Field

from app.core import spreadsheet
from app.core.csvout import restore_cell
from app.core.errors import PayloadTooLarge, Unprocessable
from app.core.records import LIST_SEPARATOR, RecordShape
from app.core.schemas import ReadModel

MAX_ROWS = 50_000

R = TypeVar("R", bound="Record")
C = TypeVar("C")


class RowError(ReadModel):
    row: int = Field(description="1-based record number (JSON array item or CSV data line)")
    field: str = Field(description="JSON pointer into the record, or the CSV column")
    message: str


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


def read_csv(
    body: bytes,
    *,
    columns: Sequence[str],
    required: Sequence[str],
    dates: Iterable[str] = (),
    numbers: Iterable[str] = (),
) -> CsvLines:
    """Check the header against the known and required columns, then split the lines; the
    cells of `dates` are written ISO and those of `numbers` without thousands separators
    (a cell that reads two ways is the line's error)."""
    try:
        text = spreadsheet.decode(body)
    except spreadsheet.NotText as exc:
        raise _unreadable(f"the CSV cannot be read: {exc}", str(exc)) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=spreadsheet.separator(text))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        raw = list(reader)
    except csv.Error as exc:
        raise _unreadable(f"the CSV cannot be read: {exc}", str(exc)) from None
    errors = _header_errors(header, columns, required)
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
        # A cell the export neutralised (`'=...`) comes back as it was stored (`=...`).
        cells = {h: restore_cell(c) for h, c in zip(header, line, strict=True)}
        if (error := _spreadsheet_cells(row, cells, dates, numbers)) is not None:
            errors.append(error)
            continue
        lines.append((row, cells))
    return CsvLines(received=len(raw), lines=lines, errors=errors)


def _header_errors(
    header: list[str], columns: Sequence[str], required: Sequence[str]
) -> list[RowError]:
    """Unknown, missing required and repeated columns (row 0 is the header)."""
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
    return errors


def _spreadsheet_cells(
    row: int, cells: dict[str, str], dates: Iterable[str], numbers: Iterable[str]
) -> RowError | None:
    """Rewrite a line's date and number cells in place, read as spreadsheets write them
    (`core.spreadsheet`); the first cell that reads two ways is the line's error."""
    readers = [(name, spreadsheet.date_cell) for name in dates]
    readers += [(name, spreadsheet.number_cell) for name in numbers]
    for name, read in readers:
        if cells.get(name, "").strip():
            try:
                cells[name] = read(cells[name])
            except spreadsheet.Ambiguous as exc:
                return RowError(row=row, field=name, message=str(exc))
    return None


def int_cell(value: str) -> Any:
    """A CSV integer; anything else is passed on for validation to refuse, naming the column."""
    digits = value.strip()
    if digits.lstrip("-").isdigit() and len(digits) <= 18:
        return int(digits)
    return value


def list_cell(value: str) -> list[str]:
    """A CSV list cell: items separated by ";"."""
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def cell_reader(ints: Iterable[str] = (), lists: Iterable[str] = ()) -> Callable[[str, str], Any]:
    """`convert(column, cell)` for CSV cells: integers in `ints`, lists in `lists`, strings
    elsewhere (amounts stay strings: Decimal("0.10") is exact)."""
    int_columns, list_columns = frozenset(ints), frozenset(lists)

    def convert(column: str, value: str) -> Any:
        if column in int_columns:
            return int_cell(value)
        if column in list_columns:
            return list_cell(value)
        return value

    return convert


def csv_values(
    cells: Mapping[str, str], names: Iterable[str], convert: Callable[[str, str], Any]
) -> dict[str, Any]:
    """The non-empty cells among `names`, converted; an empty cell is an absent field."""
    return {name: convert(name, cells[name]) for name in names if cells.get(name, "") != ""}


def parse_records(
    body: bytes,
    *,
    csv_body: bool,
    noun: str,
    shape: RecordShape,
    required: Sequence[str],
    convert: Callable[[str, str], Any],
    dates: Iterable[str] = (),
    numbers: Iterable[str] = (),
) -> Parsed[Record]:
    """An import body of flat records (no child rows): a JSON array, or a CSV in `shape`'s
    columns, one record a line, its cells read as `read_csv` does and converted by
    `convert(column, cell)`."""
    if not csv_body:
        return parse_json(body, noun, Record)
    table = read_csv(body, columns=shape.columns, required=required, dates=dates, numbers=numbers)
    records = [
        Record(row=row, data=csv_values(cells, shape.read, convert), from_csv=True)
        for row, cells in table.lines
    ]
    return Parsed(received=table.received, records=records, errors=table.errors, format="csv")


def records_parser(
    noun: str,
    shape: RecordShape,
    *,
    required: Sequence[str],
    ints: Iterable[str] = (),
    lists: Iterable[str] = (),
    dates: Iterable[str] = (),
    amounts: Iterable[str] = (),
) -> Callable[..., Parsed[Record]]:
    """`parse(body, *, csv_body)` of an import of flat records (see `parse_records`), its CSV
    cells read by `cell_reader(ints, lists)`; `ints` and `amounts` are numbers, `dates` dates
    as spreadsheets write them."""
    convert = cell_reader(ints, lists)
    numbers = (*ints, *amounts)

    def parse(body: bytes, *, csv_body: bool) -> Parsed[Record]:
        return parse_records(
            body,
            csv_body=csv_body,
            noun=noun,
            shape=shape,
            required=required,
            convert=convert,
            dates=dates,
            numbers=numbers,
        )

    return parse


def group_lines(
    table: CsvLines,
    shape: RecordShape,
    convert: Callable[[str, str], Any],
    *,
    noun: str,
    key: Callable[[dict[str, Any]], Hashable | None],
    child: Callable[[int, dict[str, str]], C | RowError | None],
    start: Callable[[int, dict[str, Any]], R],
    attach: Callable[[R, int, C], None],
) -> Parsed[R]:
    """Records of several CSV lines each (e.g. a training's line per partner): lines with the
    same `key` (from the record's own fields in `shape`) are one `noun`, and must agree on
    those fields; the first `start`s the record, and each line's child part (`child`: None
    when it has none, or its error) is `attach`ed to it."""
    records: list[R] = []
    by_key: dict[Hashable, tuple[R, dict[str, Any]]] = {}
    errors = table.errors
    for row, cells in table.lines:
        part = child(row, cells)
        if isinstance(part, RowError):
            errors.append(part)
            continue
        own = csv_values(cells, shape.read, convert)
        found = by_key.get(group) if (group := key(own)) is not None else None
        if found is None:
            found = (start(row, own), own)
            records.append(found[0])
            if group is not None:
                by_key[group] = found
        elif differing := [n for n in shape.read if own.get(n) != found[1].get(n)]:
            message = f"differs from row {found[0].row}, a line of the same {noun}"
            errors.append(RowError(row=row, field=differing[0], message=message))
            continue
        if part is not None:
            attach(found[0], row, part)
    errors.sort(key=lambda e: e.row)
    return Parsed(received=table.received, records=records, errors=errors, format="csv")
