"""Percentages as every report states them: exact from their parts, rounded once at the end."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def exact_pct(numerator: int, denominator: int) -> Fraction | None:
    """numerator / denominator x 100, exactly; None (no figure, not 0 %) when nothing to divide."""
    return None if denominator == 0 else Fraction(numerator * 100, denominator)


def one_decimal(value: Fraction | Decimal | None) -> float | None:
    """Rounded half-up to one decimal, once, at the end."""
    if value is None:
        return None
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    # + 0.0 turns a rounded -0.0 (a tiny negative gap) into 0.0.
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + 0.0


def percent(numerator: int, denominator: int) -> float | None:
    """The share numerator / denominator in percent, one decimal, half up; None when 0/0."""
    return one_decimal(exact_pct(numerator, denominator))
