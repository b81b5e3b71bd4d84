"""Obligation bodies for the funding tests."""

from __future__ import annotations

import copy
from typing import Any

from app.funding.schemas import ObligationCreate

OBLIGATIONS = "/api/v1/obligations"
REPORT = "/api/v1/reports/funding"


def obligation(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(ObligationCreate.example or {})  # the contract's
    body.update(overrides)
    return body
