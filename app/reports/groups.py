"""A report's `group_by`: one or two distinct groups from the report's own list."""

from __future__ import annotations

from app.core.errors import invalid_query


def parse_group_by(raw: str, allowed: tuple[str, ...]) -> list[str]:
    """`fiscal_year,partner` → ["fiscal_year", "partner"]: one or two distinct known groups."""
    groups = [part.strip().lower() for part in raw.split(",") if part.strip()]
    unknown = [g for g in groups if g not in allowed]
    if unknown:
        raise invalid_query("group_by", f"unknown group {unknown[0]!r}; use {', '.join(allowed)}")
    if not 1 <= len(groups) <= 2 or len(set(groups)) != len(groups):
        raise invalid_query("group_by", "name one or two distinct groups")
    return groups
