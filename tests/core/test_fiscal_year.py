"""US federal fiscal year: FY N runs 1 October N-1 through 30 September N."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.fiscal_year import fiscal_year, fiscal_year_bounds


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 9, 30), 2021),
        (date(2021, 10, 1), 2022),
        (date(2022, 9, 30), 2022),
        (date(2022, 10, 1), 2023),
        (date(2021, 12, 31), 2022),
        (date(2022, 1, 1), 2022),
        (date(2020, 2, 29), 2020),
        (date(2019, 10, 1), 2020),
        (date(2020, 9, 30), 2020),
        (date(1999, 11, 15), 2000),
    ],
)
def test_fiscal_year_of_a_day(day: date, expected: int) -> None:
    assert fiscal_year(day) == expected


@pytest.mark.parametrize("year", [1990, 2000, 2020, 2021, 2022, 2024, 2100])
def test_bounds_are_first_and_last_day_of_the_year(year: int) -> None:
    first, last = fiscal_year_bounds(year)
    assert first == date(year - 1, 10, 1)
    assert last == date(year, 9, 30)
    assert fiscal_year(first) == year
    assert fiscal_year(last) == year
    assert fiscal_year(first - timedelta(days=1)) == year - 1
    assert fiscal_year(last + timedelta(days=1)) == year + 1


def test_every_day_of_a_leap_fiscal_year_maps_back_to_it() -> None:
    first, last = fiscal_year_bounds(2020)
    days = (last - first).days + 1
    assert days == 366  # FY2020 holds 29 February 2020
    assert all(fiscal_year(first + timedelta(days=i)) == 2020 for i in range(days))
    assert (fiscal_year_bounds(2021)[1] - fiscal_year_bounds(2021)[0]).days + 1 == 365
