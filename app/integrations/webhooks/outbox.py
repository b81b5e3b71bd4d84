"""Writing webhook messages to the outbox, in the transaction that makes the change."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.integrations.webhooks.events import data_of, event_type
from app.integrations.webhooks.models import MESSAGES, SUBSCRIPTIONS

if TYPE_CHECKING:
    from app.integrations.changes.recorder import NumberedChange, Subscribed


def new_msg_id() -> str:
    """The `webhook-id`: one per message, the same on every retry (receivers deduplicate)."""
    return "msg_" + secrets.token_urlsafe(18)


_SUBSCRIBED = select(SUBSCRIPTIONS.c.id, SUBSCRIPTIONS.c.events, SUBSCRIPTIONS.c.partner_id).where(
    SUBSCRIPTIONS.c.enabled.is_(True)
)
_INSERT_MESSAGES = insert(MESSAGES)


def enqueue(
    conn: Connection,
    changes: Sequence[NumberedChange],
    subscriptions: Sequence[Subscribed] | None = None,
) -> int:
    """One message per (event, enabled subscription that asked for it and may read it), on
    the changing transaction's connection; `subscriptions` when they were read already."""
    events = [(c, kind) for c in changes if (kind := event_type(c.event)) is not None]
    if not events:
        return 0
    if subscriptions is None:
        subscriptions = [tuple(row) for row in conn.execute(_SUBSCRIBED)]
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
            if partner_id is not None and partner_id not in change.partner_ids:
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
        conn.execute(_INSERT_MESSAGES, rows)
    return len(rows)
