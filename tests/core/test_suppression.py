"""The suppression algorithm on its own: the disclosure audit over generated tables, and the
cases named in its doc."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.suppression import CountTable, withheld_in_series
from tests.core.disclosure_audit import audit_count_table, audit_series, feasible_ranges

# Small counts are common in the tables that need protecting; so are zeros.
counts = st.integers(min_value=0, max_value=12)


def test_the_audit_solves_what_the_lines_give_away() -> None:
    # a + b = 2 with a, b >= 1: both are 1. c + d = 9 with c >= 1, d >= 0: c is 1 to 9.
    ranges = feasible_ranges(
        {"row": 2, "other": 9},
        {"a": 1, "b": 1, "c": 1, "d": 0},
        [(("a", "b"), "row"), (("c", "d"), "other")],
    )
    assert ranges == {"a": (1, 1), "b": (1, 1), "c": (1, 9), "d": (0, 8)}
    assert feasible_ranges({}, {"e": 1}, [])["e"] == (1, float("inf"))


def test_two_withheld_cells_summing_to_two_are_not_both_given_away() -> None:
    """Issue 24, point 5: at K=2 a row of 1 woman and 1 man, total 2, withheld both and showed
    the total, so both were 1."""
    table = CountTable(parts=("women", "men"), total="total")
    rows = [
        {"partner": "GHA", "women": 1, "men": 1, "total": 2},
        {"partner": "KEN", "women": 30, "men": 25, "total": 55},
        {"partner": "SEN", "women": 12, "men": 20, "total": 32},
    ]
    totals = {"women": 43, "men": 46, "total": 89}
    shown, shown_totals = table.apply(rows, totals, 2)
    assert shown[0]["women"] is None and shown[0]["men"] is None
    assert audit_count_table(table, shown, shown_totals, rows, totals, 2) == []


@st.composite
def count_tables(
    draw: st.DrawFn,
) -> tuple[CountTable, list[dict[str, int]], dict[str, int] | None, int]:
    """A declaration (two or three parts, maybe one hidden, maybe a subset of the first), rows
    of small counts and their totals (or none)."""
    parts = ("women", "men", "unreported")[: draw(st.integers(2, 3))]
    hidden = frozenset(draw(st.sampled_from([(), (parts[-1],)])))
    subsets = {"leaders": "women"} if draw(st.booleans()) else {}
    table = CountTable(parts=parts, total="total", hidden=hidden, subsets=subsets)
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        row = {name: draw(counts) for name in parts}
        row["total"] = sum(row.values())
        if subsets:
            row["leaders"] = draw(st.integers(0, row["women"]))
        rows.append(row)
    totals = None
    if draw(st.booleans()) or not rows:
        totals = {name: sum(r[name] for r in rows) for name in rows[0]} if rows else None
        if totals is None:
            totals = {name: draw(counts) for name in parts}
            totals["total"] = sum(totals.values())
            if subsets:
                totals["leaders"] = draw(st.integers(0, totals["women"]))
    return table, rows, totals, draw(st.integers(2, 6))


def _answered(line: dict[str, Any], table: CountTable) -> dict[str, Any]:
    return {name: value for name, value in line.items() if name not in table.hidden}


@settings(max_examples=300, deadline=None)
@given(count_tables())
def test_no_withheld_count_can_be_narrowed_below_the_threshold(
    case: tuple[CountTable, list[dict[str, int]], dict[str, int] | None, int],
) -> None:
    table, rows, totals, k = case
    shown, shown_totals = table.apply(
        [_answered(r, table) for r in rows], None if totals is None else _answered(totals, table), k
    )
    # Every answered count from 1 to k-1 is withheld; the others are published as they are.
    for answered, true in zip([*shown, shown_totals], [*rows, totals], strict=True):
        if true is None:
            continue
        assert answered is not None
        for name in table.answered():
            if name in true and 1 <= true[name] < k:
                assert answered[name] is None, (name, true, k)
            assert answered[name] in (None, true[name])
    assert audit_count_table(table, shown, shown_totals, rows, totals, k) == []


def test_complements_are_the_cheapest_cells_never_zeros_nor_totals_when_cells_will_do() -> None:
    table = CountTable(parts=("women", "men", "unreported"), total="total")
    rows = [
        {"women": 2, "men": 9, "unreported": 0, "total": 11},
        {"women": 12, "men": 8, "unreported": 0, "total": 20},
    ]
    totals = {"women": 14, "men": 17, "unreported": 0, "total": 31}
    shown, shown_totals = table.apply(rows, totals, 3)
    # 2 women are small: moving one of them to the men (and back in the other row) takes
    # the men of both rows and the women of the other, and goes 8 up (the other row's
    # women are 12, its men 8): more than 3. Zeros and totals stay.
    assert [r["suppressed"] for r in shown] == [["women", "men"], ["women", "men"]]
    assert shown_totals is not None and shown_totals["suppressed"] == []
    assert audit_count_table(table, shown, shown_totals, rows, totals, 3) == []


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
    # One man in Ghana is a small count, so Ghana's women (9 = 10 - 1) go too, and Kenya's
    # 12 with them: the man and one woman can trade places between the two rows.
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
    assert audit_count_table(table, answered, answered_totals, rows, totals, 5) == []


def test_a_series_withholds_small_counts_and_small_increases_of_running_totals() -> None:
    assert withheld_in_series([3, 150, None, 0, 7], 5, running=False) == {0}
    # Running: 10 (+10), 12 (+2: small), 12 (+0 after a withheld year: it equals it),
    # 30 (+18), 31 (+1: small).
    assert withheld_in_series([10, 12, 12, 30, 31], 5, running=True) == {1, 2, 4}
    assert withheld_in_series([0, 0, 20], 5, running=True) == set()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=1, max_size=8),
    st.sets(st.integers(0, 7)),
    st.integers(2, 6),
)
def test_no_withheld_year_of_a_running_total_can_be_narrowed(
    steps: list[int], also: set[int], k: int
) -> None:
    """A running total's withheld years (small ones, small increases, years withheld for
    another reason as the IATI export's) lie between shown years K or more apart."""
    values = [sum(steps[: i + 1]) for i in range(len(steps))]
    also = {i for i in also if i < len(values) and values[i] >= 1}
    gone = withheld_in_series(values, k, running=True, also=also)
    true = [{"actual": str(v)} for v in values]
    shown = [{"actual": None if i in gone else str(v)} for i, v in enumerate(values)]
    assert audit_series(shown, true, k, running=True) == []
