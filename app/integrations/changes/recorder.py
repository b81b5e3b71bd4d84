"""Numbering changes as they commit: the audit writer notes each change here, and just before
the transaction commits every noted change gets its audit row, its `seq`, its readers (partner
countries) and its webhook events, in that same transaction.

The seq comes from one counter row, bumped (`... + n RETURNING last_seq`) as the last write of
the transaction; its row lock is held until commit, so a transaction that takes a higher seq
commits after every lower one: a reader that has seen seq N has seen every seq below N, with
no gap and no repeat, whatever the number of replicas or writers (on SQLite every write
transaction is serialized already). A rolled-back transaction gives its numbers back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import JSON, bindparam, event, insert, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.util import await_

from app.audit.models import AUDIT_EVENTS, AuditEvent
from app.core import visibility
from app.core.db import DriverSql
from app.core.idempotency import DONE, IN_FLIGHT, REPLY, lease_lost
from app.core.models import UTCDateTime, utcnow
from app.integrations.changes.models import CHANGE_PARTNERS, CHANGES

# An enabled webhook subscription: (id, the event types it asked for, its partner or None).
Subscribed = tuple[int, list[str], int | None]

logger = logging.getLogger("wps.changes")

PENDING = "changes_pending"
COMMITTED = "changes_committed"
OUTBOX_TOUCHED = "outbox_touched"
# Changes to this kind of record can make messages deliverable (redeliver, re-enable).
_WEBHOOK = "webhook"

# An upsert, so an empty table (a fresh or wiped database) numbers from 1 without a seed row.
_BUMP = text(
    "INSERT INTO change_counter (id, last_seq) VALUES (1, :n) ON CONFLICT (id) "
    "DO UPDATE SET last_seq = change_counter.last_seq + excluded.last_seq RETURNING last_seq"
)


@dataclass(frozen=True, slots=True)
class NumberedChange:
    """A change as committed: what the outbox turns into webhook events."""

    seq: int
    at: datetime
    event: AuditEvent
    partner_ids: frozenset[int]


def note(session: Any, audit_event: AuditEvent, partners: frozenset[int] | None = None) -> None:
    """Called by the audit writer for every change, inside the changing transaction;
    `partners` are its readers when the writer knows them."""
    session.info.setdefault(PENDING, []).append((audit_event, partners))


def readers(
    session: Session, noted: Sequence[tuple[AuditEvent, frozenset[int] | None]]
) -> list[frozenset[int]]:
    """Each noted change's readers: those its writer gave, else the registry's (one statement
    per kind of record: app/core/visibility.py)."""
    asked = [(e.resource_type, e.resource_id) for e, partners in noted if partners is None]
    found = iter(visibility.readers(session, asked))
    return [partners if partners is not None else next(found) for _, partners in noted]


_AUDIT_COLUMNS = [c.key for c in AUDIT_EVENTS.columns if c.key != "id"]
# Built once, run as Core statements on the session's connection: every write passes here.
_INSERT_AUDIT = insert(AUDIT_EVENTS)
_INSERT_CHANGES = insert(CHANGES)
_INSERT_CHANGE_PARTNERS = insert(CHANGE_PARTNERS)

# PostgreSQL: the audit rows, the counter, the changes and their readers in one statement (one
# round trip instead of four), which also reads the enabled webhook subscriptions for the
# outbox and keeps the reply of the request's Idempotency-Key, if it has one (its row, when
# not ours any more, is left alone and counted out). Its parts run together on one snapshot;
# the counter's row lock is taken here and held until COMMIT, and only the outbox's insert
# can follow it.
_NUMBER_IN_ONE = text(
    """
WITH bump AS (
    INSERT INTO change_counter (id, last_seq) VALUES (1, :n) ON CONFLICT (id)
    DO UPDATE SET last_seq = change_counter.last_seq + excluded.last_seq RETURNING last_seq
), audit AS (
    INSERT INTO audit_events (occurred_at, actor_key_id, actor_role, action, resource_type,
        resource_id, changed_fields, details, request_id)
    SELECT occurred_at, actor_key_id, actor_role, action, resource_type, resource_id,
        changed_fields, details, request_id
    FROM json_to_recordset(CAST(:audit AS json)) AS a(i bigint, occurred_at timestamptz,
        actor_key_id bigint, actor_role text, action text, resource_type text, resource_id text,
        changed_fields json, details json, request_id text)
    ORDER BY i
), numbered AS (
    INSERT INTO changes (seq, resource_type, resource_id, action, at, changed_fields)
    SELECT bump.last_seq - :n + c.i, c.resource_type, c.resource_id, c.action, :at,
        c.changed_fields
    FROM bump, json_to_recordset(CAST(:changes AS json)) AS c(i bigint, resource_type text,
        resource_id text, action text, changed_fields json)
), readers AS (
    INSERT INTO change_partners (seq, partner_id)
    SELECT bump.last_seq - :n + r.i, r.partner_id
    FROM bump, json_to_recordset(CAST(:readers AS json)) AS r(i bigint, partner_id bigint)
), reply AS (
    UPDATE idempotency_keys SET state = :done, response_status = :response_status,
        response_headers = CAST(:response_headers AS json), response_body = :response_body
    WHERE id = :record_id AND created_at = :reserved_at AND state = :in_flight
    RETURNING 1
)
SELECT bump.last_seq, (
    SELECT json_agg(json_build_array(s.id, s.events, s.partner_id) ORDER BY s.id)
    FROM webhook_subscriptions s WHERE s.enabled
), (SELECT count(*) FROM reply) FROM bump
"""
).bindparams(
    bindparam("at", type_=UTCDateTime()),
    bindparam("reserved_at", type_=UTCDateTime()),
    bindparam("response_headers", type_=JSON()),
    bindparam("done", DONE),
    bindparam("in_flight", IN_FLIGHT),
)
_NO_REPLY = dict.fromkeys(
    ("record_id", "reserved_at", "response_status", "response_headers", "response_body")
)
_PG_NUMBER_IN_ONE = DriverSql.of(_NUMBER_IN_ONE)


def _json(rows: list[dict[str, Any]]) -> str:
    return orjson.dumps(rows, option=orjson.OPT_NON_STR_KEYS).decode()


def _audit_row(audit_event: AuditEvent) -> dict[str, Any]:
    return {column: getattr(audit_event, column) for column in _AUDIT_COLUMNS}


def _number_in_one(
    conn: Connection,
    scoped: list[tuple[AuditEvent, frozenset[int]]],
    at: datetime,
    reply: dict[str, Any] | None,
) -> tuple[int, list[Subscribed]]:
    """PostgreSQL: write what the changes need, and `reply`, in one statement; the last seq
    handed out and the enabled subscriptions."""
    audit = [
        {**_audit_row(e), "i": i, "occurred_at": e.occurred_at.isoformat()}
        for i, (e, _) in enumerate(scoped, start=1)
    ]
    changes = [
        {
            "i": i,
            "resource_type": e.resource_type,
            "resource_id": e.resource_id,
            "action": e.action,
            "changed_fields": sorted(e.changed_fields or []),
        }
        for i, (e, _) in enumerate(scoped, start=1)
    ]
    shared = [
        {"i": i, "partner_id": p}
        for i, (_, partners) in enumerate(scoped, start=1)
        for p in sorted(partners)
    ]
    values = {
        "n": len(scoped),
        "at": at,
        "audit": _json(audit),
        "changes": _json(changes),
        "readers": _json(shared),
        **(reply or _NO_REPLY),
    }
    driver = conn.connection.driver_connection
    if driver is not None and driver.is_in_transaction():
        # Every write path passes here: on the driver itself, inside the transaction.
        sql = _PG_NUMBER_IN_ONE
        last, subscribed, kept = await_(driver.fetchrow(sql.text, *sql.args(values)))
    else:
        last, subscribed, kept = conn.execute(_NUMBER_IN_ONE, values).one()
    if reply is not None and kept != 1:
        raise lease_lost()
    rows = subscribed or []  # the driver decodes json (SQLAlchemy's asyncpg codecs)
    return int(last), [(sub_id, events, partner_id) for sub_id, events, partner_id in rows]


def _number_step_by_step(
    conn: Connection, scoped: list[tuple[AuditEvent, frozenset[int]]], at: datetime
) -> int:
    """Any database: the audit rows, then the counter, then the changes and their readers."""
    conn.execute(_INSERT_AUDIT, [_audit_row(e) for e, _ in scoped])
    # The counter's row lock is held until COMMIT: only this hook's own inserts follow it.
    last = int(conn.execute(_BUMP, {"n": len(scoped)}).scalar_one())
    first = last - len(scoped) + 1
    conn.execute(
        _INSERT_CHANGES,
        [
            {
                "seq": first + i,
                "resource_type": e.resource_type,
                "resource_id": e.resource_id,
                "action": e.action,
                "at": at,
                "changed_fields": sorted(e.changed_fields or []),
            }
            for i, (e, _) in enumerate(scoped)
        ],
    )
    shared = [
        {"seq": first + i, "partner_id": p}
        for i, (_, partners) in enumerate(scoped)
        for p in sorted(partners)
    ]
    if shared:
        conn.execute(_INSERT_CHANGE_PARTNERS, shared)
    return last


# First of the before-commit hooks (`insert`): it takes the reply that `keep_replies` would
# otherwise write in a statement of its own.
@event.listens_for(Session, "before_commit", insert=True)
def _number_changes(session: Session) -> None:
    noted: list[tuple[AuditEvent, frozenset[int] | None]] = session.info.pop(PENDING, None) or []
    if not noted:
        return
    from app.integrations.webhooks.outbox import enqueue  # the outbox builds on the feed

    # Every write of the transaction first: after the counter is taken, only this hook's own
    # inserts follow, so no row lock is ever awaited while the counter's lock is held.
    session.flush()
    conn = session.connection()
    scoped = [
        (e, partners) for (e, _), partners in zip(noted, readers(session, noted), strict=True)
    ]
    now = utcnow()
    subscribed: list[Subscribed] | None = None
    if conn.dialect.name == "postgresql":
        # The request's Idempotency-Key reply rides along (else `keep_replies` writes it).
        last, subscribed = _number_in_one(conn, scoped, now, session.info.pop(REPLY, None))
    else:
        last = _number_step_by_step(conn, scoped, now)
    numbered = [
        NumberedChange(seq=last - len(scoped) + i, at=now, event=e, partner_ids=partners)
        for i, (e, partners) in enumerate(scoped, start=1)
    ]
    enqueued = enqueue(conn, numbered, subscribed)
    session.info[COMMITTED] = True
    if enqueued or any(e.resource_type == _WEBHOOK for e, _ in scoped):
        session.info[OUTBOX_TOUCHED] = True


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.info.pop(COMMITTED, None):
        commits.notify()
    if session.info.pop(OUTBOX_TOUCHED, None):
        outbox.notify()


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(PENDING, None)
    session.info.pop(COMMITTED, None)
    session.info.pop(OUTBOX_TOUCHED, None)


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
