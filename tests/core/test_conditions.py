"""The shared builders of filter conditions and import problems: a value-or-range filter
(app/core/rollup.py `within`, which `matching` uses) and an import's look-ups
(app/core/bulk `Problems`)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, column
from sqlalchemy.dialects import sqlite

from app.core.bulk import Problems
from app.core.rollup import matching, within


def sql(clauses: list[ColumnElement[bool]]) -> list[str]:
    dialect = sqlite.dialect()
    return [
        str(c.compile(dialect=dialect, compile_kwargs={"literal_binds": True})) for c in clauses
    ]


def test_within_is_one_value_or_a_range_each_end_optional() -> None:
    year = column("fiscal_year")
    assert sql(within(year, 2024)) == ["fiscal_year = 2024"]
    assert sql(within(year, low=2020)) == ["fiscal_year >= 2020"]
    assert sql(within(year, None, 2020, 2024)) == ["fiscal_year >= 2020", "fiscal_year <= 2024"]
    assert within(year) == []


def test_matching_keeps_its_keys_then_the_fiscal_year_range() -> None:
    class Table:
        program_id = column("program_id")
        partner_id = column("partner_id")
        fiscal_year = column("fiscal_year")

    found = matching(Table, program_id=3, partner_id=None, fiscal_year=2024, to_fy=2025)
    assert sql(found) == ["program_id = 3", "fiscal_year = 2024", "fiscal_year <= 2025"]


def test_problems_note_each_unknown_code_at_its_field() -> None:
    problems = Problems()
    assert problems.program({"GPOI": 1}, "gpoi") == 1  # any case
    assert problems.partner({"KEN": (4, "KEN")}, "xx") is None
    assert problems.look_up({}, "c1", "/training_center", "unknown training center") is None
    assert problems.noted((5, None)) == 5
    assert problems.noted((None, ("/project", "unknown project 'P1'"))) is None
    assert problems == [
        ("/partner", "unknown country code 'xx'"),
        ("/training_center", "unknown training center 'c1'"),
        ("/project", "unknown project 'P1'"),
    ]
