"""US federal fiscal year: FY N runs 1 October N-1 through 30 September N; "today" is UTC's."""

from datetime import UTC, date, datetime

from app.core.history import known_at

FIRST_FISCAL_YEAR = 1990
LAST_FISCAL_YEAR = 2100


def today() -> date:
    """Today's date in UTC: the one "today" every default and rule uses (in a read as known
    on a past day, that day)."""
    at = known_at()
    return (at or datetime.now(UTC)).date()


def fiscal_year(day: date) -> int:
    return day.year + 1 if day.month >= 10 else day.year


def current_fiscal_year() -> int:
    """The fiscal year `today()` falls in."""
    return fiscal_year(today())


def fiscal_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of fiscal year `year`, both inclusive."""
    return date(year - 1, 10, 1), date(year, 9, 30)


# The dates the service stores: the days of the fiscal years its filters can select.
FIRST_DATE = fiscal_year_bounds(FIRST_FISCAL_YEAR)[0]
LAST_DATE = fiscal_year_bounds(LAST_FISCAL_YEAR)[1]
