"""The pure parts of the import flow that decide what a change records: the fields an update
names, and a code looked up with its problem noted."""

from __future__ import annotations

from types import SimpleNamespace

from app.core.bulk import Problems, changed_fields
from app.core.records import Field, RecordShape

SHAPE = RecordShape(
    Field("id", imported=False, stored=False),
    Field("program", column="program_id"),
    Field("title"),
    Field("topics", stored=False),
    Field("start_date"),
    Field("fiscal_year", imported=False),  # derived from start_date
)


def test_an_update_names_the_fields_it_changes_by_their_names_not_columns() -> None:
    stored = SimpleNamespace(program_id=1, title="A", start_date="2020-01-01", fiscal_year=2020)
    values = {"program_id": 2, "title": "A", "start_date": "2021-01-01", "fiscal_year": 2021}
    # The derived fiscal year is left out when a field it derives from is named.
    assert changed_fields(SHAPE, stored, values) == ["program", "start_date"]
    assert (
        changed_fields(
            SHAPE,
            stored,
            {**values, "program_id": 1, "start_date": "2020-01-01", "fiscal_year": 2020},
        )
        == []
    )


def test_a_derived_field_is_named_when_nothing_else_differs() -> None:
    stored = SimpleNamespace(program_id=1, title="A", start_date="2020-01-01", fiscal_year=2019)
    values = {"program_id": 1, "title": "A", "start_date": "2020-01-01", "fiscal_year": 2020}
    assert changed_fields(SHAPE, stored, values) == ["fiscal_year"]


def test_a_code_is_looked_up_in_any_case_and_an_unknown_one_noted() -> None:
    problems = Problems()
    assert problems.look_up({"GPOI": 7}, "gpoi", "/program", "unknown program") == 7
    assert problems == []
    assert problems.look_up({"GPOI": 7}, "Xx", "/program", "unknown program") is None
    assert problems == [("/program", "unknown program 'Xx'")]
