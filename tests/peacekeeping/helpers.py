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
