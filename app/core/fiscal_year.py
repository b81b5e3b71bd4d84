"""US federal fiscal year: FY N runs 1 October N-1 through 30 September N."""

from datetime import date

FIRST_FISCAL_YEAR = 1990
LAST_FISCAL_YEAR = 2100


def fiscal_year(day: date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def fiscal_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of fiscal year `year`, both inclusive."""
    return date(year - 1, 10, 1), date(year, 9, 30)
