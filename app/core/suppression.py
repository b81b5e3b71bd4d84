"""Small-number suppression of published counts: which cells of a count table to withhold so
that no count from 1 to K-1, and no withheld count, can be narrowed to fewer than K values from
the figures published beside it. Pure: no database, no HTTP, no domain.

A report declares its count table once (`CountTable`: the row fields that add up to a row
total, the figures computed from them) and calls `CountTable.apply` on its rows and totals.

What a reader knows: every published figure, that each row's parts add up to its total and
each column's rows to the totals line, and that a withheld count is at least 1 (zeros are
always shown, so a withheld cell is never 0). Counts not answered but implied (a `hidden`
part, the women not in leadership) are at least 0.

The method (primary, then complementary suppression by moves):
1. Every published count from 1 to K-1 is withheld, and every implied count from 1 to K-1
   is to be protected like one.
2. A *move* changes the table without changing anything published: +t on one cell and -t on
   another in the same row (or +t on a cell and its row total), done in two rows with
   opposite signs (or in a row and the totals line with the same sign); a part's subset
   (women in leadership) moves its part with it. Every published cell a move changes is
   withheld, so the table after the move is as consistent with the answer as the true one.
   A move can go up by as much as the cells it lowers stay at their least (1 for a withheld
   count, 0 for an implied one), and down likewise.
3. Each count to protect that no chosen move covers gets the cheapest move through it that
   goes at least K in all (up plus down): fewest totals newly withheld, then fewest cells,
   then the smallest counts. The move's cells are withheld (never a zero: a withheld zero
   would break the reader's "at least 1"), and every cell it touches can then take K
   different values or more: none is narrower than the threshold. There is always such a
   move: a cell, its row total, its column total and the grand total go up together without
   bound.
4. Figures computed from a withheld count (percentages, running totals) are withheld too.
A table without a totals line (None) publishes no column sums; its moves are freer still.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Any

MIN_K = 2
MAX_K = 50
# How many rows without withheld cells a move's search tries, nearest first.
NEAR = 64

# A cell of a count table: (its line, its column). The line after the rows is the totals.
Cell = tuple[int, str]
# Each column of a table and the column it is part of (None: the row total).
Tree = Mapping[str, str | None]


def column_moves(tree: Tree) -> list[dict[str, int]]:
    """The ways one row can change while its total (or its total and one column) stays
    consistent: a column up and its ancestors with it, or one up and another down."""

    def path(name: str | None) -> list[str]:
        found = []
        while name is not None:
            found.append(name)
            name = tree[name]
        return found

    leaves = [name for name in tree if name not in tree.values()]
    moves = [dict.fromkeys(path(leaf), 1) for leaf in leaves]
    for up, down in combinations(leaves, 2):
        rising, falling = path(up), path(down)
        shared = set(rising) & set(falling)
        move = {name: 1 for name in rising if name not in shared}
        move.update({name: -1 for name in falling if name not in shared})
        moves.append(move)
    return moves


class _Protection:
    """The cells to withhold of one table: `lines` (the rows, then the totals line), `tree`
    its columns, `published` the columns answered (the others are implied)."""

    def __init__(
        self, lines: Sequence[Mapping[str, int | None]], tree: Tree, published: set[str], k: int
    ) -> None:
        self.lines, self.published, self.k = lines, published, k
        self.totals = len(lines) - 1
        self.root = next(name for name, parent in tree.items() if parent is None)
        self.moves = column_moves(tree)
        self.withheld: set[Cell] = set()
        self.held: set[int] = set()  # the lines holding a withheld cell
        self.covered: set[Cell] = set()

    def run(self) -> set[Cell]:
        small = [
            (i, name)
            for i, line in enumerate(self.lines)
            for name, value in line.items()
            if value is not None and 1 <= value < self.k
        ]
        self.withheld = {cell for cell in small if cell[1] in self.published}
        self.held = {line for line, _ in self.withheld}
        for cell in small:
            if cell not in self.covered:
                self._take(self._cheapest(cell))
        return self.withheld

    def _take(self, move: Mapping[Cell, int]) -> None:
        for cell in move:
            self.covered.add(cell)
            if cell[1] in self.published and self._value(cell) is not None:
                self.withheld.add(cell)
                self.held.add(cell[0])

    def _value(self, cell: Cell) -> int | None:
        return self.lines[cell[0]].get(cell[1])

    def _slack(self, cell: Cell) -> float:
        """How far a cell can go down: to 1 if it is withheld, to 0 if implied."""
        value = self._value(cell)
        if value is None:
            return math.inf
        return value - 1 if cell[1] in self.published else value

    def _partners(self, line: int) -> list[tuple[int, int]]:
        """The other lines a move through `line` may take, and their sign: the totals, then
        the rows holding withheld cells, then the nearest others (a long table's search stays
        short; the totals always leave a move)."""
        if line == self.totals:
            return [(other, 1) for other in range(self.totals)]
        nearest = lambda other: abs(other - line)  # noqa: E731
        held = heapq.nsmallest(NEAR, self.held - {line, self.totals}, key=nearest)
        near = [other for other in range(line - NEAR, line + NEAR + 1) if 0 <= other < self.totals]
        others = dict.fromkeys(o for o in sorted({*held, *near}, key=nearest) if o != line)
        return [(self.totals, 1), *((other, -1) for other in others)]

    def _cheapest(self, cell: Cell) -> dict[Cell, int]:
        line, column = cell
        best: tuple[tuple[int, int, int], dict[Cell, int]] | None = None
        partners = self._partners(line)
        for columns in self.moves:
            if column not in columns:
                continue
            way = columns[column]
            mine = self._side(line, columns, 1, way)
            if mine is None:
                continue
            for other, sign in partners:
                theirs = self._side(other, columns, sign, way)
                if theirs is None:
                    continue
                free = theirs[:3] == (0, 0, 0)
                cost = tuple(a + b for a, b in zip(mine[:3], theirs[:3], strict=True))
                up, down = min(mine[3], theirs[3]), min(mine[4], theirs[4])
                if up + down < self.k or (best is not None and cost >= best[0]):
                    if free and up + down >= self.k:
                        break  # no other line can make this move cheaper
                    continue
                move = {(line, name): d for name, d in columns.items()}
                move.update({(other, name): sign * d for name, d in columns.items()})
                best = (cost, move)  # type: ignore[assignment]
                if cost == (0, 0, 0):
                    return move
                if free:
                    break
        assert best is not None, "a cell, its margins and the grand total always move"
        return best[1]

    def _side(
        self, line: int, columns: Mapping[str, int], sign: int, way: int
    ) -> tuple[int, int, int, float, float] | None:
        """One line's part of a move (`way`: the direction of the cell protected): what
        withholding its cells adds (totals, cells, people), how far the cells it lowers and
        raises can go down, or None when it would withhold a zero."""
        margins = count = people = 0
        up = down = math.inf
        for name, direction in columns.items():
            cell = (line, name)
            value = self.lines[line].get(name)
            if name in self.published and value is not None and cell not in self.withheld:
                if value == 0:
                    return None
                margins += line == self.totals or name == self.root
                count += 1
                people += value
            if sign * direction == way:
                down = min(down, self._slack(cell))
            else:
                up = min(up, self._slack(cell))
        return margins, count, people, up, down


def protect(
    lines: Sequence[Mapping[str, int | None]], tree: Tree, k: int, implied: frozenset[str]
) -> set[Cell]:
    """The cells to withhold (totals line included) for threshold `k`: `lines` are the rows
    then the totals line (all None when not published), `tree` the columns, `implied` the
    columns not answered."""
    if not MIN_K <= k <= MAX_K:
        raise ValueError(f"k must be from {MIN_K} to {MAX_K}")
    return _Protection(lines, tree, set(tree) - implied, k).run()


@dataclass(frozen=True, slots=True)
class CountTable:
    """How a report's counts add up, declared once per report.

    parts: the row fields that add up to `total` (women, men, unreported). A part in `hidden`
    is not answered but can be worked out as the total minus the other parts (men =
    nominations - women): it is computed here and protected like the others.
    derived: answered figures computed from counts (a share from women and total), withheld
    whenever one of their counts is.
    subsets: answered counts of some of a part's people (women_in_leadership: some of the
    women); the rest of the part (the women not in leadership) is implied.
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

    def tree(self) -> dict[str, str | None]:
        """Each column and the one it is part of: parts of the total, a subset and the rest of
        its part (`rest:<part>`, implied) of the part."""
        tree: dict[str, str | None] = {self.total: None}
        tree.update(dict.fromkeys(self.parts, self.total))
        for name, part in self.subsets.items():
            tree[name] = tree[f"rest:{part}"] = part
        return tree

    def implied(self) -> frozenset[str]:
        """The columns not answered: hidden parts and the rest of each subset's part."""
        return self.hidden | {f"rest:{part}" for part in self.subsets.values()}

    def cells(self, line: Mapping[str, Any] | None) -> dict[str, int | None]:
        """A line's values by column of `tree`, the implied ones worked out (None: unknown)."""
        if line is None:
            return dict.fromkeys(self.tree())
        full: dict[str, int | None] = {name: line.get(name) for name in self.tree()}
        shown = [full[name] or 0 for name in self.parts if name not in self.hidden]
        for name in self.hidden:  # at most one can be worked out; more stay unknown (None)
            total = full[self.total]
            full[name] = total - sum(shown) if len(self.hidden) == 1 and total is not None else None
        for name, part in self.subsets.items():
            some, whole = full[name], full[part]
            full[f"rest:{part}"] = None if some is None or whole is None else whole - some
        return full

    def apply(
        self, rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any] | None, k: int
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """The rows and totals as answered under threshold `k`: withheld fields are None, each
        row and the totals list them in `suppressed`, hidden parts are dropped."""
        lines = [self.cells(line) for line in [*rows, totals]]
        if not rows:  # the totals alone: one row, with no column sums beside it
            lines.append(self.cells(None))
        withheld = protect(lines, self.tree(), k, self.implied())
        answered = [self._answer(line, i, withheld) for i, line in enumerate([*rows, totals])]
        return [a for a in answered[:-1] if a is not None], answered[-1]

    def _answer(
        self, line: Mapping[str, Any] | None, i: int, withheld: set[Cell]
    ) -> dict[str, Any] | None:
        if line is None:
            return None
        gone = {name for name in self.answered() if (i, name) in withheld}
        gone |= {name for name, sources in self.derived.items() if gone & set(sources)}
        out = {name: (None if name in gone else value) for name, value in line.items()}
        for name in self.hidden:
            out.pop(name, None)
        out["suppressed"] = [name for name in self.answered() if name in gone]
        return out


def withheld_in_series(
    values: Sequence[int | None], k: int, running: bool, also: Iterable[int] = ()
) -> set[int]:
    """The positions of a series of counts (one per fiscal year) to withhold: counts from 1 to
    k-1 and the positions `also` withheld for another reason; for a running total also the
    years whose increase over the year before is from 1 to k-1, and, after a withheld year,
    the years that did not increase (they equal it). A withheld year then lies between the
    visible years around it, at least K apart: the next one shown rose K or more."""
    withheld = {i for i, value in enumerate(values) if value is not None and 1 <= value < k}
    withheld.update(also)
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
        "`suppressed`; zeros are shown), and further counts are withheld until, from what the "
        f"answer publishes, each withheld count could still be any of {k} values or more; "
        "shares computed from a withheld count are withheld too."
    )
