"""Webhook subscriptions: an admin's hear of everything, an embassy key's of its own country's
records only (and only its owner's partner may see or change it: another's is a 404)."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record, record_created
from app.core import visibility
from app.core.edits import found_or_404
from app.core.errors import NotFound, invalid
from app.core.models import utcnow
from app.core.pagination import Listing, SortKey
from app.core.schemas import apply_changes
from app.core.scope import own_partner_id
from app.core.security import Principal
from app.core.versioning import check_version
from app.integrations.webhooks.models import Attempt, Message, Subscription
from app.integrations.webhooks.schemas import WebhookCreate, WebhookUpdate
from app.integrations.webhooks.urls import refusal

RESOURCE = "webhook"


def new_secret() -> str:
    """A Standard Webhooks signing secret: whsec_ and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


# The subscriptions a key may know exist, and whose changes it reads: an embassy key its own.
visible_to, readers_of = visibility.country_owned(Subscription.id, Subscription.partner_id)


async def _check_url(url: str, allow_private: bool) -> None:
    problem = await refusal(url, allow_private, must_resolve=False)
    if problem is not None:
        raise invalid("/url", problem)


def list_webhooks(actor: Principal, updated_since: datetime | None = None) -> Listing:
    stmt = select(Subscription).where(visible_to(actor))
    if updated_since is not None:
        stmt = stmt.where(Subscription.updated_at >= updated_since)
    return Listing(stmt, [SortKey(Subscription.id)])


async def get_webhook(
    session: AsyncSession, actor: Principal, webhook_id: int, *, for_update: bool = False
) -> Subscription:
    stmt = select(Subscription).where(Subscription.id == webhook_id, visible_to(actor))
    if for_update:
        # NO KEY UPDATE: an outbox row written meanwhile (its key-share lock) need not wait.
        stmt = stmt.with_for_update(of=Subscription, key_share=True)
    return await found_or_404(session, stmt, f"webhook {webhook_id}")


async def create_webhook(
    session: AsyncSession, actor: Principal, body: WebhookCreate, allow_private: bool
) -> tuple[Subscription, str]:
    await _check_url(body.url, allow_private)
    secret = new_secret()
    subscription = Subscription(
        url=body.url,
        events=sorted(set(map(str, body.events))),
        description=body.description,
        enabled=body.enabled,
        secret=secret,
        partner_id=own_partner_id(actor),
        owner_key_id=actor.key_id,
    )
    session.add(subscription)
    await session.flush()
    await session.refresh(subscription, ["partner"])
    record_created(session, actor, RESOURCE, subscription.id, body)
    return subscription, secret


async def update_webhook(
    session: AsyncSession,
    actor: Principal,
    webhook_id: int,
    body: WebhookUpdate,
    expected_version: str | None,
    allow_private: bool,
) -> Subscription:
    subscription = await get_webhook(session, actor, webhook_id, for_update=True)
    check_version(expected_version, subscription.version)
    if body.url is not None:
        await _check_url(body.url, allow_private)
    if body.events is not None:
        body.events = sorted(set(body.events))
    changed = apply_changes(subscription, body)
    if body.enabled and (subscription.disabled_reason or subscription.failing_since):
        # Re-enabled by its owner: a fresh start for the retry and disabling rules.
        subscription.disabled_reason = None
        subscription.failing_since = None
        changed.append("disabled_reason")
    if changed:
        subscription.updated_at = utcnow()
        await session.flush()
        record(session, actor, "update", RESOURCE, subscription.id, changed)
    return subscription


async def delete_webhook(
    session: AsyncSession, actor: Principal, webhook_id: int, expected_version: str | None
) -> None:
    subscription = await get_webhook(session, actor, webhook_id, for_update=True)
    check_version(expected_version, subscription.version)
    # Noted before the row goes, so the change keeps the subscription's readers.
    record(session, actor, "delete", RESOURCE, subscription.id, [])
    await session.delete(subscription)
    await session.flush()


async def rotate_secret(
    session: AsyncSession, actor: Principal, webhook_id: int
) -> tuple[Subscription, str]:
    """A new signing secret, in use for every delivery from now on (the old one no longer)."""
    subscription = await get_webhook(session, actor, webhook_id, for_update=True)
    subscription.secret = new_secret()
    subscription.updated_at = utcnow()
    await session.flush()
    record(session, actor, "rotate_secret", RESOURCE, subscription.id, ["secret"])
    return subscription, subscription.secret


async def list_deliveries(
    session: AsyncSession,
    actor: Principal,
    webhook_id: int,
    updated_since: datetime | None = None,
) -> Listing:
    """Every delivery attempt to the endpoint, newest first."""
    await get_webhook(session, actor, webhook_id)
    stmt = select(Attempt).where(Attempt.subscription_id == webhook_id)
    if updated_since is not None:
        stmt = stmt.where(Attempt.attempted_at >= updated_since)
    return Listing(stmt, [SortKey(Attempt.id, descending=True)])


async def redeliver(
    session: AsyncSession, actor: Principal, webhook_id: int, delivery_id: int
) -> Message:
    """Send the attempt's message again, now, with its webhook-id (a failed one gets the whole
    retry schedule again)."""
    await get_webhook(session, actor, webhook_id)
    message = await session.scalar(
        select(Message)
        .join(Attempt, Attempt.message_id == Message.id)
        .where(Attempt.id == delivery_id, Attempt.subscription_id == webhook_id)
        .with_for_update(of=Message, key_share=True)
    )
    if message is None:
        raise NotFound(f"delivery {delivery_id} of webhook {webhook_id} does not exist")
    if message.state != "pending":
        message.attempts = 0
    message.state = "pending"
    message.due_at = utcnow()
    await session.flush()
    record(session, actor, "redeliver", RESOURCE, webhook_id, [], {"message": message.msg_id})
    return message
