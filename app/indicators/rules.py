"""The rules indicator figures obey, as pure functions (no database, no HTTP).

- what a result must carry for its indicator's measure, and whether its sex breakdown adds up;
- a cumulative series never decreases;
- percent of target, direction-aware, and the status it gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from app.core.errors import field_error
from app.core.figures import result_pct
from app.indicators.schemas import ProgressStatus

BREAKDOWN = ("women", "men", "unreported")
MEASURE_FIELDS = {
    "count": {"value", *BREAKDOWN},
    "currency": {"value"},
    "percent": {"numerator", "denominator"},
    "qualitative": {"narrative"},
}
FIGURE_FIELDS = {"value", "numerator", "denominator", "narrative", *BREAKDOWN}
REQUIRED = {
    "count": ("value",),
    "currency": ("value",),
    "percent": ("numerator", "denominator"),
    "qualitative": ("narrative",),
}

BREAKDOWN_MISMATCH = "breakdown_mismatch"
CUMULATIVE_DECREASE = "cumulative_decrease"


@dataclass
class Checked:
    """A result's figures after the checks: the value to store, and the rules it broke."""

    value: Decimal | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # Rules broken that a rationale excuses (refused without one).
    excusable: list[dict[str, Any]] = field(default_factory=list)


def is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def check_figure(measure: str, value: Decimal, pointer: str) -> list[dict[str, Any]]:
    """A target or result figure for `measure`: counts are whole numbers."""
    if measure == "qualitative":
        return [field_error(pointer, "a qualitative indicator has no figures")]
    if measure == "count" and not is_whole(value):
        return [field_error(pointer, "a count must be a whole number")]
    return []


def check_result(measure: str, figures: dict[str, Any]) -> Checked:
    """The figures of one result (every field, unset ones None) against its measure."""
    errors: list[dict[str, Any]] = []
    allowed = MEASURE_FIELDS[measure]
    for name in sorted(FIGURE_FIELDS - allowed):
        if figures.get(name) is not None:
            detail = f"a {measure} result does not carry {name}"
            if measure == "percent" and name == "value":
                detail = "a percent result carries numerator and denominator; value is derived"
            errors.append(field_error(f"/{name}", detail))
    for name in REQUIRED[measure]:
        if figures.get(name) is None:
            errors.append(field_error(f"/{name}", f"required for a {measure} result"))
    if errors:
        return Checked(value=None, errors=errors)
    checked = Checked(value=figures.get("value"))
    if measure == "count":
        checked.errors += check_figure(measure, figures["value"], "/value")
        parts = [figures.get(name) for name in BREAKDOWN]
        if any(part is not None for part in parts):
            total = sum(part or 0 for part in parts)
            if total != figures["value"]:
                checked.excusable.append(
                    field_error(
                        "/women",
                        f"women + men + unreported = {total}, not the value "
                        f"{int(figures['value'])}; give a rationale to store it flagged",
                    )
                )
                checked.flags.append(BREAKDOWN_MISMATCH)
    elif measure == "percent":
        if figures["denominator"] == 0:
            checked.errors.append(field_error("/denominator", "must be greater than 0"))
        else:
            checked.value = result_pct(figures["numerator"], figures["denominator"])
    return checked


def cumulative_breaks(
    value: Decimal, previous: tuple[int, Decimal] | None, following: tuple[int, Decimal] | None
) -> str | None:
    """Why `value` would make a cumulative series decrease, or None when it does not."""
    if previous is not None and value < previous[1]:
        return (
            f"a cumulative indicator never decreases: {value} is below FY{previous[0]}'s "
            f"{previous[1]}; give a rationale to store it flagged"
        )
    if following is not None and value > following[1]:
        return (
            f"a cumulative indicator never decreases: {value} is above FY{following[0]}'s "
            f"{following[1]}; give a rationale to store it flagged"
        )
    return None


# --- Progress ---------------------------------------------------------------------------------


def pct_of_target(
    direction: str, actual: Fraction | None, target: Fraction | None, baseline: Fraction | None
) -> Fraction | None:
    """Percent of target, exactly. increase: actual / target; decrease: the share of the way
    from baseline down to target covered, (baseline - actual) / (baseline - target)."""
    if actual is None or target is None:
        return None
    if direction == "decrease":
        if baseline is None or baseline == target:
            return None
        return (baseline - actual) * 100 / (baseline - target)
    if target == 0:
        return None
    return actual * 100 / target


def status_of(
    direction: str, actual: Fraction | None, target: Fraction | None, pct: Fraction | None
) -> ProgressStatus:
    """on_track when the target is met (100 % or more), behind otherwise (no actual yet
    included), no_target when the year has none."""
    if target is None:
        return ProgressStatus.no_target
    if actual is None:
        return ProgressStatus.behind
    if pct is not None:
        return ProgressStatus.on_track if pct >= 100 else ProgressStatus.behind
    met = actual <= target if direction == "decrease" else actual >= target
    return ProgressStatus.on_track if met else ProgressStatus.behind


def as_fraction(value: Decimal | None) -> Fraction | None:
    return None if value is None else Fraction(value)
