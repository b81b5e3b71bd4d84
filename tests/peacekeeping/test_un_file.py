"""Reading the UN file: header variants, whitespace, dates, personnel types, row errors."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import Unprocessable
from app.peacekeeping.un_file import MILITARY, normalize_personnel_type, parse_date, parse_un_file
from tests.peacekeeping.helpers import un_csv

CODES = {"GHA": (1, "GHA"), "GH": (1, "GHA"), "KEN": (2, "KEN"), "KE": (2, "KEN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/10/2026", date(2026, 10, 31)),
        ("1/2/2026", date(2026, 2, 1)),
        (" 05/03/2026 ", date(2026, 3, 5)),
        ("2026-10-31", date(2026, 10, 31)),
        ("2026-10-31T00:00:00", date(2026, 10, 31)),
        ("2026-10-31 00:00:00", date(2026, 10, 31)),
        ("31/02/2026", None),
        ("10/31/2026", None),
        ("Oct 2026", None),
        ("", None),
    ],
)
def test_dates_are_dd_mm_yyyy_or_iso(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops", "troops"),
        ("Contingent Troop", "troops"),
        ("Staff Officer", "staff_officer"),
        ("Staff Officers", "staff_officer"),
        ("staff_officer", "staff_officer"),
        ("Experts on Mission", "experts_on_mission"),
        ("Experts on mission", "experts_on_mission"),
        ("UNMEM", "experts_on_mission"),
        ("Military Observers", "experts_on_mission"),
        ("Police", "police"),
        ("Formed Police Units", "formed_police_unit"),
        ("Individual Police", "individual_police"),
        ("Civilians", None),
    ],
)
def test_personnel_type_spellings(text: str, expected: str | None) -> None:
    assert normalize_personnel_type(text) == expected


def test_police_is_never_military() -> None:
    assert set(MILITARY) == {"troops", "staff_officer", "experts_on_mission"}


def test_header_variants_whitespace_and_aggregation() -> None:
    content = un_csv(
        [
            (" Ghana ", " gha ", " unifil ", " Troops ", " 800 ", " 120 ", " 30/09/2026 "),
            ("Ghana", "GH", "UNIFIL", "Troops", "10", "5", "2026-10-31"),
            ("Kenya", "KEN", "MINUSCA", "Staff Officers", "7", "2.0", "31/10/2026"),
            ("", "", "", "", "", "", ""),
        ],
        header=[
            "contributing country",
            "ISO Code 3",
            "MISSION ACRONYM",
            "personnel type",
            "Male Personnel",
            "female_personnel",
            "Last Reporting Date",
        ],
    )
    parsed = parse_un_file(content, CODES)
    assert parsed.reporting_date == date(2026, 10, 31)
    assert parsed.row_count == 3
    assert parsed.contributions == {
        (1, "UNIFIL", "troops"): [810, 125],
        (2, "MINUSCA", "staff_officer"): [7, 2],
    }


def test_semicolons_and_a_byte_order_mark_are_read() -> None:
    content = b"\xef\xbb\xbf" + un_csv(
        [("Kenya", "KEN", "UNMISS", "UNMEM", 3, 1, "2026-01-31")], delimiter=";"
    )
    parsed = parse_un_file(content, CODES)
    assert parsed.contributions == {(2, "UNMISS", "experts_on_mission"): [3, 1]}


def test_every_bad_row_is_reported_with_its_row_and_column() -> None:
    content = un_csv(
        [
            ("Ghana", "GHA", "UNIFIL", "Troops", 1, 1, "2026-10-31"),
            ("Atlantis", "ATL", "UNIFIL", "Troops", 1, 1, "2026-10-31"),
            ("Kenya", "KEN", "UNIFIL", "Cooks", -1, "x", "31/13/2026"),
        ]
    )
    with pytest.raises(Unprocessable) as caught:
        parse_un_file(content, CODES)
    errors = caught.value.errors or []
    assert all(e.pop("detail") == e["message"] for e in errors)  # problem items carry detail
    assert errors == [
        {"row": 2, "field": "ISOCode3", "message": "unknown country code 'ATL'"},
        {"row": 3, "field": "Personnel_Type", "message": "unknown personnel type 'Cooks'"},
        {
            "row": 3,
            "field": "Male_Personnel",
            "message": "must be a whole number from 0 to 1000000, not '-1'",
        },
        {
            "row": 3,
            "field": "Female_Personnel",
            "message": "must be a whole number from 0 to 1000000, not 'x'",
        },
        {
            "row": 3,
            "field": "Last_Reporting_Date",
            "message": "not a date (dd/mm/yyyy or yyyy-mm-dd): '31/13/2026'",
        },
    ]
    assert caught.value.extra["error_count"] == 5


def test_missing_columns_empty_files_and_binary_are_refused() -> None:
    with pytest.raises(Unprocessable) as missing:
        parse_un_file(b"Country,ISO3,Mission\nGhana,GHA,UNIFIL\n", CODES)
    assert [e["field"] for e in missing.value.errors] == [
        "Personnel_Type",
        "Male_Personnel",
        "Female_Personnel",
        "Last_Reporting_Date",
    ]
    for content in (b"", b"\r\n", b"\x00\x01\x02", un_csv([])):
        with pytest.raises(Unprocessable):
            parse_un_file(content, CODES)
