"""The percentage rules, each named for what it is for, on the cases where they differ."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from app.core import figures


def test_reports_round_half_up_once_and_say_nothing_for_zero_over_zero() -> None:
    assert figures.share_pct(1, 3) == 33.3
    assert figures.share_pct(2, 3) == 66.7
    assert figures.share_pct(1, 8) == 12.5  # 12.5 exactly, no rounding
    assert figures.share_pct(1, 16) == 6.3  # 6.25 half up, not to even
    assert figures.share_pct(0, 0) is None
    assert figures.report_pct(Fraction(-1, 100)) == 0.0  # a tiny negative gap is 0.0, not -0.0


def test_progress_truncates_so_a_figure_short_of_target_never_shows_100() -> None:
    short = Fraction(9999, 100)  # 99.99 % of target
    assert figures.progress_pct(short) == 99.9
    assert figures.report_pct(short) == 100.0  # the scorecard states it as reports do
    assert figures.progress_pct(Fraction(-5005, 100)) == -50.0  # toward zero
    assert figures.report_pct(Fraction(-5005, 100)) == -50.1  # half away from zero
    assert figures.progress_pct(None) is None


def test_a_percent_result_value_has_two_places() -> None:
    assert figures.result_pct(Decimal(2), Decimal(3)) == Decimal("66.67")
    assert figures.result_pct(Decimal(1), Decimal(8)) == Decimal("12.50")
