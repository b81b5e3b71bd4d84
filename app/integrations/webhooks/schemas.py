"""Webhook subscription and delivery bodies; the secret appears only when made or rotated."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import InputModel, ReadModel, ShortText, StrictBool, UpdateModel
from app.integrations.webhooks.events import EventType

Url = Annotated[
    str,
    StringConstraints(min_length=8, max_length=2048, pattern=r"^https?://[!-~]+$"),
    Field(description="https:// (plain http and private addresses need WPS_WEBHOOK_ALLOW_PRIVATE)"),
]
Events = Annotated[list[EventType], Field(min_length=1, max_length=len(EventType))]


class WebhookCreate(InputModel):
    example = {
        "url": "https://hooks.example.org/wps",
        "events": ["nomination.status_changed", "training.created"],
        "description": "Embassy Nairobi case system",
    }

    url: Url
    events: Events
    description: ShortText | None = None
    enabled: StrictBool = True


class WebhookUpdate(UpdateModel):
    example = {"enabled": True}
    nullable = frozenset({"description"})

    url: Url | None = None
    events: Events | None = None
    description: ShortText | None = None
    enabled: StrictBool | None = None


class WebhookRead(ReadModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: int
    url: str
    events: list[str]
    description: str | None
    enabled: bool
    partner: str | None = Field(
        validation_alias="partner_code", description="An embassy's subscription: its country only"
    )
    failing_since: datetime | None = Field(description="Failing without a success since then")
    disabled_reason: str | None
    created_at: datetime
    updated_at: datetime


class WebhookCreated(WebhookRead):
    secret: str = Field(description="The signing secret (whsec_...); shown only here")


class WebhookSecret(ReadModel):
    secret: str = Field(description="The new signing secret (whsec_...); shown only here")


class DeliveryRead(ReadModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    message_id: int
    webhook_id: str = Field(description="The webhook-id header: the same on every retry")
    event_type: str
    seq: int = Field(description="The change's position in the change feed")
    attempted_at: datetime
    succeeded: bool
    status_code: int | None
    error: str | None
    response_prefix: str | None = Field(
        description=(
            "The first bytes of the endpoint's reply as text (at most 4 KiB of it, never the "
            "whole; invalid UTF-8 replaced, control characters but newline, return and tab "
            "removed); null when no reply came"
        )
    )
    duration_ms: int
    message_state: str = Field(description="pending (to retry), delivered or failed")


class Redelivery(ReadModel):
    message_id: int
    webhook_id: str
    state: str
    due_at: datetime


def _events(value: list[str]) -> str:
    return " ".join(value)


WEBHOOK_RECORD = records.RecordShape(
    *map(records.Field, ("id", "url")),
    records.Field("events", convert=_events),
    *map(records.Field, ("description", "enabled")),
    records.Field("partner", source="partner_code"),
    records.Field("failing_since"),
    *map(records.Field, ("disabled_reason", "created_at", "updated_at")),
)
WEBHOOKS = CsvListing(WebhookRead, WEBHOOK_RECORD, "webhooks.csv")
DELIVERY_RECORD = records.RecordShape(
    *map(records.Field, ("id", "message_id", "webhook_id", "event_type", "seq")),
    *map(records.Field, ("attempted_at", "succeeded", "status_code", "error")),
    *map(records.Field, ("response_prefix", "duration_ms")),
    records.Field("message_state"),
)
WEBHOOK_DELIVERIES = CsvListing(DeliveryRead, DELIVERY_RECORD, "webhook-deliveries.csv")
