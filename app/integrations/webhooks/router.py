"""/api/v1/webhooks: subscriptions (admin: any; an embassy key: its own), their deliveries,
redelivery and secret rotation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Request
from starlette.responses import Response

from app.core import responses as render
from app.core.csvout import ListQuery, answers_page
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.idempotency import IdempotencyKey
from app.core.operations import resource_router
from app.core.params import UpdatedSince
from app.core.responses import (
    View,
    answers,
    answers_created,
    answers_deleted,
    answers_edited,
)
from app.core.schemas import RecordId
from app.core.security import Principal, Role, require
from app.core.writes import Edit
from app.integrations.webhooks import service
from app.integrations.webhooks.schemas import (
    WEBHOOK_DELIVERIES,
    WEBHOOKS,
    DeliveryRead,
    Redelivery,
    WebhookCreate,
    WebhookCreated,
    WebhookRead,
    WebhookSecret,
    WebhookUpdate,
)

router = resource_router("/webhooks", "webhooks")

WebhookOwner = Annotated[Principal, require(Role.admin, Role.embassy)]


def _allow_private(request: Request) -> bool:
    return bool(request.app.state.settings.webhook_allow_private)


def _location(webhook_id: int) -> str:
    return f"/api/v1/webhooks/{webhook_id}"


@router.get("", **answers_page(WebhookRead))
async def list_webhooks(
    actor: WebhookOwner, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    return await asked.answer(service.list_webhooks(actor, updated_since), WEBHOOKS)


@router.post(
    "",
    summary="Subscribe an endpoint (its signing secret is shown only in this response)",
    **answers_created(WebhookCreated),
)
async def create_webhook(
    request: Request,
    actor: WebhookOwner,
    session: SessionDep,
    body: WebhookCreate,
    idempotency_key: IdempotencyKey,
) -> Response:
    # A replay (same key, same caller) answers the stored response, its secret included.
    subscription, secret = await service.create_webhook(
        session, actor, body, _allow_private(request)
    )
    created = WebhookCreated(**WebhookRead.model_validate(subscription).model_dump(), secret=secret)
    return render.resource(
        request,
        WebhookCreated,
        created,
        status_code=201,
        location=_location(subscription.id),
        version=subscription.version,
    )


@router.get("/{webhook_id}", **answers(WebhookRead, 304, 404))
async def get_webhook(actor: WebhookOwner, view: View, webhook_id: RecordId) -> Response:
    return await view.read(WebhookRead, service.get_webhook, actor, webhook_id)


@router.patch(
    "/{webhook_id}",
    summary="Change an endpoint; `enabled: true` re-enables one disabled for failing",
    **answers_edited(WebhookRead),
)
async def update_webhook(
    actor: WebhookOwner, edit: Edit, webhook_id: RecordId, body: WebhookUpdate
) -> Response:
    subscription = await service.update_webhook(
        edit.session, actor, webhook_id, body, edit.expected_version, _allow_private(edit.request)
    )
    return edit.resource(WebhookRead, subscription)


@router.delete("/{webhook_id}", **answers_deleted())
async def delete_webhook(actor: WebhookOwner, edit: Edit, webhook_id: RecordId) -> Response:
    return await edit.delete(service.delete_webhook, actor, webhook_id)


@router.post(
    "/{webhook_id}/rotate-secret",
    operation_id="webhooks_rotate_secret",
    summary="Replace the signing secret (the new one is shown only in this response)",
    **answers(WebhookSecret, 404),
)
async def rotate_secret(
    request: Request, actor: WebhookOwner, session: SessionDep, webhook_id: RecordId
) -> Response:
    subscription, secret = await service.rotate_secret(session, actor, webhook_id)
    return render.resource(
        request, WebhookSecret, WebhookSecret(secret=secret), version=subscription.version
    )


@router.get(
    "/{webhook_id}/deliveries",
    operation_id="webhooks_deliveries",
    **answers_page(DeliveryRead, 404),
)
async def list_deliveries(
    actor: WebhookOwner, webhook_id: RecordId, asked: ListQuery, updated_since: UpdatedSince = None
) -> Response:
    return await asked.read(
        WEBHOOK_DELIVERIES, service.list_deliveries, actor, webhook_id, updated_since
    )


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    operation_id="webhooks_redeliver",
    status_code=202,
    response_model=Redelivery,
    responses=responses(404),
    summary="Send a delivery's message again, with the same webhook-id",
)
async def redeliver(
    request: Request,
    actor: WebhookOwner,
    session: SessionDep,
    webhook_id: RecordId,
    delivery_id: RecordId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    message = await service.redeliver(session, actor, webhook_id, delivery_id)
    body = Redelivery(
        message_id=message.id, webhook_id=message.msg_id, state=message.state, due_at=message.due_at
    )
    return render.resource(request, Redelivery, body, status_code=202)
