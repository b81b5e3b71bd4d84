"""Operation ids stated once per router: `<resource>_<verb>` for a route named `<verb>_...`.

A router passes `generate_unique_id_function=operation_ids("facility_upgrades")`; its routes
named list_/get_/create_/update_/delete_... get `facility_upgrades_list`, `..._get` and so on
(as the full-stack FastAPI template derives ids from route names). A router of one path per
route (bulk imports, reports) takes `path_ids`: `imports_cwd_teams`. Any other route states its
`operation_id=` in its decorator; the committed contract keeps every id stable.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.routing import APIRoute

from app.core.idempotency import IdempotentRoute

VERBS = frozenset({"list", "get", "create", "update", "delete"})


def operation_ids(resource: str) -> Callable[[APIRoute], str]:
    """The id of each route of a router about `resource` that gives none of its own; a second
    route that would get the same id (`get_x` and `get_x_stats`) is refused, not renamed."""
    named: dict[str, str] = {}  # id -> the route it names

    def operation_id(route: APIRoute) -> str:
        verb = route.name.partition("_")[0]
        if verb not in VERBS:
            raise ValueError(
                f"route {route.name!r}: name it {'/'.join(sorted(VERBS))}_..., "
                "or give it an operation_id"
            )
        unique_id = f"{resource}_{verb}"
        # Mounting a router builds its routes again: the same route may ask twice.
        if named.setdefault(unique_id, route.name) != route.name:
            raise ValueError(
                f"route {route.name!r}: {unique_id} already names {named[unique_id]!r}; "
                "give it an operation_id"
            )
        return unique_id

    return operation_id


def resource_router(
    prefix: str, resource: str, *, tag: str | None = None, replays: bool = True
) -> APIRouter:
    """The router of one resource's routes: under `prefix`, listed under `tag` (default: the
    prefix without its slash), ids by `operation_ids(resource)`; with `replays`, the replies
    of routes taking an Idempotency-Key are kept (IdempotentRoute)."""
    return APIRouter(
        prefix=prefix,
        tags=[tag or prefix.removeprefix("/")],
        route_class=IdempotentRoute if replays else APIRoute,
        generate_unique_id_function=operation_ids(resource),
    )


def path_ids(resource: str) -> Callable[[APIRoute], str]:
    """The id of each route of a router whose routes are one path each (bulk imports,
    reports): `<resource>_` and the path's last segment (`/imports/cwd-teams`:
    `imports_cwd_teams`)."""

    def operation_id(route: APIRoute) -> str:
        return f"{resource}_" + route.path_format.rpartition("/")[2].replace("-", "_")

    return operation_id


def bulk_imports_router() -> APIRouter:
    """A domain's router for its `POST /imports/...` routes, ids by `path_ids`."""
    return APIRouter(
        prefix="/imports",
        tags=["imports"],
        route_class=IdempotentRoute,
        generate_unique_id_function=path_ids("imports"),
    )
