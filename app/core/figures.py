"""The numbers module: how percentages are computed and rounded, one named rule per purpose.

Every percentage is computed exactly from its parts and rounded once, at the end:
- `report_pct`: what reports state (shares, gaps, the scorecard), half-up to one decimal;
- `progress_pct`: percent of target on a progress row, truncated toward zero to one
  decimal, so a figure short of its target never shows 100.0;
- `result_pct`: the value of a percent result, half-up to two decimals (for display; roll-ups
  use the numerator and denominator, never this value).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE_DECIMAL = Decimal("0.1")
CENT = Decimal("0.01")


def exact_pct(numerator: int, denominator: int) -> Fraction | None:
    """numerator / denominator x 100, exactly; None (no figure, not 0 %) when nothing to divide."""
    return None if denominator == 0 else Fraction(numerator * 100, denominator)


def _decimal(value: Fraction | Decimal) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return value


def report_pct(value: Fraction | Decimal | None) -> float | None:
    """A report's percentage (or gap in points): rounded half-up to one decimal, once."""
    if value is None:
        return None
    # + 0.0 turns a rounded -0.0 (a tiny negative gap) into 0.0.
    return float(_decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)) + 0.0


def share_pct(numerator: int, denominator: int) -> float | None:
    """The share numerator / denominator as a report states it; None when 0/0."""
    return report_pct(exact_pct(numerator, denominator))


def progress_pct(value: Fraction | None) -> float | None:
    """Percent of target on a progress row: one decimal, truncated toward zero."""
    if value is None:
        return None
    return float(_decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_DOWN)) + 0.0


def result_pct(numerator: Decimal, denominator: Decimal) -> Decimal:
    """A percent result's value, 100 x numerator / denominator, half-up to two decimals."""
    return (numerator * 100 / denominator).quantize(CENT, rounding=ROUND_HALF_UP)
