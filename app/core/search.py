"""Accent- and case-insensitive search, the same on SQLite and PostgreSQL: text is folded
once in Python (casefolded, accents stripped) into a stored search column, and a query is
folded the same way and matched with LIKE."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement

SEPARATOR = "\n"  # between the names of one search text, so a query never spans two


def fold(text: str) -> str:
    """`text` casefolded with its accents stripped: "CÔTE" and "côte" both give "cote"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(names: Iterable[str | None]) -> str:
    """The stored search column of a record known by `names` (duplicates dropped)."""
    folded = dict.fromkeys(fold(name) for name in names if name)
    return SEPARATOR.join(folded)


def matches(column: Any, query: str) -> ColumnElement[bool]:
    """Whether the search column contains the folded query (`%` and `_` are characters)."""
    return column.contains(fold(query), autoescape=True)  # type: ignore[no-any-return]
