"""The commit step: what a transaction writes besides its records, added in the open and
written by one `finish()` just before it commits.

A service notes its changes and replies on the session's unit of work (`work(session)`:
`.change(...)`, `.keep_reply(...)`); `get_session` (and `transaction` outside a request)
calls `finish()` once before the commit. The participants that turn that work into rows
(the audit trail, the change feed's numbering, the webhook outbox, the Idempotency-Key
reply) are registered once at start (`participate`), in the order `finish` runs them.

Where the database takes several data-modifying statements as one (PostgreSQL), every
participant's part joins one statement of common table expressions, compiled once per set of
participants: one round trip. Elsewhere each participant runs its part on its own, through
the same interface. Either way each participant then sees what the statement returned
(`after`), for work that needs it (the outbox's messages need the change numbers).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ColumnElement, Text, bindparam, cast, event, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause
from sqlalchemy.sql.selectable import CTE, TableValuedAlias

from app.core import driver

_WORK = "wps.work"


@dataclass(frozen=True, slots=True)
class Change:
    """A change to one record, as its audit event tells it (never personal data's values)."""

    occurred_at: datetime
    actor_key_id: int | None
    actor_role: str | None
    action: str
    resource_type: str
    resource_id: str
    changed_fields: list[str]
    details: dict[str, Any] | None
    request_id: str | None
    readers: frozenset[int] | None = None  # partners whose embassy keys may read it, if known


@dataclass(slots=True)
class Work:
    """What a transaction writes at commit besides its records."""

    changes: list[Change] = field(default_factory=list)
    reply: dict[str, Any] | None = None
    # Rollup sums to add at commit, per rollup table: key → sums (app/core/rollup.py).
    adjustments: dict[str, dict[tuple[Any, ...], list[Any]]] = field(default_factory=dict)
    # What participants hand each other during `finish` (the changes' numbers, ...).
    results: dict[str, Any] = field(default_factory=dict)
    _committed: list[Callable[[], None]] = field(default_factory=list)

    def change(self, change: Change) -> None:
        self.changes.append(change)

    def keep_reply(self, reply: dict[str, Any]) -> None:
        """The Idempotency-Key reply this transaction keeps (app/core/idempotency.py)."""
        self.reply = reply

    def on_commit(self, callback: Callable[[], None]) -> None:
        self._committed.append(callback)

    @property
    def pending(self) -> bool:
        return bool(self.changes) or self.reply is not None or bool(self.adjustments)


def work(session: AsyncSession | Session) -> Work:
    """The unit of work of `session`'s transaction."""
    found: Work | None = session.info.get(_WORK)
    if found is None:
        found = session.info[_WORK] = Work()
    return found


@dataclass(frozen=True, slots=True)
class Part:
    """A participant's share of the one commit statement: its CTEs (in order) and the one value
    it reads back, selected as a column named after the participant. The result must read the
    part's writes (`rows_written`, when there is nothing else to read): PostgreSQL runs a
    data-modifying CTE the statement does not read only after everything else, so an unread
    part would write after the change numbering's counter is locked (holding that lock, which
    every write waits for, longer; and taking its own row locks after it, the other way round
    from a transaction that took them before its commit statement)."""

    ctes: Sequence[CTE]
    result: ColumnElement[Any]


def rows_written(written: CTE) -> ColumnElement[Any]:
    """How many rows a data-modifying CTE (with RETURNING) wrote: a part's result that makes
    its writes run in the participants' order."""
    return select(func.count()).select_from(written).scalar_subquery()


class Participant:
    """One kind of commit-time write. `prepare` says whether this transaction gives it any
    (and looks up what it needs); then either `binds` and `part` (its share of the one
    statement: the values, and the CTEs built once) or `step` (the same written on its own)
    run, and `after` gets the part's result (or the step's, which is the same)."""

    name: str = ""

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        raise NotImplementedError

    def binds(self, work: Work) -> dict[str, Any]:
        raise NotImplementedError

    def part(self, session: AsyncSession) -> Part:
        """Built once per process, from the first session that needs it."""
        raise NotImplementedError

    async def step(self, session: AsyncSession, work: Work) -> Any:
        raise NotImplementedError

    async def after(self, session: AsyncSession, work: Work, result: Any) -> None:
        return None


def recordset(values: str, *columns: ColumnClause[Any]) -> TableValuedAlias:
    """Rows sent as one JSON array in the bind `values`, read as a table of `columns` inside
    the one statement (PostgreSQL's json_to_recordset): any number of rows, one bind."""
    source = func.json_to_recordset(cast(bindparam(values, type_=Text), JSON))
    return source.table_valued(*columns).render_derived(with_types=True)


_PARTICIPANTS: list[Participant] = []


def participate(*participants: Participant) -> None:
    """Register participants, in the order `finish` runs them (at start, once)."""
    for participant in participants:
        if all(p.name != participant.name for p in _PARTICIPANTS):
            _PARTICIPANTS.append(participant)


def participants() -> tuple[Participant, ...]:
    return tuple(_PARTICIPANTS)


_STATEMENTS: dict[tuple[Participant, ...], Any] = {}


def _one_statement(session: AsyncSession, taking_part: tuple[Participant, ...]) -> Any:
    """The statement of these participants' parts, built once per set of participants."""
    stmt = _STATEMENTS.get(taking_part)
    if stmt is None:
        parts = [p.part(session) for p in taking_part]
        labelled = (part.result.label(p.name) for p, part in zip(taking_part, parts, strict=True))
        stmt = select(*labelled).add_cte(*(cte for part in parts for cte in part.ctes))
        _STATEMENTS[taking_part] = stmt
    return stmt


async def finish(session: AsyncSession) -> None:
    """Write the transaction's work: every participant's part, in one statement where the
    database allows it, then what each does with the result. Called once, before commit."""
    found: Work | None = session.info.get(_WORK)
    if found is None or not found.pending:
        return
    if not _PARTICIPANTS:  # the work would be dropped: a process that writes registers them
        raise RuntimeError("no commit participants: call app.transactions.register() at start")
    # Every write of the transaction first: the numbering's counter lock is taken last.
    await session.flush()
    taking_part = [p for p in _PARTICIPANTS if await p.prepare(session, found)]
    if not taking_part:
        return
    if driver.one_round_trip(session):
        binds: dict[str, Any] = {}
        for participant in taking_part:
            binds.update(participant.binds(found))
        row = await driver.first(session, _one_statement(session, tuple(taking_part)), binds)
        assert row is not None
        results = [row[p.name] for p in taking_part]
    else:
        results = [await p.step(session, found) for p in taking_part]
    for participant, result in zip(taking_part, results, strict=True):
        await participant.after(session, found, result)
    found.changes.clear()
    found.reply = None
    found.adjustments.clear()


def committed(session: AsyncSession) -> None:
    """After the commit: run what the work asked for then, and forget it."""
    found: Work | None = session.info.pop(_WORK, None)
    for callback in found._committed if found is not None else ():
        callback()


def rolled_back(session: AsyncSession) -> None:
    """After a rollback: the work is dropped with the transaction."""
    session.info.pop(_WORK, None)


async def commit(session: AsyncSession) -> None:
    """Finish the work, commit, and run what waits for the commit."""
    await finish(session)
    await session.commit()
    committed(session)


@asynccontextmanager
async def transaction(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A transaction outside a request (the CLI, the worker): committed with its work."""
    async with sessionmaker() as session:
        try:
            yield session
            await commit(session)
        except BaseException:
            await session.rollback()
            rolled_back(session)
            raise


class WorkSession(Session):
    """The service's sessions: a commit that would drop noted work fails instead."""


@event.listens_for(WorkSession, "before_commit")
def _refuse_unfinished(session: Session) -> None:
    found: Work | None = session.info.get(_WORK)
    if found is not None and found.pending:
        raise RuntimeError("a transaction with noted work commits through commit.finish()")
