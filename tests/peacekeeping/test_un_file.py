"""Reading the UN file: header variants, whitespace, dates, personnel types, row errors."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import Unprocessable
from app.peacekeeping.un_file import (
    MILITARY,
    normalize_personnel_type,
    parse_count,
    parse_date,
    parse_un_file,
)
from tests.peacekeeping.helpers import UN_MONTHS, UN_MONTHS_SKIPPED, un_csv, un_published

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
        ("31-Jan-21", date(2021, 1, 31)),
        ("31-Jan-2021", date(2021, 1, 31)),
        (" 30-sep-21 ", date(2021, 9, 30)),
        ("28-Feb-02", date(2002, 2, 28)),
        ("30-Sept-2021", date(2021, 9, 30)),
        ("31-Oct-26", date(2026, 10, 31)),
        ("30-Feb-21", None),
        ("31-Foo-21", None),
        ("31-Jan-1", None),
        ("31/02/2026", None),
        ("10/31/2026", None),
        ("Oct 2026", None),
        ("", None),
    ],
)
def test_dates_are_dd_mon_yy_dd_mm_yyyy_or_iso(text: str, expected: date | None) -> None:
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
            (" Ghana ", " gha ", " unifil ", " Troops ", " 800 ", " 120 ", " 31-Oct-26 "),
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
    [month] = parsed.months
    assert month.reporting_date == date(2026, 10, 31)
    assert parsed.row_count == month.row_count == 3
    assert month.contributions == {
        (1, "UNIFIL", "troops"): [810, 125],
        (2, "MINUSCA", "staff_officer"): [7, 2],
    }


def test_semicolons_and_a_byte_order_mark_are_read() -> None:
    content = b"\xef\xbb\xbf" + un_csv(
        [("Kenya", "KEN", "UNMISS", "UNMEM", 3, 1, "2026-01-31")], delimiter=";"
    )
    parsed = parse_un_file(content, CODES)
    assert parsed.months[0].contributions == {(2, "UNMISS", "experts_on_mission"): [3, 1]}


def test_every_bad_row_is_reported_with_its_row_and_column() -> None:
    content = un_csv(
        [
            ("Ghana", "GHA", "UNIFIL", "Troops", 1, 1, "2026-10-31"),
            ("Nepal", "NPL", "UNIFIL", "Troops", 1, 1, "2026-10-31"),
            ("Kenya", "KEN", "UNIFIL", "Cooks", -1, "x", "31/13/2026"),
        ]
    )
    with pytest.raises(Unprocessable) as caught:
        parse_un_file(content, CODES)
    errors = caught.value.errors or []
    assert all(e.pop("detail") == e["message"] for e in errors)  # problem items carry detail
    assert all(e.pop("pointer") == f"/rows/{e['row']}/{e['field']}" for e in errors)
    assert errors == [
        {"row": 2, "field": "ISOCode3", "message": "country 'NPL' is not in the partners table"},
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
            "message": "not a date (31-Jan-21, dd/mm/yyyy or yyyy-mm-dd): '31/13/2026'",
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
    for content, what in (
        (b"PK\x03\x04\x14\x00\x06\x00", "an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (.xls)"),
        (b"%PDF-1.7\n", "a PDF document"),
        ("Contributing_Country,ISOCode3\r\n".encode("utf-16-le"), "UTF-16 without a byte"),
    ):
        with pytest.raises(Unprocessable) as refused:
            parse_un_file(content, CODES)
        assert what in refused.value.detail
        assert "text/csv body or as the `file` field of multipart/form-data" in refused.value.detail


UN_CODES = {**CODES, "XKX": (3, "XKX"), "XK": (3, "XKX")}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_a_multi_month_file_is_split_per_reporting_date(encoding: str) -> None:
    content = un_published(UN_MONTHS, encoding)
    if encoding == "utf-16-be":
        content = b"\xfe\xff" + content  # Python writes no BOM for an explicit byte order
    parsed = parse_un_file(content, UN_CODES)
    assert parsed.row_count == 11
    assert [(m.reporting_date, m.row_count) for m in parsed.months] == [
        (date(2021, 7, 31), 3),
        (date(2021, 8, 31), 3),
        (date(2021, 9, 30), 5),
    ]
    july, august, september = (m.contributions for m in parsed.months)
    assert july == {(1, "UNIFIL", "troops"): [800, 120], (2, "UNMISS", "staff_officer"): [20, 5]}
    assert august == {
        (1, "UNIFIL", "troops"): [810, 130],
        (1, "UNIFIL", "experts_on_mission"): [3, 1],
        (2, "UNMISS", "staff_officer"): [21, 6],
    }
    assert september == {
        (1, "UNIFIL", "troops"): [800, 144],
        (2, "UNMISS", "troops"): [400, 60],
        (3, "UNMISS", "staff_officer"): [2, 1],
    }
    assert parsed.skipped == UN_MONTHS_SKIPPED
    assert [len(m.skipped) for m in parsed.months] == [1, 0, 1]


def test_skipped_rows_are_still_checked_and_a_file_of_only_skipped_rows_is_refused() -> None:
    bad = un_published([("Nowhere", "#N/A", "UNMISS", "Cooks", 7, 2, "31-Jul-21")])
    with pytest.raises(Unprocessable) as strict:
        parse_un_file(bad, UN_CODES)
    assert [e["field"] for e in strict.value.errors] == ["Personnel_Type"]
    only_skipped = un_published(
        [
            ("Nowhere", "#N/A", "UNMISS", "Troops", 7, 2, "31-Jul-21"),
            ("Barbados", "BDS", "MINUSCA", "Troops", 1, 0, "31-Aug-21"),
        ]
    )
    with pytest.raises(Unprocessable) as nothing:
        parse_un_file(only_skipped, UN_CODES)
    assert "nothing is left to store: all 2 row(s)" in nothing.value.detail
    assert "row 1, '#N/A'" in nothing.value.detail
    # A month whose rows are all skipped gets no snapshot; the others are kept.
    mixed = un_published(
        [
            ("Nowhere", "#N/A", "UNMISS", "Troops", 7, 2, "31-Jul-21"),
            ("Ghana", "GHA", "UNIFIL", "Troops", 1, 0, "31-Aug-21"),
        ]
    )
    parsed = parse_un_file(mixed, UN_CODES)
    assert [m.reporting_date for m in parsed.kept] == [date(2021, 8, 31)]
    assert [r["row"] for r in parsed.skipped] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[("0", 0), ("2", 2), ("2.0", 2), ("2.", 2), ("1000000", 1_000_000), ("1000001", None)],
        *[("2.000", None), ("6.394", None), ("1,234", None), ("1.234.567", None), ("2.5", None)],
        *[("-1", None), ("", None), ("two", None)],
    ],
)
def test_counts_are_whole_numbers_never_guessed(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


def test_a_count_that_could_be_read_two_ways_is_refused_naming_row_column_and_value() -> None:
    content = un_published(
        [
            ("Ghana", "GHA", "UNIFIL", "Troops", "2.000", 1, "31-Jan-21"),
            ("Ghana", "GHA", "UNIFIL", "Troops", 5, "6.394", "31-Jan-21"),
            ("Kenya", "KEN", "UNMISS", "Troops", "1,234", 7, "31-Jan-21"),  # splits in two
            ("Kenya", "KEN", "UNMISS", "Troops", 10, 1, "31-Jan-21", "x"),
        ]
    )
    with pytest.raises(Unprocessable) as refused:
        parse_un_file(content, UN_CODES)
    two_ways = (
        "could be read two ways (a thousands separator or a decimal point): "
        "write the count without separators"
    )
    assert [(e["row"], e["field"], e["pointer"], e["message"]) for e in refused.value.errors] == [
        (1, "Male_Personnel", "/rows/1/Male_Personnel", f"'2.000' {two_ways}"),
        (2, "Female_Personnel", "/rows/2/Female_Personnel", f"'6.394' {two_ways}"),
        (3, "Male_Personnel", "/rows/3/Male_Personnel", f"'1,234' {two_ways}"),
        (4, "", "/rows/4", "8 cells for 7 columns: a value holding an unquoted ','?"),
    ]
    assert "row 1, Male_Personnel: '2.000' could be read two ways" in refused.value.detail
    # Quoted, a comma in a count is still two ways to read it; semicolon files keep 1,234 whole.
    quoted = un_published([("Kenya", "KEN", "UNMISS", "Troops", '"1,234"', 7, "31-Jan-21")])
    with pytest.raises(Unprocessable) as also:
        parse_un_file(quoted, UN_CODES)
    assert also.value.errors[0]["field"] == "Male_Personnel"
