"""Reading the UN's "uniformed personnel by gender" CSV as published, tolerantly.

Pure functions (no database): header variants, whitespace, UTF-8 or UTF-16 (with a byte order
mark), dd/mm/yyyy, dd-Mon-yy and ISO dates and the personnel type spellings the UN has used
are accepted; a file holding many months is split per calendar month of Last_Reporting_Date
(a month reported on the 30th and the 31st is one month, dated the latest); rows whose code is
no country (`#N/A`, `BDS`) are skipped and listed; anything else is a row error.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pycountry

from app.core import spreadsheet
from app.core.errors import Unprocessable
from app.core.schemas import out_of_range
from app.core.spreadsheet import parse_date

MAX_ERRORS = 100
MAX_COUNT = 1_000_000
MISSION_MAX = 32
ACCEPTED = (
    "the route accepts the UN's CSV file (comma, semicolon or tab separated; UTF-8, or UTF-16 "
    "with a byte order mark) as a text/csv body or as the `file` field of multipart/form-data"
)

TROOPS, STAFF_OFFICER, EXPERTS = "troops", "staff_officer", "experts_on_mission"
# DESIGN.md: military = Troops + Staff Officer + Experts on Mission; police never counts.
MILITARY = (TROOPS, STAFF_OFFICER, EXPERTS)


def _squash(text: str) -> str:
    """Lowercase letters and digits only: "ISO Code 3", "ISOCode3" and "iso_code_3" agree."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


PERSONNEL_TYPES = {
    **dict.fromkeys(
        ["troops", "troop", "contingenttroops", "contingenttroop", "militarycontingent"], TROOPS
    ),
    **dict.fromkeys(
        ["staffofficer", "staffofficers", "militarystaffofficer", "militarystaffofficers"],
        STAFF_OFFICER,
    ),
    **dict.fromkeys(
        [
            "expertsonmission",
            "expertonmission",
            "militaryexpertsonmission",
            "militaryexpertonmission",
            "unmem",
            "unmems",
            "militaryobserver",
            "militaryobservers",
            "milob",
            "milobs",
        ],
        EXPERTS,
    ),
    **dict.fromkeys(["police", "civilianpolice", "unpol"], "police"),
    **dict.fromkeys(["formedpoliceunit", "formedpoliceunits", "fpu", "fpus"], "formed_police_unit"),
    **dict.fromkeys(
        ["individualpolice", "individualpoliceofficer", "individualpoliceofficers", "ipo", "ipos"],
        "individual_police",
    ),
}

# Canonical column → accepted header spellings (squashed), most specific first.
COLUMNS = {
    "iso3": ["isocode3", "isocode", "iso3", "isoalpha3", "iso3code", "countrycode", "iso"],
    "mission": ["missionacronym", "mission"],
    "personnel_type": ["personneltype", "personnelcategory", "personnel", "category", "type"],
    "male": ["malepersonnel", "male", "males", "men"],
    "female": ["femalepersonnel", "female", "females", "women"],
    "reporting_date": ["lastreportingdate", "reportingdate", "asofdate", "date"],
}
# Read when present: names what a skipped row was.
OPTIONAL_COLUMNS = {"country": ["contributingcountry", "countryname", "country"]}
PUBLISHED_NAMES = {
    "iso3": "ISOCode3",
    "mission": "Mission_Acronym",
    "personnel_type": "Personnel_Type",
    "male": "Male_Personnel",
    "female": "Female_Personnel",
    "reporting_date": "Last_Reporting_Date",
}

_COUNT = re.compile(r"\d{1,9}(?:\.0*)?")
# 2.000, 6.394, 1,234, 1.234.567: a thousands separator or a decimal point? Never guessed.
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_THOUSANDS_HEAD, _THOUSANDS_TAIL = re.compile(r"\d{1,3}"), re.compile(r"\d{3}")
_SPACES = re.compile(r"\s+")


@dataclass
class ParsedMonth:
    """The rows of one calendar month: one snapshot, dated the month's latest reporting date."""

    reporting_date: date
    # Every Last_Reporting_Date of the month's rows, earliest first (the UN's file has July
    # 2003 rows dated both the 30th and the 31st): merged into this one snapshot.
    reporting_dates: list[date] = field(default_factory=list)
    row_count: int = 0
    # (partner id, mission, personnel type) → [male, female]
    contributions: dict[tuple[int, str, str], list[int]] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ParsedFile:
    row_count: int
    months: list[ParsedMonth]  # earliest first

    @property
    def skipped(self) -> list[dict[str, Any]]:
        return sorted((row for m in self.months for row in m.skipped), key=lambda r: r["row"])

    @property
    def kept(self) -> list[ParsedMonth]:
        """Months with at least one stored row (a month whose rows were all skipped has none)."""
        return [month for month in self.months if month.contributions]


class _Errors:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: int, column: str, detail: str) -> None:
        self.count += 1
        if len(self.items) < MAX_ERRORS:
            self.items.append(
                {
                    "row": row,
                    "field": column,
                    "message": detail,
                    "detail": detail,
                    "pointer": f"/rows/{row}/{column}" if column else f"/rows/{row}",
                }
            )

    def raise_if_any(self) -> None:
        if self.count:
            first = self.items[0]
            raise Unprocessable(
                f"{self.count} error(s) in the file, nothing was stored; first: row "
                f"{first['row']}, {first['field']}: {first['message']} "
                "(data rows are numbered from 1 after the header)",
                errors=self.items,
                error_count=self.count,
            )


def _fail(detail: str, column: str = "", row: int = 0) -> Unprocessable:
    return Unprocessable(
        detail, errors=[{"row": row, "field": column, "message": detail, "detail": detail}]
    )


def parse_count(text: str) -> int | None:
    """A head count: digits, perhaps with a zero fraction ("2.0"); None when not one."""
    if not _COUNT.fullmatch(text) or _GROUPED.fullmatch(text):
        return None
    count = int(text.split(".")[0])
    return count if count <= MAX_COUNT else None


def is_iso_country(code: str) -> bool:
    """An ISO 3166 alpha-3 or alpha-2 code (Kosovo, XKX, is a partner, not in ISO)."""
    if len(code) == 3:
        return pycountry.countries.get(alpha_3=code) is not None
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None


def normalize_personnel_type(text: str) -> str | None:
    return PERSONNEL_TYPES.get(_squash(text))


def _decode(content: bytes) -> str:
    try:
        return spreadsheet.decode(content)
    except spreadsheet.NotText as exc:
        raise _fail(f"{exc}; {ACCEPTED}") from None


def _header_map(header: list[str]) -> dict[str, int]:
    squashed = [_squash(name) for name in header]
    found: dict[str, int] = {}
    for column, spellings in {**COLUMNS, **OPTIONAL_COLUMNS}.items():
        for spelling in spellings:
            if spelling in squashed and squashed.index(spelling) not in found.values():
                found[column] = squashed.index(spelling)
                break
    missing = [PUBLISHED_NAMES[c] for c in COLUMNS if c not in found]
    if missing:
        errors = [
            {"row": 0, "field": name, "message": "missing column", "detail": "missing column"}
            for name in missing
        ]
        raise Unprocessable(f"missing column(s): {', '.join(missing)}", errors=errors)
    return found


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def _split_thousands(cells: list[str], columns: Mapping[str, int]) -> tuple[str, str] | None:
    """The count column an unquoted `1,234` split in two, and the value as written."""
    for column in sorted(("male", "female"), key=lambda c: columns[c]):
        index = columns[column]
        if index + 1 < len(cells):
            head, tail = cells[index].strip(), cells[index + 1].strip()
            if _THOUSANDS_HEAD.fullmatch(head) and _THOUSANDS_TAIL.fullmatch(tail):
                return column, f"{head},{tail}"
    return None


def _ambiguous(value: str) -> str:
    return (
        f"{value!r} could be read two ways (a thousands separator or a decimal point): "
        "write the count without separators"
    )


def parse_un_file(content: bytes, codes: Mapping[str, tuple[int, str]]) -> ParsedFile:
    """Parse a file and aggregate it per calendar month; `codes` maps alpha-3 and alpha-2 to
    (partner id, alpha-3).

    Raises Unprocessable listing every bad row (up to MAX_ERRORS), so nothing half-read is
    ever stored. A row whose code is no country is not an error: it is skipped and listed.
    """
    text = _decode(content)
    delimiter = spreadsheet.separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors = _Errors()
    months: dict[tuple[int, int], ParsedMonth] = {}
    row_count = 0
    try:
        sheet = _read_header(reader, delimiter)
        for row_number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            row_count += 1
            _read_row(_Row(row_number, cells, sheet, errors), codes, months)
    except csv.Error as exc:
        raise _fail(f"not readable as CSV: {exc}", row=max(reader.line_num - 1, 0)) from None
    errors.raise_if_any()
    return _parsed(row_count, months)


@dataclass(frozen=True, slots=True)
class _Sheet:
    """The file's layout: where each column is, what the file calls it, how wide a row is."""

    columns: dict[str, int]
    names: dict[str, str]
    width: int
    delimiter: str


def _read_header(reader: Iterator[list[str]], delimiter: str) -> _Sheet:
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise _fail("the file is empty")
    columns = _header_map(header)
    names = {c: header[i].strip() for c, i in columns.items()}
    return _Sheet(columns=columns, names=names, width=len(header), delimiter=delimiter)


@dataclass(frozen=True, slots=True)
class _Row:
    """One data row being read: each value is read by one method, which records its error."""

    number: int
    cells: list[str]
    sheet: _Sheet
    errors: _Errors

    def cell(self, column: str) -> str:
        index = self.sheet.columns.get(column, self.sheet.width)
        return self.cells[index].strip() if index < len(self.cells) else ""

    def bad(self, column: str, detail: str) -> None:
        self.errors.add(self.number, self.sheet.names[column], detail)

    def overflows(self) -> bool:
        """More cells than columns (an unquoted separator); recorded as the row's error."""
        sheet = self.sheet
        if len(self.cells) <= sheet.width or not any(c.strip() for c in self.cells[sheet.width :]):
            return False
        split = _split_thousands(self.cells, sheet.columns) if sheet.delimiter == "," else None
        if split is not None:
            self.bad(split[0], _ambiguous(split[1]))
        else:
            self.errors.add(
                self.number,
                "",
                f"{len(self.cells)} cells for {sheet.width} columns: a value holding an unquoted "
                f"{sheet.delimiter!r}?",
            )
        return True

    def partner(self, codes: Mapping[str, tuple[int, str]]) -> tuple[str, tuple[int, str] | None]:
        """The code as written and its partner (None, without an error, when it is no
        country: #N/A, BDS; the row is then listed as skipped, never silently dropped)."""
        code = self.cell("iso3").upper()
        partner = codes.get(code) if code.isascii() and code.isalpha() else None
        if not code:
            self.bad("iso3", "required")
        elif partner is None and is_iso_country(code):
            self.bad("iso3", f"country {code!r} is not in the partners table")
        return code, partner

    def mission(self) -> str:
        mission = _SPACES.sub(" ", self.cell("mission")).upper()
        if not mission:
            self.bad("mission", "required")
        elif len(mission) > MISSION_MAX or _has_control(mission):
            self.bad("mission", f"must be a mission acronym of at most {MISSION_MAX} characters")
        return mission

    def personnel_type(self) -> str | None:
        raw = self.cell("personnel_type")
        personnel_type = normalize_personnel_type(raw)
        if personnel_type is None:
            self.bad("personnel_type", f"unknown personnel type {raw[:40]!r}")
        return personnel_type

    def count(self, column: str) -> int:
        raw = self.cell(column)
        count = parse_count(raw)
        if count is None:
            if _GROUPED.fullmatch(raw):
                self.bad(column, _ambiguous(raw))
            else:
                self.bad(column, f"must be a whole number from 0 to {MAX_COUNT}, not {raw[:20]!r}")
        return count or 0

    def reporting_date(self) -> date | None:
        raw = self.cell("reporting_date")
        reported = parse_date(raw)
        if reported is None:
            self.bad(
                "reporting_date", f"not a date (31-Jan-21, dd/mm/yyyy or yyyy-mm-dd): {raw[:30]!r}"
            )
        elif problem := out_of_range(reported):
            self.bad("reporting_date", f"{problem}, not {reported.isoformat()}")
            return None
        return reported


def _read_row(
    row: _Row, codes: Mapping[str, tuple[int, str]], months: dict[tuple[int, int], ParsedMonth]
) -> None:
    """Check every value of a row (so each error is listed) and, while the file has none,
    add it to its month."""
    if row.overflows():
        return
    code, partner = row.partner(codes)
    mission = row.mission()
    personnel_type = row.personnel_type()
    male, female = row.count("male"), row.count("female")
    reported = row.reporting_date()
    if row.errors.count or reported is None or personnel_type is None:
        return
    month = months.get((reported.year, reported.month))
    if month is None:
        month = months[(reported.year, reported.month)] = ParsedMonth(reporting_date=reported)
    if reported not in month.reporting_dates:
        month.reporting_dates = sorted([*month.reporting_dates, reported])
        month.reporting_date = month.reporting_dates[-1]
    month.row_count += 1
    if partner is None:
        month.skipped.append(
            {
                "row": row.number,
                "code": code[:20],
                "country": row.cell("country")[:100] or None,
                "mission": mission,
                "personnel_type": personnel_type,
                "male": male,
                "female": female,
                "reporting_date": reported.isoformat(),
            }
        )
        return
    totals = month.contributions.setdefault((partner[0], mission, personnel_type), [0, 0])
    totals[0] += male
    totals[1] += female


def _parsed(row_count: int, months: dict[tuple[int, int], ParsedMonth]) -> ParsedFile:
    """The months read, earliest first; a file with nothing to store is refused."""
    if not months:
        raise _fail("the file has a header but no data rows")
    parsed = ParsedFile(row_count=row_count, months=[months[month] for month in sorted(months)])
    if not parsed.kept:
        skipped = len(parsed.skipped)
        raise _fail(
            f"nothing is left to store: all {skipped} row(s) have a code that is no country "
            "(first: row {row}, {code!r})".format(**parsed.skipped[0])
        )
    return parsed
