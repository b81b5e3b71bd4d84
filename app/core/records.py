"""A record's shape, declared once: an ordered field list that drives the attributes read from
the stored record, the CSV header and lines, the import's JSON record, and the columns an
import writes and compares.

A domain declares `SHAPE = RecordShape(Field("id", imported=False), Field("title"), ...)`
beside its schemas; adding a field is one more `Field` there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

LIST_SEPARATOR = ";"
# The field naming the stored record: exported, and read by an import to match the record.
ID = "id"


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as named cells: `{"a": {"b": 1}}` is `{"a.b": 1}` (under `prefix`,
    `prefix.a.b`), since a CSV cell holds no object."""
    found: dict[str, Any] = {}
    for name, value in data.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        if isinstance(value, Mapping):
            found.update(flatten(value, path))
        else:
            found[path] = value
    return found


@dataclass(frozen=True, slots=True)
class Field:
    """One field: its CSV column and import name, and where it lives on the stored record."""

    name: str
    source: str = ""  # the attribute read for output (default: the name), e.g. `program_code`
    column: str = ""  # the table column an import writes (default: the name), e.g. `program_id`
    imported: bool = True  # False: derived on output only (ids, timestamps, totals)
    stored: bool = True  # False: not a column of the record's own table (child rows, derived)
    convert: Callable[[Any], Any] | None = None  # the output value from the attribute's

    def value(self, record: Any) -> Any:
        source = self.source or self.name
        # A child record may be a stored JSON object (a snapshot's skipped rows) or a row.
        value = record.get(source) if isinstance(record, Mapping) else getattr(record, source)
        return self.convert(value) if self.convert is not None and value is not None else value


# The fields many records share, declared once: the stored id and timestamps (output only) and
# the references by code to a program, partner or project (written as the referenced id).
RECORD_ID = Field(ID, imported=False, stored=False)
PROGRAM = Field("program", source="program_code", column="program_id")
PARTNER = Field("partner", source="partner_code", column="partner_id")
PROJECT = Field("project", source="project_code", column="project_id")
TIMESTAMPS = (
    Field("created_at", imported=False, stored=False),
    Field("updated_at", imported=False, stored=False),
)


@dataclass(frozen=True, slots=True)
class Children:
    """Child records written one CSV line each (e.g. a training's participants)."""

    name: str  # the import's JSON key, e.g. "participants"
    source: str  # the attribute listing them in output order, e.g. "participants_by_partner"
    shape: RecordShape


class RecordShape:
    """The ordered fields of one record; with `children`, one CSV line per child record (its
    columns follow the record's), or one line with empty child columns when it has none."""

    def __init__(self, *fields: Field, children: Children | None = None) -> None:
        self.fields = fields
        self.children = children

    @property
    def names(self) -> tuple[str, ...]:
        """The record's own field names, in order."""
        return tuple(f.name for f in self.fields)

    @property
    def plain(self) -> tuple[str, ...]:
        """The fields stored as given: a column of the record's own table by the same name,
        with no reference to resolve and nothing derived (what create and update copy)."""
        return tuple(f.name for f in self.fields if f.imported and f.stored and not f.column)

    @property
    def imported(self) -> tuple[str, ...]:
        """The fields an import reads, in order."""
        return tuple(f.name for f in self.fields if f.imported)

    @property
    def identified(self) -> bool:
        """Whether the record carries its id (exported, and matched on by an import)."""
        return ID in self.names

    @property
    def read(self) -> tuple[str, ...]:
        """The fields an import reads: the id (to match a stored record), then the imported."""
        return ((ID,) if self.identified else ()) + tuple(n for n in self.imported if n != ID)

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV header: the record's fields, then its child's."""
        return self.names + (self.children.shape.columns if self.children is not None else ())

    def row(self, record: Any) -> list[Any]:
        """The record's own CSV cells, in field order (the CSV writer formats each value)."""
        return [f.value(record) for f in self.fields]

    def lines(self, record: Any) -> list[list[Any]]:
        """The record's CSV lines (one per child record when it has children)."""
        own = self.row(record)
        if self.children is None:
            return [own]
        shape = self.children.shape
        children = getattr(record, self.children.source)
        if not children:
            return [own + [None] * len(shape.columns)]
        return [own + line for child in children for line in shape.lines(child)]

    def batch_lines(self, batch: Iterable[Any]) -> list[list[Any]]:
        return [line for record in batch for line in self.lines(record)]

    def json(self, record: Any) -> dict[str, Any]:
        """The record in the import's JSON shape (its id, imported fields; children nested)."""
        data = {f.name: f.value(record) for f in self.fields if f.imported or f.name == ID}
        if self.children is not None:
            shape = self.children.shape
            data[self.children.name] = [
                shape.json(c) for c in getattr(record, self.children.source)
            ]
        return data

    def values(self, item: Any, resolved: Mapping[str, Any]) -> dict[str, Any]:
        """The stored columns an import writes: from `resolved` (ids, derived values) by
        column name, else the incoming item's attribute of the field's name."""
        found: dict[str, Any] = {}
        for f in self.fields:
            if not f.stored:
                continue
            column = f.column or f.name
            found[column] = resolved[column] if column in resolved else getattr(item, f.name)
        return found

    def same(self, stored: Any, values: Mapping[str, Any]) -> bool:
        """Whether the stored record's columns already hold `values`."""
        return all(getattr(stored, column) == value for column, value in values.items())
