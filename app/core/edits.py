"""The steps every GET, PATCH and DELETE of a stored record shares: `found_or_404` loads the
record a request names, a `Patch` applies the fields a body sets and names those that really
changed (as the audit trail records them), and `delete_record` deletes a record with its
rollup kept in step; the domain keeps its own rules.

Neither moves the version itself: the record's version (its ETag) moves with its row when a
changed record is flushed, and the history tables' triggers keep the versions the row had.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFound
from app.core.models import utcnow
from app.core.rollup import Change

Body = TypeVar("Body", bound=BaseModel)
Found = TypeVar("Found")
# A record type's rollup change over records by id (e.g. `app.facilities.rollup.Change`).
ChangeOf = Callable[[AsyncSession, Iterable[int]], Change]


async def found_or_404(session: AsyncSession, stmt: Select[Found], what: str) -> Found:
    """The record `stmt` selects (scoped to the caller by the domain: another country's record
    answers exactly as a missing one); none is a 404 saying that `what` does not exist."""
    found = await session.scalar(stmt)
    if found is None:
        raise NotFound(f"{what} does not exist")
    return found


class Patch(Generic[Body]):
    """One PATCH body (an `UpdateModel`, applied with `exclude_unset`) against `target`, the
    stored record; `changed` lists what it really changed, in the order it was set."""

    def __init__(self, target: Any, body: Body) -> None:
        self.target = target
        self.body = body
        self.given = frozenset(body.model_fields_set)
        self.changed: list[str] = []

    @classmethod
    def checked(cls, target: Any, body: Body, expected_version: str | None) -> Patch[Body]:
        """The PATCH of `target` once the client's `If-Match` (`expected_version`) names the
        version it holds (`check_version`: 412 when another, 428 when required and absent)."""
        # Imported here: versioning's If-Match parameter leads back to this module (schemas).
        from app.core.versioning import check_version

        check_version(expected_version, target.version)
        return cls(target, body)

    def __contains__(self, name: str) -> bool:
        """Whether the body sets `name` (an update refuses null unless the field may be null,
        so a set field that is not nullable holds a value)."""
        return name in self.given

    def sets(self, *names: str) -> bool:
        """Whether the body sets any of `names`."""
        return not self.given.isdisjoint(names)

    def get(self, name: str) -> Any:
        """The body's value of `name`; None when the body does not set it (or sets null)."""
        return getattr(self.body, name) if name in self.given else None

    def value(self, name: str, stored: str = "") -> Any:
        """The field as it is to be: the body's value when set, else the record's attribute
        `stored` (default: the field's name)."""
        return (
            getattr(self.body, name) if name in self.given else getattr(self.target, stored or name)
        )

    def set(self, attribute: str, value: Any, name: str = "") -> None:
        """Set the record's `attribute` to `value` when it differs; the change is named `name`
        (default: the attribute's), e.g. `set("program_id", 3, "program")`."""
        if getattr(self.target, attribute) != value:
            setattr(self.target, attribute, value)
            self.changed.append(name or attribute)

    def copy(self, *names: str) -> Patch[Body]:
        """Set each of `names` the body sets as the body has it; no names: every field the
        body sets (nested objects as dicts), for a record whose fields are all its columns."""
        if names:
            for name in names:
                if name in self.given:
                    self.set(name, getattr(self.body, name))
        else:
            for name, value in self.body.model_dump(exclude_unset=True).items():
                self.set(name, value)
        return self

    def refer(self, name: str, found: Any | None) -> None:
        """Point the relationship `name` at `found` (a record, or None) unless its id is the
        one the record holds (`<name>_id`)."""
        if (found.id if found is not None else None) != getattr(self.target, name + "_id"):
            setattr(self.target, name, found)
            self.changed.append(name)

    def tags(self, name: str, rows: str, row: type[Any], tag: str) -> None:
        """When the body sets the list `name`, make the child rows `rows` (of class `row`, one
        tag in attribute `tag` each) hold those tags: unwanted rows removed, missing added in
        tag order. Child rows live in their own table: the record is touched so that its
        version (ETag) moves too."""
        wanted = getattr(self.body, name) if name in self.given else None
        if wanted is None:
            return
        held = getattr(self.target, rows)
        wanted, current = set(wanted), {getattr(r, tag) for r in held}
        if wanted == current:
            return
        for kept in list(held):
            if getattr(kept, tag) not in wanted:
                held.remove(kept)
        held.extend(row(**{tag: t}) for t in sorted(wanted - current))
        self.touch()
        self.changed.append(name)

    def note(self, name: str, changed: bool = True) -> None:
        """Name a change the domain made itself (e.g. child rows it replaced), when `changed`."""
        if changed:
            self.changed.append(name)

    def touch(self) -> None:
        """Move the record's version when only its child rows change."""
        self.target.updated_at = utcnow()

    async def saved(self, session: AsyncSession, change: Change | None = None) -> bool:
        """Whether anything changed; if so, the record is flushed (its version moves) and
        `change`, the rollup change begun before the patch, applies what it now counts. The
        caller then audits the update with `changed`."""
        if not self.changed:
            return False
        await session.flush()
        if change is not None:
            await change.after()
        return True


async def delete_record(session: AsyncSession, target: Any, rollup: ChangeOf | None = None) -> None:
    """Delete `target` (its version checked, and its rules passed, by the caller), its rollup
    rows made to count it no more when the record type has a rollup. The history triggers
    close its current version in the same transaction; the caller audits the delete."""
    change = await rollup(session, [target.id]).before() if rollup is not None else None
    await session.delete(target)
    await session.flush()
    if change is not None:
        await change.after()
