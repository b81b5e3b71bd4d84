"""Which Content-Types a route's request body is declared with, and the one 415 naming them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from app.core.errors import UnsupportedMediaType


def declared_media_types(route: Any) -> tuple[str, ...]:
    """The body types in the route's contract: its `openapi_extra` request body (uploads and
    imports), else the media type of its body parameter (JSON); empty when it takes no body."""
    extra = getattr(route, "openapi_extra", None) or {}
    content = extra.get("requestBody", {}).get("content")
    if content:
        return tuple(sorted(content))
    body = getattr(route, "body_field", None)
    if body is None:
        return ()
    return (str(getattr(body.field_info, "media_type", "application/json")),)


def unsupported_media_type(accepted: Iterable[str], sent: str) -> UnsupportedMediaType:
    types = list(accepted)
    shown = f", not {sent[:80]}" if sent else "; none was sent"
    return UnsupportedMediaType(f"Content-Type must be {' or '.join(types)}{shown}", accepted=types)


class BodyTypes:
    """(method, path) → the declared body types of the route that will answer it, from the
    app's routes as mounted (read once, on the first request with a body)."""

    def __init__(self) -> None:
        self._table: list[tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]] | None = None

    def _build(
        self, routes: Iterable[Any]
    ) -> list[tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]]:
        from fastapi.routing import iter_route_contexts

        table = []
        for route in iter_route_contexts(list(routes)):
            regex, methods = getattr(route, "path_regex", None), getattr(route, "methods", None)
            if regex is None or not methods:
                continue
            table.append((regex, frozenset(methods), declared_media_types(route.original_route)))
        return table

    def accepted(self, app: Any, method: str, path: str) -> tuple[str, ...]:
        """The types the route takes; empty when no route matches or it takes no body."""
        if self._table is None:
            self._table = self._build(app.routes)
        for regex, methods, types in self._table:
            if method in methods and regex.match(path):
                return types
        return ()
