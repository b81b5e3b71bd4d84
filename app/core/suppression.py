"""Small-number suppression of published counts: which cells of a count table to withhold so
that no count from 1 to K-1, and no withheld count, can be read or recomputed from the totals
published beside it. Pure: no database, no HTTP, no domain.

A report declares its count table once (`CountTable`: the row fields that add up to a row
total, the figures computed from them) and calls `CountTable.apply` on its rows and totals.

The method (primary, then complementary suppression):
1. Every published count from 1 to K-1 is withheld (zeros are shown: nobody is exposed).
2. A *line* is a set of cells and the total they add up to: each row (its parts and its row
   total), each column (its cells and its column total), the totals row and the row-total
   column (adding up to the grand total), and the whole table (every cell, the grand total).
   While some line holds exactly one withheld cell, that cell is total minus the visible
   rest: withhold the line's smallest positive visible cell as well, or its total when no
   positive cell is visible. A complement is never a zero, since a withheld zero would let
   the one cell beside it be recomputed all the same.
3. Figures computed from a withheld count (percentages, running totals) are withheld too.
4. A count of some of a part's people (women in leadership, some of the women) is a cell under
   the same rule: it, the rest of the part and the part form a second table beside the first,
   protected the same way, with the part withheld in one withheld in the other until neither
   grows.
Each round only adds cells, so the loop ends; lines of a table whose total is not published
(None) tell nothing and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

MIN_K = 2
MAX_K = 50

Position = tuple[int, int]
# A count table with its margins: the last row holds the column totals and the last column
# the row totals, so the bottom-right cell is the grand total. None: not published.
Grid = Sequence[Sequence[int | None]]


def lines_of(grid: Grid) -> list[tuple[list[Position], Position]]:
    """Every line of the grid, as (its cells, its total), skipping lines without a total."""
    rows, columns = len(grid) - 1, len(grid[0]) - 1
    lines = [([(i, j) for j in range(columns)], (i, columns)) for i in range(rows + 1)]
    lines += [([(i, j) for i in range(rows)], (rows, j)) for j in range(columns + 1)]
    lines.append(([(i, j) for i in range(rows) for j in range(columns)], (rows, columns)))
    return [(cells, total) for cells, total in lines if grid[total[0]][total[1]] is not None]


def protect(grid: Grid, k: int, withheld_already: Iterable[Position] = ()) -> set[Position]:
    """The positions to withhold (margins included) for threshold `k`, beyond (and with) the
    ones already withheld."""
    if not MIN_K <= k <= MAX_K:
        raise ValueError(f"k must be from {MIN_K} to {MAX_K}")

    def value(position: Position) -> int:
        return grid[position[0]][position[1]] or 0

    withheld = {
        (i, j)
        for i, row in enumerate(grid)
        for j, count in enumerate(row)
        if count is not None and 1 <= count < k
    }
    withheld.update(withheld_already)
    lines = lines_of(grid)
    grew = True
    while grew:
        grew = False
        for cells, total in lines:
            if sum(p in withheld for p in cells) + (total in withheld) != 1:
                continue
            visible = [p for p in cells if p not in withheld and value(p) > 0]
            pick = min(visible, key=lambda p: (value(p), p)) if visible else total
            if pick not in withheld:  # else the one hidden cell sits beside unpublished ones
                withheld.add(pick)
                grew = True
    return withheld


@dataclass(frozen=True, slots=True)
class CountTable:
    """How a report's counts add up, declared once per report.

    parts: the row fields that add up to `total` (women, men, unreported). A part in `hidden`
    is not answered but can be worked out as the total minus the other parts (men =
    nominations - women): it is computed here, checked and protected like the others.
    derived: answered figures computed from counts (a share from women and total), withheld
    whenever one of their counts is.
    subsets: answered counts of some of a part's people (women_in_leadership: some of the
    women), each protected as a table of its own (the subset, the rest of the part, the part).
    """

    parts: tuple[str, ...]
    total: str
    hidden: frozenset[str] = frozenset()
    derived: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    subsets: Mapping[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.parts, self.total)

    def answered(self) -> list[str]:
        """The fields a row may name in `suppressed`, in a stable order."""
        shown = [c for c in self.columns if c not in self.hidden]
        return shown + list(self.subsets) + list(self.derived)

    def apply(
        self, rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any] | None, k: int
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """The rows and totals as answered under threshold `k`: withheld fields are None, each
        row and the totals list them in `suppressed`, hidden parts are dropped."""
        lines = [None if line is None else self._with_hidden(line) for line in [*rows, totals]]
        grid = [
            [None if line is None else line.get(name) for name in self.columns] for line in lines
        ]
        withheld, gone_subsets = self._protect(lines, grid, k)
        answered = [self._answer(line, i, withheld, gone_subsets) for i, line in enumerate(lines)]
        return [a for a in answered[:-1] if a is not None], answered[-1]

    def _with_hidden(self, line: Mapping[str, Any]) -> dict[str, Any]:
        full = dict(line)
        shown = [full.get(name) or 0 for name in self.parts if name not in self.hidden]
        for name in self.hidden:  # at most one can be worked out; more stay unknown (None)
            if len(self.hidden) == 1 and full.get(self.total) is not None:
                full[name] = full[self.total] - sum(shown)
        return full

    def _protect(
        self, lines: Sequence[Mapping[str, Any] | None], grid: Grid, k: int
    ) -> tuple[set[Position], dict[str, set[int]]]:
        """The main table's withheld cells and, per subset, the lines withholding it: the
        tables are protected in turn until a part withheld in one is withheld in the other."""
        withheld = protect(grid, k)
        beside: dict[str, set[Position]] = {name: set() for name in self.subsets}
        grew = True
        while grew:
            grew = False
            for name, part in self.subsets.items():
                j = self.columns.index(part)
                side = [_subset_cells(line, name, part) for line in lines]
                # A part withheld in the main table hides its subset and its rest as well.
                parts_gone = {i for i in range(len(lines)) if (i, j) in withheld}
                already = beside[name] | {(i, c) for i in parts_gone for c in range(3)}
                beside[name] = protect(side, k, already)
                more = {(i, j) for i, c in beside[name] if c == 2} - withheld
                if more:
                    withheld = protect(grid, k, withheld | more)
                    grew = True
        gone = {name: {i for i, c in cells if c == 0} for name, cells in beside.items()}
        return withheld, gone

    def _answer(
        self,
        line: Mapping[str, Any] | None,
        i: int,
        withheld: set[Position],
        gone_subsets: Mapping[str, set[int]],
    ) -> dict[str, Any] | None:
        if line is None:
            return None
        gone = {name for j, name in enumerate(self.columns) if (i, j) in withheld}
        gone |= {name for name, lines in gone_subsets.items() if i in lines}
        gone |= {name for name, sources in self.derived.items() if gone & set(sources)}
        out = {name: (None if name in gone else value) for name, value in line.items()}
        for name in self.hidden:
            out.pop(name, None)
        out["suppressed"] = [name for name in self.answered() if name in gone]
        return out


def _subset_cells(line: Mapping[str, Any] | None, name: str, part: str) -> list[int | None]:
    """A line of a subset's table: the subset, the rest of the part, the part."""
    if line is None:
        return [None, None, None]
    some, whole = line.get(name), line.get(part)
    rest = None if some is None or whole is None else whole - some
    return [some, rest, whole]


def withheld_in_series(values: Sequence[int | None], k: int, running: bool) -> set[int]:
    """The positions of a series of counts (one per fiscal year) to withhold: counts from 1 to
    k-1; for a running total also the years whose increase over the year before is from 1 to
    k-1, and, after a withheld year, the years that did not increase (they equal it)."""
    withheld = {i for i, value in enumerate(values) if value is not None and 1 <= value < k}
    if running:
        previous, hiding = 0, False
        for i, value in enumerate(values):
            if value is None:
                continue
            step = value - previous
            if 1 <= step < k or (hiding and step == 0):
                withheld.add(i)
            hiding, previous = i in withheld, value
    return withheld


def small_share(numerator: Decimal | int | None, denominator: Decimal | int | None, k: int) -> bool:
    """Whether a share gives away a few people: its numerator, denominator or their difference
    (the people not counted) from 1 to k-1."""
    if numerator is None or denominator is None:
        return False
    return any(1 <= part < k for part in (numerator, denominator, denominator - numerator))


def suppression_method(k: int) -> str:
    """The sentence a report's method adds when it answers under threshold `k`."""
    return (
        f" Small numbers: every count from 1 to {k - 1} is withheld (null, named in the row's "
        "`suppressed`), and further counts are withheld until no line of the table (a row, a "
        "column, the totals, the whole table) holds a single withheld count, so none can be "
        "recomputed from the totals; shares computed from a withheld count are withheld too."
    )
