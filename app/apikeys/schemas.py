"""API key bodies; the secret appears only in the creation response."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import CountryCode, InputModel, Name, ReadModel
from app.core.security import Role

# Roles whose keys enter, submit or approve figures: each names who is accountable for it.
OWNED_ROLES = frozenset({Role.admin, Role.integration})


class ApiKeyCreate(InputModel):
    example = {"name": "Data desk", "role": "integration", "owner": "M&E office"}

    name: Name
    role: Role
    owner: Name | None = Field(
        default=None,
        validate_default=True,
        description="The person or office accountable for the key (required for admin and "
        "integration keys; the four-eyes rule compares owners); never changes",
    )
    partner: CountryCode | None = Field(
        default=None, validate_default=True, description="Required for embassy keys only"
    )

    @field_validator("partner")
    @classmethod
    def _partner_matches_role(cls, partner: str | None, info: ValidationInfo) -> str | None:
        # A field validator (not a model one) so the error points at /partner.
        role = info.data.get("role")
        if role is not None and (role is Role.embassy) != (partner is not None):
            raise ValueError("partner is required for embassy keys and not allowed for others")
        return partner

    @field_validator("owner")
    @classmethod
    def _owner_for_deciding_roles(cls, owner: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("role") in OWNED_ROLES and owner is None:
            raise ValueError("owner is required for admin and integration keys")
        return owner


class SignedIn(ReadModel):
    """Who the calling key is: never its secret, its prefix or its hash."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    key_id: int = Field(validation_alias="id", description="The calling key's id")
    name: str = Field(description="The key's name")
    role: Role
    owner: str | None = Field(description="The person or office accountable for the key")
    partner: str | None = Field(
        validation_alias="partner_code",
        description="The one country an embassy key reads (null for other roles)",
    )


class ApiKeyRead(ReadModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: int
    name: str
    role: Role
    owner: str | None = Field(description="The person or office accountable for the key")
    partner: str | None = Field(validation_alias="partner_code")
    prefix: str = Field(description="The first characters of the key, to recognise it")
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="The secret; shown only in this response")


# One key's fields, in CSV order (the list's CSV): never the secret, nor its hash.
API_KEY_RECORD = records.RecordShape(
    *map(records.Field, ("id", "name", "role", "owner")),
    records.Field("partner", source="partner_code"),
    *map(records.Field, ("prefix", "created_at", "revoked_at")),
)
API_KEYS = CsvListing(ApiKeyRead, API_KEY_RECORD, "api-keys.csv")
