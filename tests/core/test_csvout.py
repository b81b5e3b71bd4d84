"""The one CSV writer: content negotiation, one convention for values, and no cell a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import pytest
from starlette.requests import Request

from app.core.csvout import cell, restore_cell, wants_csv
from app.core.records import flatten
from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training


def request(accept: str | None) -> Request:
    headers = [] if accept is None else [(b"accept", accept.encode())]
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers})


@pytest.mark.parametrize(
    ("accept", "format", "expected"),
    [
        (None, None, False),
        ("*/*", None, False),
        ("application/json", None, False),
        ("text/csv", None, True),
        ("text/csv; charset=utf-8", None, True),
        ("text/csv, application/json", None, True),
        ("application/json, text/csv", None, False),
        ("application/json;q=0.5, text/csv", None, True),
        ("text/csv;q=0", None, False),
        ("text/csv;q=bad", None, False),
        ("text/csv", "json", False),
        (None, "csv", True),
    ],
)
def test_wants_csv(accept: str | None, format: str | None, expected: bool) -> None:
    assert wants_csv(request(accept), format) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already", "''=already"),  # escaped again, so an import undoes exactly one prefix
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Accra", "Accra"),
        ("a=b", "a=b"),
        ("-5", "-5"),  # a plain number written as text is no formula
        ("-0.50", "-0.50"),
        (-5, -5),  # numbers stay numbers
        (-0.5, -0.5),
        (Decimal("-0.50"), Decimal("-0.50")),
        (None, None),
    ],
)
def test_cells_that_could_run_as_formulas_are_neutralised(value: object, expected: object) -> None:
    assert cell(value) == expected


@pytest.mark.parametrize(
    "text",
    ["=cmd", "'=cmd", "''=cmd", "+x", "-x", "@x", "\tx", "\rx", "'x", "'", "-5", "x", ""],
)
def test_an_imported_cell_is_the_text_that_was_exported(text: str) -> None:
    assert restore_cell(str(cell(text))) == text


def test_one_csv_convention_for_values() -> None:
    instant = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert cell(True) == "true" and cell(False) == "false"
    assert cell(instant) == "2026-01-02T03:04:05Z"
    assert cell(instant.replace(microsecond=120)) == "2026-01-02T03:04:05.000120Z"
    assert cell(date(2026, 1, 2)) == "2026-01-02"
    assert cell([1, 2]) == "1;2"
    assert cell(["=a", "b"]) == "'=a;b"  # the cell is neutralised once, as a whole
    assert cell([]) == ""
    with pytest.raises(TypeError):
        cell({"nested": 1})
    assert flatten({"a": 1, "b": {"c": 2, "d": {"e": None}}}, "records") == {
        "records.a": 1,
        "records.b.c": 2,
        "records.b.d.e": None,
    }


async def test_a_list_export_neutralises_formulas_and_the_import_restores_them(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    body = training(title='=HYPERLINK("http://evil","x")', location="@SUM(A1)")
    made = await client.post(TRAININGS, json=body, headers=admin)
    assert made.status_code == 201, made.text
    listed = await client.get(TRAININGS, params={"format": "csv"}, headers=admin)
    lines = list(csv.DictReader(io.StringIO(listed.text)))
    assert {line["title"] for line in lines} == {'\'=HYPERLINK("http://evil","x")'}
    assert {line["location"] for line in lines} == {"'@SUM(A1)"}

    # The exported file imported back is the same training, unchanged (not `'=...`).
    again = await client.post(
        "/api/v1/imports/trainings",
        content=listed.content,
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert again.status_code == 200, again.text
    assert (again.json()["created"], again.json()["updated"]) == (0, 0)
    stored = (await client.get(f"{TRAININGS}/{made.json()['id']}", headers=admin)).json()
    assert stored["title"] == body["title"] and stored["location"] == "@SUM(A1)"


async def test_report_and_list_booleans_and_timestamps_follow_the_json(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    made = await client.post(
        "/api/v1/api-keys", json={"name": "=cmd", "role": "analyst"}, headers=admin
    )
    key = made.json()
    revoke = await client.delete(
        f"/api/v1/api-keys/{key['id']}", headers={**admin, "If-Match": made.headers["etag"]}
    )
    assert revoke.status_code == 204
    as_json = (await client.get("/api/v1/api-keys?include_revoked=true", headers=admin)).json()
    revoked_at = next(k for k in as_json["items"] if k["id"] == key["id"])["revoked_at"]
    as_csv = await client.get(
        "/api/v1/api-keys?include_revoked=true", headers={**admin, "Accept": "text/csv"}
    )
    line = next(r for r in csv.DictReader(io.StringIO(as_csv.text)) if r["id"] == str(key["id"]))
    # Timestamps as the JSON writes them, to the character.
    assert line["revoked_at"] == revoked_at and revoked_at.endswith("Z")
    assert line["created_at"] == key["created_at"]
    assert line["name"] == "'=cmd"
    assert key["key"] not in as_csv.text and "key" not in line  # never the secret
