"""Obligation bodies for the funding tests."""

from __future__ import annotations

from typing import Any

OBLIGATIONS = "/api/v1/obligations"
REPORT = "/api/v1/reports/funding"


def obligation(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "program": "IMET",
        "fiscal_year": 2022,
        "partner": None,
        "type": "obligation",
        "amount_usd": "1000000.00",
        "purposes": ["women_training"],
        "source_ref": "FA-2022-0001",
    }
    body.update(overrides)
    return body
