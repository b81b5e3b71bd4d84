"""Issue 24 point 8: every bulk kind reads a CSV as spreadsheets write it, the forms the UN
upload accepts (`core.spreadsheet`): `;` separators, UTF-16 and Windows-1252, 31-Jan-21 and
31/01/2021 dates, quoted thousands separators; a value that reads two ways is refused naming
the row, the column and the accepted forms."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.core import spreadsheet
from tests.conftest import Keys

OBLIGATIONS = "/api/v1/imports/obligations"
TRAININGS = "/api/v1/imports/trainings"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("31-Jan-21", "2021-01-31"),
        ("31-Jan-2021", "2021-01-31"),
        ("31/01/2021", "2021-01-31"),
        ("01/01/2021", "2021-01-01"),  # the same read either way
        ("2021-01-31", "2021-01-31"),
        ("not a date", "not a date"),  # left for validation to refuse, naming the column
    ],
)
def test_date_cells(cell: str, expected: str) -> None:
    assert spreadsheet.date_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("1,024", "1024"), ("1,250,000.00", "1250000.00"), ("1024", "1024"), ("0.10", "0.10")],
)
def test_number_cells(cell: str, expected: str) -> None:
    assert spreadsheet.number_cell(cell) == expected


@pytest.mark.parametrize(
    ("read", "cell"),
    [
        (spreadsheet.date_cell, "01/02/2021"),
        (spreadsheet.number_cell, "1.024"),
        (spreadsheet.number_cell, "1.250.000"),
    ],
)
def test_a_cell_that_reads_two_ways_is_refused(read: Any, cell: str) -> None:
    with pytest.raises(spreadsheet.Ambiguous, match="could be read"):
        read(cell)


def _csv(keys: Keys) -> dict[str, str]:
    return keys.headers("admin", **{"Content-Type": "text/csv"})


async def _obligations(client: httpx.AsyncClient, keys: Keys) -> list[tuple[Any, ...]]:
    listed = await client.get("/api/v1/obligations?limit=50", headers=keys.headers("admin"))
    assert listed.status_code == 200, listed.text
    return sorted((i["source_ref"], i["amount_usd"]) for i in listed.json()["items"])


async def test_obligations_from_a_semicolon_windows_1252_and_a_utf16_file(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    semicolons = (
        "program;fiscal_year;amount_usd;source_ref\r\n"
        "IMET;2021;1,250,000.00;Côte-1\r\n"
        'GPOI;2022;"1,024";Côte-2\r\n'
    ).encode("cp1252")
    response = await client.post(OBLIGATIONS, content=semicolons, headers=_csv(keys))
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 2
    utf16 = 'program,fiscal_year,amount_usd,source_ref\r\nCWD,2023,"2,500.50",U-1\r\n'
    response = await client.post(OBLIGATIONS, content=utf16.encode("utf-16"), headers=_csv(keys))
    assert response.status_code == 200, response.text
    assert await _obligations(client, keys) == [
        ("Côte-1", "1250000.00"),
        ("Côte-2", "1024.00"),
        ("U-1", "2500.50"),
    ]


async def test_trainings_with_spreadsheet_dates_and_counts(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    body = (
        "program;external_ref;title;kind;start_date;end_date;partner;women;men\r\n"
        "GPOI;S-1;Spreadsheet;course;31-Jan-21;28/02/2021;KEN;1,024;2,000\r\n"
    )
    response = await client.post(TRAININGS, content=body.encode("utf-16"), headers=_csv(keys))
    assert response.status_code == 200, response.text
    listed = await client.get("/api/v1/trainings?limit=5", headers=keys.headers("admin"))
    (training,) = listed.json()["items"]
    assert (training["start_date"], training["end_date"]) == ("2021-01-31", "2021-02-28")
    assert [(p["partner"], p["women"], p["men"]) for p in training["participants"]] == [
        ("KEN", 1024, 2000)
    ]


async def test_an_ambiguous_date_or_number_names_row_column_and_forms(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    trainings = (
        "program,external_ref,title,kind,start_date,end_date\r\n"
        "GPOI,A-1,Fine,course,31-Jan-21,31-Jan-21\r\n"
        "GPOI,A-2,Which month,course,01/02/2021,28/02/2021\r\n"
    )
    refused = await client.post(TRAININGS, content=trainings.encode(), headers=_csv(keys))
    assert refused.status_code == 422, refused.text
    ((row, column, message),) = [
        (e["row"], e["field"], e["message"]) for e in refused.json()["errors"]
    ]
    assert (row, column) == (2, "start_date")
    assert "'01/02/2021' could be read day first or month first" in message
    assert spreadsheet.DATE_FORMS in message

    obligations = "program;fiscal_year;amount_usd;source_ref\r\nIMET;2021;1.024;X-1\r\n"
    refused = await client.post(OBLIGATIONS, content=obligations.encode(), headers=_csv(keys))
    assert refused.status_code == 422, refused.text
    ((row, column, message),) = [
        (e["row"], e["field"], e["message"]) for e in refused.json()["errors"]
    ]
    assert (row, column) == (1, "amount_usd")
    assert "'1.024' could be read two ways" in message
    assert spreadsheet.NUMBER_FORMS in message
    assert await _obligations(client, keys) == []
