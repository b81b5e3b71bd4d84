"""Building UN "uniformed personnel by gender" files for the peacekeeping tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SNAPSHOTS = "/api/v1/peacekeeping/snapshots"
SHARE = "/api/v1/reports/peacekeeping-share"
HEADER = (
    "Contributing_Country",
    "ISOCode3",
    "Mission_Acronym",
    "Personnel_Type",
    "Male_Personnel",
    "Female_Personnel",
    "Last_Reporting_Date",
)

Row = Sequence[object]  # (country name, code, mission, personnel type, male, female, date)


def un_csv(rows: Iterable[Row], header: Sequence[str] = HEADER, delimiter: str = ",") -> bytes:
    lines = [delimiter.join(header)]
    lines += [delimiter.join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def csv_headers(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Content-Type": "text/csv"}


def un_published(rows: Iterable[Row], encoding: str = "utf-8-sig") -> bytes:
    """A file as the UN publishes it: a byte order mark (UTF-8 or UTF-16), CRLF line ends."""
    lines = [",".join(HEADER), *(",".join(str(cell) for cell in row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


# Three months in one file as the UN writes them: dd-Mon-yy dates, stray spaces in mission
# names, a #N/A row and a BDS row (no country: skipped and listed), Kosovo as XKX.
UN_MONTHS = [
    ("Ghana", "GHA", " UNIFIL ", "Troops", 800, 120, "31-Jul-21"),
    ("Kenya", "KEN", "UNMISS  ", "Staff Officer", 20, 5, "31-Jul-21"),
    ("#N/A", "#N/A", "UNMISS", "Troops", 7, 2, "31-Jul-21"),
    ("Ghana", "GHA", "UNIFIL", "Troops", 810, 130, "31-Aug-21"),
    ("Ghana", "GHA", " UNIFIL", "Experts on Mission", 3, 1, "31-Aug-21"),
    ("Kenya", "KEN", "UNMISS", "Staff Officer", 21, 6, "31-Aug-21"),
    ("Ghana", "GHA", "UNIFIL ", "Troops", 790, 140, "30-Sep-21"),
    ("Ghana", "GHA", "UNIFIL", "Troops", 10, 4, "30-Sep-21"),
    ("Kenya", "KEN", "UNMISS", "Troops", 400, 60, "30-Sep-21"),
    ("Barbados", "BDS", "MINUSCA", "Troops", 10, 3, "30-Sep-21"),
    ("Kosovo", "XKX", "UNMISS", "Staff Officer", 2, 1, "30-Sep-21"),
]

# What the parser leaves out of UN_MONTHS, as the answer and the snapshots list it.
UN_MONTHS_SKIPPED = [
    {
        "row": 3,
        "code": "#N/A",
        "country": "#N/A",
        "mission": "UNMISS",
        "personnel_type": "troops",
        "male": 7,
        "female": 2,
        "reporting_date": "2021-07-31",
    },
    {
        "row": 10,
        "code": "BDS",
        "country": "Barbados",
        "mission": "MINUSCA",
        "personnel_type": "troops",
        "male": 10,
        "female": 3,
        "reporting_date": "2021-09-30",
    },
]
