"""What spreadsheets write into a CSV, read once for every upload: the encoding (UTF-8 or
UTF-16 by byte order mark, else UTF-8, else Windows-1252), the separator (comma, semicolon or
tab), day-first dates (31-Jan-21, 31/01/2021) and numbers with thousands separators
("1,024", "1,250,000.00"). A value that reads two ways (01/02/2021, 1.024) is never guessed."""

from __future__ import annotations

import re
from datetime import date

DATE_FORMS = "yyyy-mm-dd, 31-Jan-21 (or 31-Jan-2021) or dd/mm/yyyy with a day above 12"
NUMBER_FORMS = (
    "digits with an optional decimal point (1250000.00), or with comma thousands separators "
    '("1,250,000.00", quoted in a comma separated file)'
)
SEPARATORS = (",", ";", "\t")

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?")
# The UN's own form: 31-Jan-21 or 31-Jan-2021 (a two-digit year is 20yy).
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{4}|\d{2})")
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {
    name: number
    for number, full in enumerate(_MONTH_NAMES.split(" "), start=1)
    for name in (full, full[:3], *(["sept"] if full == "september" else []))
}
# 1,024 and 1,250,000.00: comma thousands separators, a point for decimals.
_COMMA_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# 1.024 and 1.250.000: a thousands separator or a decimal point? Never guessed.
_POINT_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3})+")

# Byte signatures of files that are sometimes posted instead of the CSV export.
NOT_CSV = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another ZIP file"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)


class NotText(ValueError):
    """The bytes are no CSV text; the message says what they are."""


class Ambiguous(ValueError):
    """A cell that reads two ways; the message names the value and the accepted forms."""


def decode(content: bytes) -> str:
    """Text by byte order mark (UTF-8 or UTF-16), else UTF-8, else Windows-1252."""
    for signature, what in NOT_CSV:
        if content.startswith(signature):
            raise NotText(f"the file is {what}, not CSV")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise NotText(
                "the file starts with a UTF-16 byte order mark but is not UTF-16"
            ) from None
    if b"\x00" in content:
        raise NotText(
            "the file holds NUL bytes: it is binary, or UTF-16 without a byte order mark, not CSV"
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def separator(text: str) -> str:
    """The separator the header line uses most: comma, semicolon or tab."""
    first_line = text.split("\n", 1)[0]
    return max(SEPARATORS, key=first_line.count)


def parse_date(text: str) -> date | None:
    """A date as the UN writes it (dd/mm/yyyy, 31-Jan-21) or ISO; None when not one."""
    text = text.strip()
    try:
        if match := _DMY.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _ISO.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _DAY_MONTH_NAME.fullmatch(text):
            day_text, month_name, year_text = match.groups()
            month_number = MONTHS.get(month_name.lower())
            if month_number is None:
                return None
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return date(year, month_number, int(day_text))
    except ValueError:
        return None
    return None


def date_cell(text: str) -> str:
    """A date cell as ISO yyyy-mm-dd; a cell in no accepted form is returned as written (for
    validation to refuse). Raises Ambiguous for 01/02/2021: January or February?"""
    value = text.strip()
    if (match := _DMY.fullmatch(value)) and (day := int(match[1])) <= 12 and day != int(match[2]):
        raise Ambiguous(f"{value!r} could be read day first or month first; write {DATE_FORMS}")
    parsed = parse_date(value) if not _ISO.fullmatch(value) else None
    return parsed.isoformat() if parsed is not None else text


def number_cell(text: str) -> str:
    """A number cell without thousands separators ("1,250,000.00" is "1250000.00"); a cell in
    no accepted form is returned as written. Raises Ambiguous for 1.024 (1024, or 1.024?)."""
    value = text.strip()
    if _POINT_GROUPED.fullmatch(value):
        raise Ambiguous(
            f"{value!r} could be read two ways (a thousands separator or a decimal point); "
            f"write {NUMBER_FORMS}"
        )
    return value.replace(",", "") if _COMMA_GROUPED.fullmatch(value) else text
