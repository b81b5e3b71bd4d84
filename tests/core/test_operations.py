"""Operation ids derived from a route's name: `<resource>_<verb>`, or a clear error."""

from __future__ import annotations

import pytest
from fastapi import APIRouter

from app.core.operations import operation_ids


def test_a_route_named_by_its_verb_gets_the_resources_id() -> None:
    router = APIRouter(prefix="/things", generate_unique_id_function=operation_ids("things"))

    @router.get("/{thing_id}")
    async def get_thing(thing_id: int) -> None: ...

    @router.delete("/{thing_id}")
    async def delete_thing(thing_id: int) -> None: ...

    @router.get("/{thing_id}/parts", operation_id="thing_parts_list")
    async def thing_parts(thing_id: int) -> None: ...

    ids = [getattr(route, "unique_id", None) for route in router.routes]
    assert ids == ["things_get", "things_delete", "thing_parts_list"]


def test_a_route_neither_named_by_a_verb_nor_given_an_id_is_refused() -> None:
    router = APIRouter(generate_unique_id_function=operation_ids("things"))
    with pytest.raises(ValueError, match=r"'archive_thing'.*operation_id"):

        @router.post("/archive")
        async def archive_thing() -> None: ...


def test_two_routes_of_one_verb_without_ids_are_refused() -> None:
    router = APIRouter(generate_unique_id_function=operation_ids("things"))

    @router.get("/{thing_id}")
    async def get_thing(thing_id: int) -> None: ...

    with pytest.raises(ValueError, match=r"things_get already names 'get_thing'"):

        @router.get("/{thing_id}/stats")
        async def get_thing_stats(thing_id: int) -> None: ...


def test_a_resource_router_names_its_tag_ids_and_route_class() -> None:
    from fastapi.routing import APIRoute

    from app.core.idempotency import IdempotentRoute
    from app.core.operations import bulk_imports_router, resource_router

    router = resource_router("/things", "things")
    keys = resource_router("/api-keys", "api_keys", tag="keys", replays=False)
    imports = bulk_imports_router()

    @router.get("/{thing_id}")
    async def get_thing(thing_id: int) -> None: ...

    @keys.get("/{key_id}")
    async def get_key(key_id: int) -> None: ...

    assert (router.prefix, router.tags, router.route_class) == (
        "/things",
        ["things"],
        IdempotentRoute,
    )
    assert [getattr(route, "unique_id", None) for route in router.routes] == ["things_get"]
    assert (keys.tags, keys.route_class) == (["keys"], APIRoute)
    assert [getattr(route, "unique_id", None) for route in keys.routes] == ["api_keys_get"]
    assert (imports.prefix, imports.tags, imports.route_class) == (
        "/imports",
        ["imports"],
        IdempotentRoute,
    )
