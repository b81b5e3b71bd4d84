"""API key bodies; the secret appears only in the creation response."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field, model_validator

from app.core.schemas import CountryCode, InputModel, Name, ReadModel
from app.core.security import Role


class ApiKeyCreate(InputModel):
    name: Name
    role: Role
    partner: CountryCode | None = Field(default=None, description="Required for embassy keys only")

    @model_validator(mode="after")
    def _partner_matches_role(self) -> ApiKeyCreate:
        if (self.role is Role.embassy) != (self.partner is not None):
            raise ValueError("partner is required for embassy keys and not allowed for others")
        return self


class ApiKeyRead(ReadModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: int
    name: str
    role: Role
    partner: str | None = Field(validation_alias="partner_code")
    prefix: str = Field(description="The first characters of the key, to recognise it")
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="The secret; shown only in this response")
