"""The numbers module: how percentages are computed and rounded, one named rule per purpose.

Every percentage is computed exactly from its parts and rounded once, at the end:
- `report_pct`: every percentage shown (report shares, gaps, the scorecard, a progress row's
  and a result's percent, percent targets), half-up to one decimal; `pct_text` is the same
  as a decimal string ("46.6");
- `progress_pct`: percent of target on a progress row, truncated toward zero to one
  decimal, so a figure short of its target never shows 100.0;
- `result_pct`: the value stored with a percent result, half-up to two decimals (shown by
  `report_pct` from its parts; roll-ups use the numerator and denominator, never this value).

Counts show without decimals; `part_text` shows the parts of a percent (counts, or amounts)
without decimals when whole ("122"), else with two places.
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


def _one_decimal(value: Fraction | Decimal) -> Decimal:
    # + 0 turns a rounded -0.0 (a tiny negative gap) into 0.0.
    return _decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP) + 0


def report_pct(value: Fraction | Decimal | None) -> float | None:
    """A report's percentage (or gap in points): rounded half-up to one decimal, once."""
    return None if value is None else float(_one_decimal(value))


def pct_text(value: Fraction | Decimal | None) -> str | None:
    """A percentage as a decimal string, by the report rule: "46.6"."""
    return None if value is None else format(_one_decimal(value), "f")


def part_text(value: Decimal | None) -> str | None:
    """A part of a percent (a count, or an amount): "122" when whole, else "12.50"."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.quantize(CENT), "f")


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
