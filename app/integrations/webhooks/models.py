"""Webhook subscriptions, the outbox of messages to deliver, and every delivery attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models import Base, BigId, IdMixin, UTCDateTime, VersionedMixin, utcnow
from app.partners.models import Partner


class Subscription(IdMixin, VersionedMixin, Base):
    __tablename__ = "webhook_subscriptions"

    url: Mapped[str] = mapped_column(String(2048))
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(String(500))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    secret: Mapped[str] = mapped_column(String(128))
    # An embassy key's subscription hears of its own country's records only; None: everything.
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    owner_key_id: Mapped[int | None] = mapped_column(BigInteger)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_reason: Mapped[str | None] = mapped_column(String(200))

    partner: Mapped[Partner | None] = relationship(lazy="joined")

    @property
    def partner_code(self) -> str | None:
        return self.partner.code if self.partner is not None else None


class Message(IdMixin, Base):
    """One event for one subscription: the outbox row, written with the change it tells of.
    `due_at` is when a worker may (next) take it; taking it pushes `due_at` a lease ahead, so
    a worker that dies holding it leaves it to another once the lease runs out."""

    __tablename__ = "webhook_messages"
    __table_args__ = (Index("ix_webhook_messages_state_due", "state", "due_at"),)

    subscription_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), index=True
    )
    msg_id: Mapped[str] = mapped_column(String(40), unique=True)
    event_type: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # delivered, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attempt(IdMixin, Base):
    """One try at delivering a message: what the endpoint answered, or why it could not."""

    __tablename__ = "webhook_attempts"

    message_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("webhook_messages.id", ondelete="CASCADE"), index=True
    )
    subscription_id: Mapped[int] = mapped_column(BigId, index=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    # The reply's first bytes as cleaned text (at most the worker's REPLY_PREFIX_BYTES); None
    # when no reply came (connection failed, timeout before the headers, URL refused).
    response_prefix: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int] = mapped_column(Integer)
    succeeded: Mapped[bool] = mapped_column(Boolean)

    message: Mapped[Message] = relationship(lazy="joined")
    # The attempted message's fields, read through the (joined) message.
    webhook_id: AssociationProxy[str] = association_proxy("message", "msg_id")
    event_type: AssociationProxy[str] = association_proxy("message", "event_type")
    seq: AssociationProxy[int] = association_proxy("message", "seq")
    message_state: AssociationProxy[str] = association_proxy("message", "state")


SUBSCRIPTIONS = cast(Table, Subscription.__table__)
MESSAGES = cast(Table, Message.__table__)
