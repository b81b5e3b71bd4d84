"""Fixtures shared by the integration tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

SCHEMA_FILE = Path(__file__).parents[1] / "data" / "iati" / "iati-activities-schema.xsd"


@pytest.fixture(scope="module")
def schema() -> Any:
    """The official IATI 2.03 activity schema (vendored in tests/data/iati)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
