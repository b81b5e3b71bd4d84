"""How one kind of record's single-record writes are audited, declared once beside its service:
the resource type and key its events name, their details, and the rollup its records feed.

A domain declares `UPGRADES = Audited(UPGRADE, _details, rollup=rollup.Change)` and its create,
update and delete each end in one call (`added`, `updated`, `deleted`), which notes the change
(app/audit/writer.py) after the shared steps of app/core/edits.py; the domain's rules stay in
the service.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record, record_created
from app.core.commit import Change
from app.core.edits import ChangeOf, Patch, delete_record
from app.core.rollup import Change as RollupChange
from app.core.security import Principal
from app.core.versioning import check_version

Stored = TypeVar("Stored")


@dataclass(frozen=True, slots=True)
class Audited(Generic[Stored]):
    """The audit events of one kind of record: `resource_type`, the record named by its
    attribute `key`, with `details` (None: none); `rollup`, the rollup change a delete
    keeps in step, when its records feed one."""

    resource_type: str
    details: Callable[[Stored], dict[str, Any]] | None = None
    key: str = "id"
    rollup: ChangeOf | None = None

    def _key(self, target: Stored) -> object:
        return getattr(target, self.key)

    def _details(self, target: Stored) -> dict[str, Any] | None:
        return None if self.details is None else self.details(target)

    async def added(
        self,
        session: AsyncSession,
        actor: Principal,
        target: Stored,
        body: BaseModel,
        *,
        also: Iterable[str] = (),
    ) -> Change:
        """Add `target`, made from `body`: flushed (its id given), counted in its rollup, and
        its creation noted with the fields `body` set and `also` (`record_created`)."""
        session.add(target)
        await session.flush()
        if self.rollup is not None:
            await self.rollup(session, [cast(Any, target).id]).after()
        details = self._details(target)
        return record_created(
            session, actor, self.resource_type, self._key(target), body, details, also=also
        )

    async def updated(
        self,
        session: AsyncSession,
        actor: Principal,
        patch: Patch[Any],
        change: RollupChange | None = None,
    ) -> bool:
        """Save `patch` (`Patch.saved`, `change` its rollup change) and, when it changed
        anything, note the update with the fields it changed."""
        if not await patch.saved(session, change):
            return False
        target = patch.target
        details = self._details(target)
        record(
            session, actor, "update", self.resource_type, self._key(target), patch.changed, details
        )
        return True

    async def deleted(
        self,
        session: AsyncSession,
        actor: Principal,
        target: Stored,
        expected_version: str | None,
        refuse: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Delete `target` at the version the caller holds (`check_version`) unless `refuse`,
        the domain's rule checked next, raises; its rollup kept in step (`delete_record`) and
        the delete noted with the details it had."""
        check_version(expected_version, cast(Any, target).version)
        if refuse is not None:
            await refuse()
        details = self._details(target)
        await delete_record(session, target, self.rollup)
        record(session, actor, "delete", self.resource_type, self._key(target), None, details)
