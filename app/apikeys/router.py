"""/api/v1/api-keys (admin): list, create, revoke. Secrets are never listed."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.apikeys import service
from app.apikeys.schemas import API_KEYS, ApiKeyCreate, ApiKeyCreated, ApiKeyRead, SignedIn
from app.core import responses as render
from app.core.csvout import ListQuery, answers_page
from app.core.db import SessionDep, after_transaction
from app.core.operations import resource_router
from app.core.params import UpdatedSince
from app.core.responses import (
    View,
    answers,
    answers_created,
    answers_deleted,
)
from app.core.schemas import RecordId
from app.core.security import Admin, Reader, Role
from app.core.writes import Edit

router = resource_router("/api-keys", "api_keys", replays=False)
me_router = APIRouter(prefix="/me", tags=["api-keys"])


@me_router.get(
    "",
    operation_id="api_keys_me",
    summary="Who the calling key is: its role, name, owner and partner (never its secret)",
    **answers(SignedIn),
)
async def me(principal: Reader, session: SessionDep) -> SignedIn:
    return SignedIn.model_validate(await service.signed_in(session, principal))


@router.get("", **answers_page(ApiKeyRead))
async def list_keys(
    _: Admin,
    asked: ListQuery,
    role: Role | None = None,
    include_revoked: Annotated[bool, Query(description="Also list revoked keys")] = False,
    updated_since: UpdatedSince = None,
) -> Response:
    listing = service.list_keys(
        role=role, include_revoked=include_revoked, updated_since=updated_since
    )
    return await asked.answer(listing, API_KEYS)


@router.post("", **answers_created(ApiKeyCreated))
async def create_key(
    request: Request, actor: Admin, session: SessionDep, body: ApiKeyCreate
) -> Response:
    # No Idempotency-Key here: a replay would mean storing the secret, which is never stored.
    key, secret = await service.create_key(
        session, actor, name=body.name, role=body.role, partner_code=body.partner, owner=body.owner
    )
    created = ApiKeyCreated(**ApiKeyRead.model_validate(key).model_dump(), key=secret)
    return render.resource(
        request,
        ApiKeyCreated,
        created,
        status_code=201,
        location=f"/api/v1/api-keys/{key.id}",
        version=key.version,  # the ETag a later revocation's If-Match names
    )


@router.get("/{key_id}", **answers(ApiKeyRead, 304, 404))
async def get_key(_: Admin, view: View, key_id: RecordId) -> Response:
    return await view.read(ApiKeyRead, service.get_key, key_id)


@router.delete("/{key_id}", operation_id="api_keys_revoke", **answers_deleted())
async def revoke_key(actor: Admin, edit: Edit, key_id: RecordId) -> Response:
    await service.revoke_key(edit.session, actor, key_id, edit.expected_version)
    # Evicted once the revocation is durable: a lookup racing the commit cannot re-cache it.
    after_transaction(edit.session, partial(edit.request.app.state.key_cache.evict_key, key_id))
    return render.no_content()
