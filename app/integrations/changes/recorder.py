"""Numbering changes as they commit: the change feed's participant in the commit step
(app/core/commit.py) gives every noted change its `seq` and its readers (the partner
countries whose embassy keys may read it), in the changing transaction.

The seq comes from one counter row, bumped (`... + n RETURNING last_seq`) as the last write of
the transaction; its row lock is held until commit, so a transaction that takes a higher seq
commits after every lower one: a reader that has seen seq N has seen every seq below N, with
no gap and no repeat, whatever the number of replicas or writers (on SQLite every write
transaction is serialized already). A rolled-back transaction gives its numbers back.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import JSON as JSONType
from sqlalchemy import BigInteger, Text, bindparam, column, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.audit.writer import json_rows
from app.core import visibility
from app.core.commit import Change, Part, Participant, Work, recordset
from app.core.driver import upsert
from app.core.models import UTCDateTime, utcnow
from app.integrations.changes.models import CHANGE_COUNTER, CHANGE_PARTNERS, CHANGES

logger = logging.getLogger("wps.changes")


@dataclass(frozen=True, slots=True)
class NumberedChange:
    """A change as committed: what the outbox turns into webhook events."""

    seq: int
    at: datetime
    event: Change
    partner_ids: frozenset[int]


NUMBERED = "numbered"  # Work.results: the transaction's NumberedChanges, for the outbox


def _bump(session: AsyncSession, n: Any) -> Any:
    # An upsert, so an empty table (a fresh or wiped database) numbers from 1 without a seed row.
    counter = CHANGE_COUNTER.c
    stmt = upsert(session, CHANGE_COUNTER).values(id=1, last_seq=n)
    stmt = stmt.on_conflict_do_update(
        index_elements=[counter.id], set_={"last_seq": counter.last_seq + stmt.excluded.last_seq}
    )
    return stmt.returning(counter.last_seq)


class ChangeNumbering(Participant):
    """Each noted change numbered in commit order, with its readers."""

    name = "numbering"

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        if not work.changes:
            return False
        if any(change.readers is None for change in work.changes):
            await session.run_sync(_with_readers, work)
        work.results[self.name] = utcnow()
        return True

    def binds(self, work: Work) -> dict[str, Any]:
        changes = [
            {
                "i": i,
                "resource_type": c.resource_type,
                "resource_id": c.resource_id,
                "action": c.action,
                "changed_fields": c.changed_fields,
            }
            for i, c in enumerate(work.changes, start=1)
        ]
        shared = [
            {"i": i, "partner_id": p}
            for i, c in enumerate(work.changes, start=1)
            for p in sorted(c.readers or ())
        ]
        return {
            "change_n": len(work.changes),
            "change_at": work.results[self.name],
            "change_rows": json_rows(changes),
            "change_readers": json_rows(shared),
        }

    def part(self, session: AsyncSession) -> Part:
        n = bindparam("change_n", type_=BigInteger)
        bump = _bump(session, n).cte("bump")
        first = bump.c.last_seq - n
        rows = recordset(
            "change_rows",
            column("i", BigInteger),
            column("resource_type", Text),
            column("resource_id", Text),
            column("action", Text),
            column("changed_fields", JSONType),
        )
        at = bindparam("change_at", type_=UTCDateTime)
        numbered = insert(CHANGES).from_select(
            ["seq", "resource_type", "resource_id", "action", "at", "changed_fields"],
            select(
                first + rows.c.i,
                rows.c.resource_type,
                rows.c.resource_id,
                rows.c.action,
                at,
                rows.c.changed_fields,
            ).select_from(bump, rows),
        )
        shared = recordset(
            "change_readers", column("i", BigInteger), column("partner_id", BigInteger)
        )
        readers = insert(CHANGE_PARTNERS).from_select(
            ["seq", "partner_id"],
            select(first + shared.c.i, shared.c.partner_id).select_from(bump, shared),
        )
        return Part(
            ctes=[bump, numbered.cte("numbered"), readers.cte("readers")],
            result=select(bump.c.last_seq).scalar_subquery(),
        )

    async def step(self, session: AsyncSession, work: Work) -> Any:
        changes = work.changes
        last = int((await session.execute(_bump(session, len(changes)))).scalar_one())
        first = last - len(changes) + 1
        at = work.results[self.name]
        await session.execute(
            insert(CHANGES),
            [
                {
                    "seq": first + i,
                    "resource_type": c.resource_type,
                    "resource_id": c.resource_id,
                    "action": c.action,
                    "at": at,
                    "changed_fields": c.changed_fields,
                }
                for i, c in enumerate(changes)
            ],
        )
        shared = [
            {"seq": first + i, "partner_id": p}
            for i, c in enumerate(changes)
            for p in sorted(c.readers or ())
        ]
        if shared:
            await session.execute(insert(CHANGE_PARTNERS), shared)
        return last

    async def after(self, session: AsyncSession, work: Work, result: Any) -> None:
        last, at, changes = int(result), work.results[self.name], work.changes
        work.results[NUMBERED] = [
            NumberedChange(
                seq=last - len(changes) + i, at=at, event=c, partner_ids=c.readers or frozenset()
            )
            for i, c in enumerate(changes, start=1)
        ]
        work.on_commit(commits.notify)


def _with_readers(session: Session, work: Work) -> None:
    """Every noted change with its readers: those its writer gave, else the registry's (one
    statement per kind of record: app/core/visibility.py)."""
    asked = [i for i, change in enumerate(work.changes) if change.readers is None]
    pairs = [(work.changes[i].resource_type, work.changes[i].resource_id) for i in asked]
    for i, found in zip(asked, visibility.readers(session, pairs), strict=True):
        work.changes[i] = replace(work.changes[i], readers=found)


class CommitSignal:
    """Wakes waiters in this process when a transaction commits (long polls, the worker);
    other replicas' commits are found by polling."""

    def __init__(self) -> None:
        self._waiting: asyncio.Event | None = None

    def notify(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            with suppress(RuntimeError):  # a waiter on an event loop that has gone
                waiting.set()

    async def wait(self, seconds: float) -> None:
        if self._waiting is None:
            self._waiting = asyncio.Event()
        waiting = self._waiting
        with suppress(TimeoutError):
            await asyncio.wait_for(waiting.wait(), seconds)


commits = CommitSignal()
"""Every commit that recorded a change: wakes the change feed's long polls."""
outbox = CommitSignal()
"""Commits that gave the webhook worker work (messages written, redelivered, or an endpoint
changed): the worker does not look for messages after the commits that wrote none."""
