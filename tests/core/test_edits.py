"""The shared PATCH and DELETE steps (app/core/edits.py), without a database: what a patch sets
and names as changed, and the order a delete keeps a rollup in step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import literal, select

from app.core.edits import Patch, delete_record, found_or_404
from app.core.errors import NotFound, PreconditionFailed
from app.core.schemas import UpdateModel, apply_changes


class ThingUpdate(UpdateModel):
    nullable = frozenset({"note", "partner"})

    name: str | None = None
    note: str | None = None
    size: int | None = None
    partner: str | None = None
    tags: list[str] | None = None


@dataclass
class Tag:
    tag: str


@dataclass
class Ref:
    id: int


@dataclass
class Thing:
    id: int = 7
    name: str = "old"
    note: str | None = "kept"
    size: int = 1
    partner: Ref | None = None
    partner_id: int | None = None
    tag_rows: list[Tag] = field(default_factory=list)
    updated_at: datetime | None = None


def test_copy_sets_only_given_fields_that_differ() -> None:
    thing = Thing()
    patch = Patch(thing, ThingUpdate(name="new", size=1, note=None))
    patch.copy("name", "size", "note")
    assert (thing.name, thing.size, thing.note) == ("new", 1, None)
    assert patch.changed == ["name", "note"]  # size given but unchanged; unset fields untouched


def test_copy_without_names_is_every_given_field_as_apply_changes_was() -> None:
    thing, twin = Thing(), Thing()
    body = ThingUpdate(name="new", size=3)
    assert Patch(thing, body).copy().changed == ["name", "size"]
    assert apply_changes(twin, body) == ["name", "size"]
    assert (twin.name, twin.size, twin.note) == ("new", 3, "kept")


def test_value_get_and_sets_read_the_body_then_the_record() -> None:
    patch = Patch(Thing(), ThingUpdate(note=None, size=5))
    assert patch.value("note") is None  # set to null: the body's
    assert patch.value("name") == "old"  # not set: the record's
    assert patch.value("name", "note") == "kept"  # the stored attribute by another name
    assert patch.get("size") == 5 and patch.get("name") is None
    assert "note" in patch and "name" not in patch
    assert patch.sets("name", "size") and not patch.sets("name", "tags")


def test_set_names_the_change_as_the_audit_does() -> None:
    thing = Thing()
    patch = Patch(thing, ThingUpdate())
    patch.set("partner_id", 4, "partner")
    patch.set("size", 1)
    assert thing.partner_id == 4 and patch.changed == ["partner"]


def test_refer_compares_ids_and_allows_none() -> None:
    thing = Thing(partner=Ref(2), partner_id=2)
    patch = Patch(thing, ThingUpdate(partner="GHA"))
    patch.refer("partner", Ref(2))
    assert patch.changed == []
    patch.refer("partner", None)
    assert thing.partner is None and patch.changed == ["partner"]


def test_tags_replace_child_rows_and_touch_the_record() -> None:
    thing = Thing(tag_rows=[Tag("a"), Tag("b")])
    patch = Patch(thing, ThingUpdate(tags=["c", "b"]))
    patch.tags("tags", "tag_rows", Tag, "tag")
    assert [row.tag for row in thing.tag_rows] == ["b", "c"]
    assert patch.changed == ["tags"] and thing.updated_at is not None


def test_tags_unchanged_or_unset_leave_the_record_alone() -> None:
    thing = Thing(tag_rows=[Tag("a")])
    Patch(thing, ThingUpdate(tags=["a"])).tags("tags", "tag_rows", Tag, "tag")
    Patch(thing, ThingUpdate()).tags("tags", "tag_rows", Tag, "tag")
    assert [row.tag for row in thing.tag_rows] == ["a"] and thing.updated_at is None


class Steps:
    """A session and a rollup change that note what was asked of them, in order."""

    def __init__(self) -> None:
        self.done: list[Any] = []

    async def flush(self) -> None:
        self.done.append("flush")

    async def delete(self, target: Any) -> None:
        self.done.append(("delete", target.id))

    def change(self, _session: Any, ids: Any) -> Steps.Change:
        return Steps.Change(self, list(ids))

    @dataclass
    class Change:
        steps: Steps
        ids: list[int]

        async def before(self) -> Steps.Change:
            self.steps.done.append(("before", self.ids))
            return self

        async def after(self) -> None:
            self.steps.done.append(("after", self.ids))


async def test_saved_flushes_then_applies_the_rollup_only_when_changed() -> None:
    steps = Steps()
    change = await steps.change(None, [7]).before()
    assert not await Patch(Thing(), ThingUpdate(size=1)).copy().saved(steps, change)  # type: ignore[arg-type]
    assert steps.done == [("before", [7])]
    assert await Patch(Thing(), ThingUpdate(size=2)).copy().saved(steps, change)  # type: ignore[arg-type]
    assert steps.done == [("before", [7]), "flush", ("after", [7])]


@pytest.mark.parametrize("with_rollup", [True, False])
async def test_delete_record_takes_the_record_out_of_its_rollup(with_rollup: bool) -> None:
    steps = Steps()
    await delete_record(steps, Thing(), steps.change if with_rollup else None)  # type: ignore[arg-type]
    expected: list[Any] = [("delete", 7), "flush"]
    if with_rollup:
        expected = [("before", [7]), *expected, ("after", [7])]
    assert steps.done == expected


@dataclass
class Versioned(Thing):
    version: int = 3


def test_a_checked_patch_begins_only_on_the_version_the_client_read() -> None:
    thing = Versioned()
    assert Patch.checked(thing, ThingUpdate(size=2), "3").copy().changed == ["size"]
    assert Patch.checked(thing, ThingUpdate(), None).target is thing  # no If-Match: any version
    with pytest.raises(PreconditionFailed):
        Patch.checked(thing, ThingUpdate(size=4), "2")
    assert thing.size == 2  # the stale patch set nothing


@dataclass
class Found:
    """A session whose query finds `row` (None: nothing)."""

    row: Any

    async def scalar(self, stmt: Any) -> Any:
        return self.row


async def test_found_or_404_is_the_record_or_a_404_naming_it() -> None:
    stmt = select(literal(1))
    assert await found_or_404(Found("the row"), stmt, "thing 7") == "the row"  # type: ignore[arg-type]
    with pytest.raises(NotFound, match=r"^thing 7 does not exist$"):
        await found_or_404(Found(None), stmt, "thing 7")  # type: ignore[arg-type]
