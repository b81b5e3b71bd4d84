"""API keys and roles: who the caller is, and the annotated dependencies routes declare."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, NoReturn

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import KEY_FORMAT
from app.core.errors import Forbidden, Unauthorized

KEY_PREFIX = "wps_"


def is_well_formed(secret: str) -> bool:
    """Could this be a key at all? Anything else is refused without a database lookup."""
    return KEY_FORMAT.fullmatch(secret) is not None


class Role(StrEnum):
    admin = "admin"
    analyst = "analyst"
    integration = "integration"
    embassy = "embassy"


ALL_ROLES = frozenset(Role)


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller. `partner_code`/`partner_id` are set for embassy keys only."""

    key_id: int
    role: Role
    partner_id: int | None = None
    partner_code: str | None = None
    # The person or office accountable for the key: the four-eyes rule compares owners.
    owner: str | None = None

    @property
    def is_embassy(self) -> bool:
        return self.role is Role.embassy


def new_secret() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # Keys carry 256 random bits, so a fast hash is enough; no salt or KDF needed.
    return hashlib.sha256(secret.encode()).hexdigest()


KNOWN_KEYS = 10_000


class KeyCache:
    """Authenticated keys for a few seconds, so a request does not cost a lookup round trip."""

    def __init__(self, ttl_seconds: float) -> None:
        self.ttl = ttl_seconds
        self._entries: dict[str, tuple[float, Principal]] = {}
        # Bumped by every eviction: a lookup that began before one may not cache what it read.
        self.generation = 0
        # Hashes of keys that authenticated in this process (the latest KNOWN_KEYS): such a key
        # is still looked up from an address locked out for failed keys (a shared NAT).
        self._known: dict[str, None] = {}

    def known(self, key_hash: str) -> bool:
        return key_hash in self._known

    def get(self, key_hash: str) -> Principal | None:
        entry = self._entries.get(key_hash)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, key_hash: str, principal: Principal, generation: int) -> None:
        """Cache `principal`, read by a lookup that began at `generation`."""
        self._known.pop(key_hash, None)
        self._known[key_hash] = None
        if len(self._known) > KNOWN_KEYS:
            del self._known[next(iter(self._known))]
        if self.ttl > 0 and generation == self.generation:
            self._entries[key_hash] = (time.monotonic() + self.ttl, principal)

    def evict_key(self, key_id: int) -> None:
        self.generation += 1
        for key_hash, (_, principal) in list(self._entries.items()):
            if principal.key_id == key_id:
                del self._entries[key_hash]

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()


# The key lookup lives with the keys (app/apikeys); create_app sets it on app.state.
PrincipalLookup = Callable[[AsyncSession, str], Awaitable[Principal | None]]


_BEARER_DESCRIPTION = "An API key: `Authorization: Bearer <key>`"
_bearer = HTTPBearer(auto_error=False, description=_BEARER_DESCRIPTION)


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    return await _authenticated(request, credentials.credentials if credentials else None)


async def _authenticated(request: Request, secret: str | None) -> Principal:
    """The caller holding `secret` (the bearer credentials; None when none were sent),
    authenticated once per request however many dependencies ask, its request counted
    against its key's budget."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is not None:
        return principal
    state = request.app.state
    if secret is None:
        await _failed(request, "an API key is required: Authorization: Bearer <key>")
    if not is_well_formed(secret):
        await _failed(request, "the API key is not valid")
    key_hash = hash_secret(secret)
    principal = state.key_cache.get(key_hash)
    if principal is None:
        # An address that keeps failing costs no more lookups until its window ends, except
        # for keys that have authenticated here before (others behind the same address).
        if not state.key_cache.known(key_hash):
            await state.rate_limiter.check(
                _failure_bucket(request), state.settings.auth_failures_per_minute, FAILURES
            )
        load_principal: PrincipalLookup = state.load_principal
        generation = state.key_cache.generation
        async with state.sessionmaker() as session:
            principal = await load_principal(session, key_hash)
        if principal is None:
            await _failed(request, "the API key is not valid or has been revoked")
        state.key_cache.put(key_hash, principal, generation)
    request.state.principal = principal
    await state.rate_limiter.hit(f"all:{principal.key_id}", state.settings.rate_limit_per_minute)
    return principal


FAILURES = "too many failed authentications from this address; retry later"


def _failure_bucket(request: Request) -> str:
    return f"auth-failures:{request.client.host if request.client else 'unknown'}"


async def _failed(request: Request, detail: str) -> NoReturn:
    """Count a failed authentication against the client's address, then refuse it."""
    state = request.app.state
    await state.rate_limiter.hit(
        _failure_bucket(request), state.settings.auth_failures_per_minute, FAILURES
    )
    raise Unauthorized(detail)


async def authenticate_request(request: Request) -> Principal:
    """The caller of a request, authenticated now if no dependency has done it yet."""
    principal: Principal | None = getattr(request.state, "principal", None)
    return principal or await _authenticated(request, _bearer_secret(request))


async def metrics_reader(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """/metrics: the scraper's WPS_METRICS_TOKEN, or else an admin key."""
    token = request.app.state.settings.metrics_token
    if (
        token is not None
        and credentials is not None
        and credentials.scheme.lower() == "bearer"
        and hmac.compare_digest(credentials.credentials.encode(), token.get_secret_value().encode())
    ):
        return
    principal = await authenticate(request, credentials)
    if principal.role is not Role.admin:
        raise Forbidden(f"the {principal.role} role may not read metrics")


MetricsReader = Annotated[None, Depends(metrics_reader)]


def _bearer_secret(request: Request) -> str | None:
    """The credentials of an `Authorization: Bearer <key>` header (HTTPBearer's reading)."""
    scheme, credentials = get_authorization_scheme_param(request.headers.get("authorization"))
    return credentials if scheme.lower() == "bearer" and credentials else None


@dataclass(frozen=True, slots=True)
class Budget:
    """A per-key budget a route spends besides every request's (`rate_limit_per_minute`): the
    bucket's name and the setting that holds its limit per minute."""

    name: str
    setting: str


class RoleGate(HTTPBearer):
    """The bearer scheme, authentication, the per-key budgets and the role check as one
    dependency (a route's signature still shows it: `Reader`, `Writer`, `require(...)`).
    One dependency rather than nested ones: FastAPI solves each on every request."""

    def __init__(self, allowed: frozenset[Role], budget: Budget | None = None) -> None:
        # Named as the plain scheme, so the contract's security scheme stays `HTTPBearer`.
        super().__init__(
            auto_error=False, scheme_name="HTTPBearer", description=_BEARER_DESCRIPTION
        )
        self.allowed_roles = allowed  # the authorization matrix test reads it
        self.budget = budget

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal = await _authenticated(request, _bearer_secret(request))
        if principal.role not in self.allowed_roles:
            raise Forbidden(f"the {principal.role} role may not do this")
        if self.budget is not None:
            state = request.app.state
            await state.rate_limiter.hit(
                f"{self.budget.name}:{principal.key_id}",
                getattr(state.settings, self.budget.setting),
            )
        return principal


def require(*roles: Role, budget: Budget | None = None) -> Any:
    """A dependency admitting only `roles` (spending `budget` too, if given); the matrix test
    reads `allowed_roles` off it."""
    return Depends(RoleGate(frozenset(roles), budget))


Admin = Annotated[Principal, require(Role.admin)]
Reader = Annotated[Principal, require(*ALL_ROLES)]
# Readers of figures not tied to one country's personal data: everyone but embassies' peers' data.
Writer = Annotated[Principal, require(Role.admin, Role.integration)]
