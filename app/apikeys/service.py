"""Issuing, listing and revoking API keys."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.apikeys.models import ApiKey
from app.audit.writer import record
from app.core.edits import found_or_404
from app.core.models import utcnow
from app.core.pagination import Listing, SortKey
from app.core.security import Principal, Role, hash_secret, new_secret
from app.core.versioning import check_version
from app.partners.models import Partner
from app.partners.service import resolve_partner

logger = logging.getLogger("wps.apikeys")


async def create_key(
    session: AsyncSession,
    actor: Principal | None,
    *,
    name: str,
    role: Role,
    partner_code: str | None = None,
    secret: str | None = None,
    owner: str | None = None,
) -> tuple[ApiKey, str]:
    """A new key and its secret (the only time the secret is known). `owner` defaults to
    the key's name (the API and `wps keys create` require it for admin and integration keys).
    A key for an owner who already holds a live admin key is audited with those keys' ids,
    so a reviewer sees one person holding two keys."""
    partner = None
    if partner_code is not None:
        partner = await resolve_partner(session, partner_code, "/partner")
    owner = owner or name
    admin_keys = list(
        await session.scalars(
            select(ApiKey.id).where(
                ApiKey.owner == owner,
                ApiKey.role == str(Role.admin),
                ApiKey.revoked_at.is_(None),
            )
        )
    )
    secret = secret or new_secret()
    key = ApiKey(
        name=name,
        role=str(role),
        partner=partner,
        key_hash=hash_secret(secret),
        prefix=secret[:12],
        owner=owner,
    )
    session.add(key)
    await session.flush()
    details: dict[str, Any] = {
        "role": str(role),
        "partner": partner.code if partner else None,
        "owner": owner,
    }
    if admin_keys:
        details["owner_holds_admin_keys"] = admin_keys
        logger.warning(
            "a key was created for an owner who already holds an admin key",
            extra={"key_id": key.id, "admin_keys": admin_keys},
        )
    record(
        session, actor, "create", "api_key", key.id, ["name", "owner", "role", "partner"], details
    )
    return key, secret


async def ensure_bootstrap_key(
    session: AsyncSession, secret: str, owner: str = "bootstrap admin"
) -> None:
    """WPS_BOOTSTRAP_ADMIN_KEY: make sure an admin key with this secret exists.

    A key an admin revoked stays revoked: a restart must not undo a revocation.
    """
    existing = await session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_secret(secret)))
    if existing is None:
        await create_key(
            session, None, name="bootstrap admin", role=Role.admin, secret=secret, owner=owner
        )
    elif existing.revoked_at is not None:
        logger.warning(
            "WPS_BOOTSTRAP_ADMIN_KEY names a revoked key; it stays revoked",
            extra={"key_id": existing.id},
        )
    elif existing.role != Role.admin:
        existing.role = str(Role.admin)
        existing.partner_id = None
        await session.flush()
        record(session, None, "update", "api_key", existing.id, ["role"])


async def signed_in(session: AsyncSession, actor: Principal) -> ApiKey:
    """The calling key's own record (its partner loaded)."""
    return await get_key(session, actor.key_id)


def list_keys(
    *,
    role: Role | None = None,
    include_revoked: bool = False,
    updated_since: datetime | None = None,
) -> Listing:
    stmt = select(ApiKey).options(selectinload(ApiKey.partner))
    if role is not None:
        stmt = stmt.where(ApiKey.role == str(role))
    if not include_revoked:
        stmt = stmt.where(ApiKey.revoked_at.is_(None))
    if updated_since is not None:
        stmt = stmt.where(ApiKey.updated_at >= updated_since)
    return Listing(stmt, [SortKey(ApiKey.id)])


async def get_key(session: AsyncSession, key_id: int) -> ApiKey:
    stmt = select(ApiKey).where(ApiKey.id == key_id).options(selectinload(ApiKey.partner))
    return await found_or_404(session, stmt, f"API key {key_id}")


async def revoke_key(
    session: AsyncSession,
    actor: Principal | None,
    key_id: int,
    expected_version: str | None,
) -> ApiKey:
    key = await get_key(session, key_id)
    check_version(expected_version, key.version)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        await session.flush()
        record(session, actor, "revoke", "api_key", key.id, ["revoked_at"])
    return key


async def load_principal(session: AsyncSession, key_hash: str) -> Principal | None:
    """The live (unrevoked) key with this hash, as the principal it authenticates."""
    row = (
        await session.execute(
            select(ApiKey.id, ApiKey.role, ApiKey.partner_id, Partner.code, ApiKey.owner)
            .outerjoin(Partner, Partner.id == ApiKey.partner_id)
            .where(ApiKey.key_hash == key_hash, ApiKey.revoked_at.is_(None))
        )
    ).first()
    if row is None:
        return None
    return Principal(
        key_id=row[0], role=Role(row[1]), partner_id=row[2], partner_code=row[3], owner=row[4]
    )
