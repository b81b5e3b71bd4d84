"""The disclosure audit: what a reader can work out about each withheld count from everything
an answer publishes. Each withheld (or implied) count's feasible range is solved exactly, as
an integer program (scipy's `milp`): every published figure fixed, every row adding up to its
total and every column to the totals line, a withheld count at least 1 (the rule shows zeros),
an implied one at least 0. A count whose range holds fewer than K values is disclosed."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from decimal import Decimal
from itertools import combinations
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from app.core.suppression import CountTable

Key = Hashable
UNBOUNDED = 10**7
# An equation: these cells add up to that one.
Equation = tuple[Sequence[Key], Key]


def feasible_ranges(
    known: Mapping[Key, int],
    unknown: Mapping[Key, int],
    equations: Sequence[Equation],
    rising: Sequence[tuple[Key, Key]] = (),
) -> dict[Key, tuple[float, float]]:
    """Each unknown cell's least and greatest value (inf: unbounded) given the known ones,
    the unknowns' lower bounds, the equations, and pairs (a, b) with a <= b."""
    names = list(unknown)
    index = {name: i for i, name in enumerate(names)}
    rows: list[np.ndarray] = []
    low: list[float] = []
    high: list[float] = []

    def add(terms: Sequence[tuple[Key, int]], at_least: float, at_most: float) -> None:
        row, constant = np.zeros(len(names)), 0.0
        for key, sign in terms:
            if key in index:
                row[index[key]] += sign
            else:
                constant += sign * known[key]
        if row.any():
            rows.append(row)
            low.append(at_least - constant)
            high.append(at_most - constant)

    for cells, total in equations:
        add([*((c, 1) for c in cells), (total, -1)], 0, 0)
    for smaller, larger in rising:
        add([(larger, 1), (smaller, -1)], 0, math.inf)
    if not names:
        return {}
    constraints = [LinearConstraint(np.array(rows), low, high)] if rows else []
    # A cap far above any count here stands for "unbounded" (HiGHS cannot tell that from
    # infeasible); a range reaching it is reported as reaching infinity.
    bounds = Bounds([unknown[n] for n in names], [UNBOUNDED] * len(names))
    integral = np.ones(len(names))
    found: dict[Key, tuple[float, float]] = {}
    for name in names:
        ends = []
        for sign in (1, -1):
            objective = np.zeros(len(names))
            objective[index[name]] = sign
            result = milp(objective, constraints=constraints, bounds=bounds, integrality=integral)
            assert result.status == 0, (name, result.message)  # the true table is feasible
            end = round(sign * result.fun)
            ends.append(math.inf if end >= UNBOUNDED else end)
        found[name] = (ends[0], ends[1])
    return found


def audit_count_table(
    table: CountTable,
    rows: Sequence[Mapping[str, Any]],
    totals: Mapping[str, Any] | None,
    true_rows: Sequence[Mapping[str, Any]],
    true_totals: Mapping[str, Any] | None,
    k: int,
) -> list[str]:
    """The withheld or implied counts of an answered table (rows, totals as answered; the true
    ones beside them, in the same order) whose feasible range holds fewer than k values."""
    assert len(rows) == len(true_rows)
    lines = [*zip(rows, true_rows, strict=True)]
    if totals is not None:
        lines.append((totals, true_totals))
    known, unknown, sensitive = _read_lines(table, lines, k)
    tree, _ = _tree(table)
    equations: list[Equation] = []
    for i in range(len(lines)):
        for parent in {parent for parent in tree.values() if parent is not None}:
            children = [name for name, up in tree.items() if up == parent]
            equations.append(([(i, c) for c in children], (i, parent)))
    if totals is not None and rows:  # totals alone add up nothing
        last = len(lines) - 1
        equations += [([(i, name) for i in range(last)], (last, name)) for name in tree]
    return _narrowed(table, lines, feasible_ranges(known, unknown, equations), sensitive, k)


Lines = Sequence[tuple[Mapping[str, Any], Mapping[str, Any] | None]]  # (answered, true)


def _read_lines(
    table: CountTable, lines: Lines, k: int
) -> tuple[dict[Key, int], dict[Key, int], set[Key]]:
    """What the lines of an answer tell (`_read_line`): known, unknown and sensitive cells."""
    known: dict[Key, int] = {}
    unknown: dict[Key, int] = {}
    sensitive: set[Key] = set()
    for i, (answered, true) in enumerate(lines):
        _read_line(table, i, answered, _cells(table, true), k, (known, unknown, sensitive))
    return known, unknown, sensitive


def _narrowed(
    table: CountTable,
    lines: Lines,
    ranges: Mapping[Key, tuple[float, float]],
    sensitive: set[Key],
    k: int,
) -> list[str]:
    """The sensitive cells whose feasible range holds fewer than k values, described."""
    return [
        f"{key}: true {_cells(table, lines[key[0]][1])[key[1]]}, feasible {lo}..{hi}"  # type: ignore[index]
        for key, (lo, hi) in sorted(ranges.items(), key=str)
        if key in sensitive and hi - lo < k
    ]


def _read_line(
    table: CountTable,
    i: int,
    answered: Mapping[str, Any],
    truth: Mapping[str, int],
    k: int,
    into: tuple[dict[Key, int], dict[Key, int], set[Key]],
) -> None:
    """What line i of an answer tells: its published counts (known), its withheld ones (at
    least 1) and implied ones (at least 0) unknown; the withheld and small implied ones are
    the counts to keep from being narrowed."""
    known, unknown, sensitive = into
    tree, implied = _tree(table)
    for name in tree:
        value = truth[name]
        if name in implied:
            unknown[(i, name)] = 0
            if 1 <= value < k:
                sensitive.add((i, name))
        elif answered.get(name) is None:
            assert value >= 1, f"a withheld zero at {(i, name)}"  # the rule shows zeros
            unknown[(i, name)] = 1
            sensitive.add((i, name))
        else:
            assert answered[name] == value, (i, name)  # published figures stay correct
            known[(i, name)] = value


def _tree(table: CountTable) -> tuple[dict[str, str | None], set[str]]:
    """The table's columns as the reader sees them, worked out here from the declaration
    alone (not from the module audited): each column and the one it adds up to, and the
    implied ones (hidden parts, the rest of a subset's part)."""
    tree: dict[str, str | None] = {table.total: None}
    tree.update(dict.fromkeys(table.parts, table.total))
    implied = set(table.hidden)
    for name, part in table.subsets.items():
        tree[name] = tree[f"rest of {part}"] = part
        implied.add(f"rest of {part}")
    return tree, implied


def _cells(table: CountTable, line: Mapping[str, Any] | None) -> dict[str, int]:
    """A true line's counts by column of `_tree`."""
    assert line is not None
    found = {
        name: line[name] for name in (*table.parts, table.total, *table.subsets) if name in line
    }
    for name in table.hidden:
        found[name] = line[table.total] - sum(line[p] for p in table.parts if p != name)
    for name, part in table.subsets.items():
        found[f"rest of {part}"] = line[part] - line[name]
    return found


def audit_series(
    answered: Sequence[Mapping[str, Any]],
    true: Sequence[Mapping[str, Any]],
    k: int,
    running: bool,
) -> list[str]:
    """The withheld actuals of an indicator's years (progress rows, or one scorecard line)
    whose feasible range holds fewer than k values. A reader knows the published actuals, that
    a running total never falls, and, from a published status, whether the actual reached
    the year's target (on_track: at least the target; behind: below it)."""
    known: dict[Key, int] = {}
    unknown: dict[Key, int] = {}
    rising: list[tuple[Key, Key]] = []
    targets: dict[Key, int] = {}
    for i, (shown, row) in enumerate(zip(answered, true, strict=True)):
        if row["actual"] is None:
            continue
        value = int(Decimal(row["actual"]))
        if shown["actual"] is None:
            assert value >= 1, f"a withheld zero in year {i}"
            unknown[i] = 1
        else:
            assert shown["actual"] == row["actual"]
            known[i] = value
        if running and i - 1 in known | unknown:
            rising.append((i - 1, i))
        if shown.get("status") in ("on_track", "behind") and shown.get("target") is not None:
            target = math.ceil(Decimal(shown["target"]))
            known[("target", i)] = target
            pair = (("target", i), i) if shown["status"] == "on_track" else (i, ("target", i))
            rising.append(pair)
            targets[i] = shown["status"] == "behind"
    # behind is strictly below the target: one less, as an integer.
    for i, behind in targets.items():
        if behind:
            known[("target", i)] -= 1
    ranges = feasible_ranges(known, unknown, [], rising)
    return [
        f"year {i}: true {true[i]['actual']}, feasible {lo}..{hi}"  # type: ignore[index]
        for i, (lo, hi) in ranges.items()
        if hi - lo < k
    ]


def audit_overlapping_rows(
    table: CountTable,
    rows: Sequence[Mapping[str, Any]],
    totals: Mapping[str, Any],
    true_rows: Sequence[Mapping[str, Any]],
    true_totals: Mapping[str, Any],
    k: int,
    member: str,
    others: Sequence[str] = (),
) -> list[str]:
    """`audit_count_table` for a table whose rows may share people: a record belongs to any
    number of `member` values (a training's topics), counts in the row of each, and once in
    the totals (also with none); `others` are the rows' other keys. The reader does not know
    the memberships, so the people are modelled as classes, one per value of the other keys
    and set of `member` values shown with it (each class at least 0), and one for those in no
    row: a row is the sum of the classes holding its value, the totals the sum of all."""
    assert len(rows) == len(true_rows)
    lines = [*zip(rows, true_rows, strict=True), (totals, true_totals)]
    known, unknown, sensitive = _read_lines(table, lines, k)
    tree, _ = _tree(table)
    groups = [tuple(row[g] for g in others) for row in true_rows]
    shown: dict[tuple[Any, ...], set[Any]] = {}
    for group, row in zip(groups, true_rows, strict=True):
        shown.setdefault(group, set()).add(row[member])
    classes: list[tuple[tuple[Any, ...] | None, frozenset[Any]]] = [(None, frozenset())]
    for group, values in shown.items():
        for size in range(1, len(values) + 1):
            classes += [(group, frozenset(s)) for s in combinations(sorted(values), size)]
    equations: list[Equation] = []
    parents = {parent for parent in tree.values() if parent is not None}
    for c in classes:
        unknown.update({(c, name): 0 for name in tree})
        for parent in parents:
            equations.append(
                ([(c, name) for name, up in tree.items() if up == parent], (c, parent))
            )
    for name in tree:
        equations.append(([(c, name) for c in classes], (len(lines) - 1, name)))
        for i, (group, row) in enumerate(zip(groups, true_rows, strict=True)):
            holding = [c for c in classes if c[0] == group and row[member] in c[1]]
            equations.append(([(c, name) for c in holding], (i, name)))
    return _narrowed(table, lines, feasible_ranges(known, unknown, equations), sensitive, k)
