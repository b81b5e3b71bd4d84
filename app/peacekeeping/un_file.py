"""Reading the UN's "uniformed personnel by gender" CSV as published, tolerantly.

Pure functions (no database): header variants, whitespace, dd/mm/yyyy or ISO dates and the
personnel type spellings the UN has used are accepted; anything else is a row error.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.errors import Unprocessable

MAX_ERRORS = 100
MAX_COUNT = 1_000_000
MISSION_MAX = 32

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
PUBLISHED_NAMES = {
    "iso3": "ISOCode3",
    "mission": "Mission_Acronym",
    "personnel_type": "Personnel_Type",
    "male": "Male_Personnel",
    "female": "Female_Personnel",
    "reporting_date": "Last_Reporting_Date",
}

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?")
_COUNT = re.compile(r"\d{1,9}(?:\.0*)?")


@dataclass
class ParsedFile:
    reporting_date: date
    row_count: int
    # (partner id, mission, personnel type) → [male, female]
    contributions: dict[tuple[int, str, str], list[int]] = field(default_factory=dict)


class _Errors:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: int, column: str, detail: str) -> None:
        self.count += 1
        if len(self.items) < MAX_ERRORS:
            self.items.append({"row": row, "field": column, "message": detail, "detail": detail})

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


def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if match := _DMY.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _ISO.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def normalize_personnel_type(text: str) -> str | None:
    return PERSONNEL_TYPES.get(_squash(text))


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _header_map(header: list[str]) -> dict[str, int]:
    squashed = [_squash(name) for name in header]
    found: dict[str, int] = {}
    for column, spellings in COLUMNS.items():
        for spelling in spellings:
            if spelling in squashed:
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


def parse_un_file(content: bytes, codes: Mapping[str, tuple[int, str]]) -> ParsedFile:
    """Parse and aggregate a file; `codes` maps alpha-3 and alpha-2 to (partner id, alpha-3).

    Raises Unprocessable listing every bad row (up to MAX_ERRORS), so nothing half-read is
    ever stored.
    """
    text = _decode(content)
    if "\x00" in text:
        raise _fail("the file contains NUL bytes; is it really CSV?")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise _fail("the file is empty")
        columns = _header_map(header)
        names = {c: header[i].strip() for c, i in columns.items()}
        errors = _Errors()
        contributions: dict[tuple[int, str, str], list[int]] = {}
        latest: date | None = None
        row_count = 0
        for row_number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            row_count += 1

            def cell(column: str, cells: list[str] = cells) -> str:
                index = columns[column]
                return cells[index].strip() if index < len(cells) else ""

            def bad(column: str, detail: str, row_number: int = row_number) -> None:
                errors.add(row_number, names[column], detail)

            code = cell("iso3").upper()
            partner = codes.get(code) if code.isascii() and code.isalpha() else None
            if partner is None:
                bad("iso3", f"unknown country code {code[:20]!r}" if code else "required")
            mission = cell("mission").upper()
            if not mission:
                bad("mission", "required")
            elif len(mission) > MISSION_MAX or _has_control(mission):
                bad("mission", f"must be a mission acronym of at most {MISSION_MAX} characters")
            raw_type = cell("personnel_type")
            personnel_type = normalize_personnel_type(raw_type)
            if personnel_type is None:
                bad("personnel_type", f"unknown personnel type {raw_type[:40]!r}")
            counts = []
            for column in ("male", "female"):
                raw = cell(column)
                if not _COUNT.fullmatch(raw) or int(float(raw)) > MAX_COUNT:
                    bad(column, f"must be a whole number from 0 to {MAX_COUNT}, not {raw[:20]!r}")
                    counts.append(0)
                else:
                    counts.append(int(float(raw)))
            reported = parse_date(cell("reporting_date"))
            if reported is None:
                raw = cell("reporting_date")[:30]
                bad("reporting_date", f"not a date (dd/mm/yyyy or yyyy-mm-dd): {raw!r}")
            elif latest is None or reported > latest:
                latest = reported
            if errors.count or partner is None or personnel_type is None:
                continue
            totals = contributions.setdefault((partner[0], mission, personnel_type), [0, 0])
            totals[0] += counts[0]
            totals[1] += counts[1]
    except csv.Error as exc:
        raise _fail(f"not readable as CSV: {exc}", row=max(reader.line_num - 1, 0)) from None
    errors.raise_if_any()
    if latest is None:
        raise _fail("the file has a header but no data rows")
    return ParsedFile(reporting_date=latest, row_count=row_count, contributions=contributions)
