"""Service settings, read once from `WPS_*` environment variables."""

import re
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Every API key: what `new_secret` makes (43 URL-safe characters) or a bootstrap key's value.
KEY_FORMAT = re.compile(r"wps_[A-Za-z0-9_-]{32,128}")
BOOTSTRAP_KEY_RULE = (
    "WPS_BOOTSTRAP_ADMIN_KEY must be 'wps_' followed by 32 to 128 letters, digits, '-' or '_'"
    " (generate one: python -c \"import secrets; print('wps_' + secrets.token_urlsafe(32))\")"
)

# The schemes WPS_DATABASE_URL may use → the async driver the service runs on (the URL's
# scheme is the only place a driver is chosen).
DATABASE_SCHEMES = {
    "postgresql+asyncpg": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "sqlite": "sqlite+aiosqlite",
}


def async_database_url(url: str) -> str:
    """`url` with its scheme made the async driver's (`postgresql://` → `postgresql+asyncpg://`);
    an unsupported scheme is a ValueError naming it (and not the URL: it may hold a password)."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() not in DATABASE_SCHEMES:
        shown = f"{scheme!r}" if separator else "none"
        raise ValueError(
            f"WPS_DATABASE_URL: unsupported scheme {shown}; use postgresql://user@host:5432/db"
            " (asyncpg) or sqlite+aiosqlite:///path/to/wps.db"
        )
    return f"{DATABASE_SCHEMES[scheme.lower()]}://{rest}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WPS_", env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./wps.db"
    # 0 selects NullPool: a fresh connection per checkout (tests that hop event loops).
    db_pool_size: int = Field(default=20, ge=0, le=500)
    db_connect_timeout_seconds: float = Field(default=3.0, gt=0)
    # The longest one statement of a request waits for PostgreSQL before the request is a 503
    # and the connection is dropped (a partition answers nothing); `wps` import, export and
    # other commands have the long budget.
    db_statement_timeout_seconds: float = Field(default=5.0, gt=0)
    db_long_statement_timeout_seconds: float = Field(default=600.0, gt=0)
    bootstrap_admin_key: SecretStr | None = None
    # Who is accountable for the bootstrap admin key (the four-eyes rule compares owners).
    bootstrap_admin_owner: str = Field(default="bootstrap admin", min_length=1, max_length=200)
    cors_origins: Annotated[list[str], NoDecode] = []
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    max_import_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    rate_limit_per_minute: int = Field(default=1200, ge=1)
    auth_failures_per_minute: int = Field(default=60, ge=1)
    nomination_rate_limit_per_minute: int = Field(default=120, ge=1)
    redis_url: str | None = None
    key_cache_seconds: float = Field(default=30.0, ge=0)
    idempotency_ttl_hours: int = Field(default=24, ge=24)
    idempotency_lease_seconds: int = Field(default=60, ge=1)
    # 0 turns the purge inside `wps serve` off (then run `wps purge` from cron).
    idempotency_purge_interval_seconds: float = Field(default=300, ge=0)
    idempotency_purge_batch: int = Field(default=1000, ge=1)
    metrics_token: SecretStr | None = None
    # The IATI organisation identifier of the reporting organisation (the State Department);
    # activities are identified as `<this>-<project code>`.
    iati_reporting_org_ref: str = Field(
        default="US-GOV-11", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$"
    )

    # When set, embassy keys' reports are always answered with small numbers suppressed at
    # this threshold at least (an embassy asking a lower one, or none, gets this one).
    public_suppress_below: int | None = Field(default=None, ge=2, le=50)

    # The longest a change-feed long poll waits, whatever `wait` asks (below a proxy's timeout).
    changes_wait_cap_seconds: float = Field(default=30.0, ge=0, le=30)
    # Webhooks: the delivery worker runs inside `wps serve` unless turned off (then `wps worker`).
    webhook_worker_in_serve: bool = True
    webhook_allow_private: bool = False  # also admits plain http (a receiver on this network)
    # Each delivery's deadline, from the lookup to the last byte read of the reply.
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    webhook_retry_base_seconds: float = Field(default=30.0, gt=0)
    webhook_retry_cap_seconds: float = Field(default=6 * 3600.0, gt=0)
    # 14 attempts at 30 s doubling to 6 h: the last about 26 hours after the first.
    webhook_max_attempts: int = Field(default=14, ge=1, le=50)
    webhook_lease_seconds: float = Field(default=60.0, gt=0)
    webhook_poll_seconds: float = Field(default=1.0, gt=0)
    webhook_batch: int = Field(default=100, ge=1, le=1000)
    webhook_concurrency: int = Field(default=32, ge=1, le=256)
    # At most this many deliveries in flight to one endpoint (a slow one holds only these).
    webhook_endpoint_concurrency: int = Field(default=16, ge=1, le=256)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        return async_database_url(value)

    @field_validator("bootstrap_admin_key")
    @classmethod
    def _strong_bootstrap_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not KEY_FORMAT.fullmatch(value.get_secret_value()):
            raise ValueError(BOOTSTRAP_KEY_RULE)
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
