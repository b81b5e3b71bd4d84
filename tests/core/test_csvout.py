"""Content negotiation for CSV output."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from app.core.csvout import wants_csv


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
