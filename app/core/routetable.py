"""The app's routes looked up by method and path, for what runs before routing (the middleware):
each route's template and the Content-Types its body is declared with; and the one 415."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException


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


def unsupported_media_type(accepted: Iterable[str], sent: str) -> HTTPException:
    """The one 415: an HTTPException, so it passes through FastAPI's body reading unchanged."""
    shown = f", not {sent[:80]}" if sent else "; none was sent"
    return HTTPException(415, f"Content-Type must be {' or '.join(accepted)}{shown}")


@dataclass(frozen=True, slots=True)
class RouteInfo:
    template: str  # "/api/v1/partners/{code}", as in metrics and access logs
    body_types: tuple[str, ...]


class RouteTable:
    """(method, path) → the route that will answer it, read from the app's routes as mounted
    (once, on first use)."""

    def __init__(self) -> None:
        self._table: list[tuple[re.Pattern[str], frozenset[str] | None, RouteInfo]] | None = None

    @staticmethod
    def _build(
        routes: Iterable[Any],
    ) -> list[tuple[re.Pattern[str], frozenset[str] | None, RouteInfo]]:
        from fastapi.routing import iter_route_contexts

        table = []
        for route in iter_route_contexts(list(routes)):
            regex, template = getattr(route, "path_regex", None), route.path_format
            if regex is None or template is None:
                continue
            methods = route.methods  # None for a mount (the docs' files): any method
            info = RouteInfo(template, declared_media_types(route.original_route))
            table.append((regex, frozenset(methods) if methods else None, info))
        return table

    def find(self, app: Any, method: str, path: str) -> RouteInfo | None:
        if self._table is None:
            self._table = self._build(app.routes if app is not None else ())
        for regex, methods, info in self._table:
            if (methods is None or method in methods) and regex.match(path):
                return info
        return None
