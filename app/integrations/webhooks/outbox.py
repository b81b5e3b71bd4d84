"""Writing webhook messages to the outbox, in the transaction that makes the change: the
outbox's participant in the commit step (app/core/commit.py), after the changes are numbered."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import driver, visibility
from app.core.commit import Part, Participant, Work
from app.integrations.changes.recorder import NUMBERED, NumberedChange, outbox
from app.integrations.webhooks.events import data_of, event_type
from app.integrations.webhooks.models import MESSAGES, SUBSCRIPTIONS

# An enabled webhook subscription: (id, the event types it asked for, its partner or None).
Subscribed = tuple[int, list[str], int | None]
# Changes to this kind of record can make messages deliverable (redeliver, re-enable).
_WEBHOOK = "webhook"


def new_msg_id() -> str:
    """The `webhook-id`: one per message, the same on every retry (receivers deduplicate)."""
    return "msg_" + secrets.token_urlsafe(18)


_subscriptions = SUBSCRIPTIONS.c
_ENABLED = _subscriptions.enabled.is_(True)
_SUBSCRIBED = select(_subscriptions.id, _subscriptions.events, _subscriptions.partner_id).where(
    _ENABLED
)
_INSERT_MESSAGES = insert(MESSAGES)


class Outbox(Participant):
    """One message per (event, enabled subscription that asked for it and may read it). Its
    part reads the enabled subscriptions; the messages, which need the changes' numbers,
    are written after."""

    name = "outbox"

    async def prepare(self, session: AsyncSession, work: Work) -> bool:
        return bool(work.changes)

    def binds(self, work: Work) -> dict[str, Any]:
        return {}

    def part(self, session: AsyncSession) -> Part:
        listed = select(func.json_agg(func.json_build_array(*_SUBSCRIBED.selected_columns)))
        return Part(ctes=[], result=listed.where(_ENABLED).scalar_subquery())

    async def step(self, session: AsyncSession, work: Work) -> Any:
        return [tuple(row.values()) for row in await driver.rows(session, _SUBSCRIBED)]

    async def after(self, session: AsyncSession, work: Work, result: Any) -> None:
        subscribed = sorted((sub_id, events, partner) for sub_id, events, partner in result or [])
        numbered: list[NumberedChange] = work.results[NUMBERED]
        enqueued = await enqueue(session, numbered, subscribed)
        if enqueued or any(c.resource_type == _WEBHOOK for c in work.changes):
            work.on_commit(outbox.notify)


async def enqueue(
    session: AsyncSession,
    changes: Sequence[NumberedChange],
    subscriptions: Sequence[Subscribed],
) -> int:
    """One message per (event, enabled subscription that asked for it and may read it), in
    the changing transaction."""
    events = [(c, kind) for c in changes if (kind := event_type(c.event)) is not None]
    if not events:
        return 0
    # A payload only for the events some subscription asked for (a bulk import's thousands).
    asked = {str(kind) for _, wanted, _ in subscriptions for kind in wanted}
    events = [(c, kind) for c, kind in events if str(kind) in asked]
    rows = []
    for change, kind in events:
        payload = {
            "type": str(kind),
            "timestamp": change.at.isoformat().replace("+00:00", "Z"),
            "data": data_of(change.event, change.seq),
        }
        for sub_id, wanted, partner_id in subscriptions:
            if kind not in wanted:
                continue
            if partner_id is not None and not visibility.shared_with(
                partner_id, change.event.resource_type, change.partner_ids
            ):
                continue
            rows.append(
                {
                    "subscription_id": sub_id,
                    "msg_id": new_msg_id(),
                    "event_type": str(kind),
                    "seq": change.seq,
                    "payload": payload,
                    "created_at": change.at,
                    "state": "pending",
                    "attempts": 0,
                    "due_at": change.at,
                }
            )
    if rows:
        await session.execute(_INSERT_MESSAGES, rows)
    return len(rows)
