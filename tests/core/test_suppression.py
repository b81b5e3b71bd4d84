"""The suppression algorithm on its own: random small tables, and the cases named in its doc."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.suppression import CountTable, Position, lines_of, protect, withheld_in_series

# Small counts are common in the tables that need protecting; so are zeros.
counts = st.integers(min_value=0, max_value=12)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[int | None]], int]:
    rows = draw(st.integers(min_value=1, max_value=5))
    columns = draw(st.integers(min_value=1, max_value=4))
    cells = [[draw(counts) for _ in range(columns)] for _ in range(rows)]
    grid: list[list[int | None]] = [[*row, sum(row)] for row in cells]
    column_totals = [sum(row[j] for row in cells) for j in range(columns)]
    grid.append([*column_totals, sum(column_totals)])
    return grid, draw(st.integers(min_value=2, max_value=6))


def _value(grid: list[list[int | None]], position: Position) -> int:
    found = grid[position[0]][position[1]]
    assert found is not None
    return found


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_withheld_count_can_be_recomputed(table: tuple[list[list[int | None]], int]) -> None:
    grid, k = table
    withheld = protect(grid, k)
    # Every count from 1 to k-1 is withheld, margins included; complements are positive.
    for i, row in enumerate(grid):
        for j, count in enumerate(row):
            assert count is not None
            if 1 <= count < k:
                assert (i, j) in withheld
            if (i, j) in withheld:
                assert count > 0
    # No withheld cell equals its line's total minus the line's visible cells (rows, columns,
    # the totals row and column, and the whole table for the grand total) ...
    for cells, total in lines_of(grid):
        if total in withheld:
            # ... and a withheld total is never the sum of cells all visible.
            assert any(p in withheld for p in cells)
            continue
        rest = _value(grid, total) - sum(_value(grid, p) for p in cells if p not in withheld)
        for p in cells:
            if p in withheld:
                assert _value(grid, p) != rest, (grid, k, sorted(withheld), p)


def test_complements_are_the_smallest_positive_cells_never_zeros() -> None:
    grid: list[list[int | None]] = [[2, 0, 9, 11], [5, 7, 8, 20], [7, 7, 17, 31]]
    withheld = protect(grid, 3)
    # 2 is small; its row's complement is 9 (the 0 beside it would tell nothing); the columns
    # then need 5 and 8 below them, and their row, its total... until every line holds two.
    assert (0, 0) in withheld and (0, 1) not in withheld and (0, 2) in withheld
    assert {(1, 0), (1, 2)} <= withheld
    assert (2, 3) not in withheld  # the grand total stays: the withheld cells are four


def test_a_report_declaration_answers_nulls_and_names_them() -> None:
    table = CountTable(
        parts=("women", "men"),
        total="nominations",
        hidden=frozenset({"men"}),
        derived={"women_share_pct": ("women", "nominations")},
    )
    rows = [
        {"partner": "GHA", "nominations": 10, "women": 9, "men": 1, "women_share_pct": 90.0},
        {"partner": "KEN", "nominations": 30, "women": 12, "men": 18, "women_share_pct": 40.0},
    ]
    totals = {"nominations": 40, "women": 21, "men": 19, "women_share_pct": 52.5}
    answered, answered_totals = table.apply(rows, totals, 5)
    # One man in Ghana is a small count, so Ghana's women (9 = 10 - 1) go too; the women's
    # column then needs Kenya's 12 withheld (and the men's, unanswered, Kenya's 18).
    assert answered[0] == {
        "partner": "GHA",
        "nominations": 10,
        "women": None,
        "women_share_pct": None,
        "suppressed": ["women", "women_share_pct"],
    }
    assert answered[1] == {
        "partner": "KEN",
        "nominations": 30,
        "women": None,
        "women_share_pct": None,
        "suppressed": ["women", "women_share_pct"],
    }
    assert answered_totals == {
        "nominations": 40,
        "women": 21,
        "women_share_pct": 52.5,
        "suppressed": [],
    }


def test_a_series_withholds_small_counts_and_small_increases_of_running_totals() -> None:
    assert withheld_in_series([3, 150, None, 0, 7], 5, running=False) == {0}
    # Running: 10 (+10), 12 (+2: small), 12 (+0 after a withheld year: it equals it),
    # 30 (+18), 31 (+1: small).
    assert withheld_in_series([10, 12, 12, 30, 31], 5, running=True) == {1, 2, 4}
    assert withheld_in_series([0, 0, 20], 5, running=True) == set()
