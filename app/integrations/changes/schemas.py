"""The change feed's page: changes in seq order and the cursor to resume from."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from app.core.schemas import ReadModel


class ChangeRead(ReadModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    seq: int = Field(description="Position in commit order: each change once, no gaps")
    type: str = Field(validation_alias="resource_type", description="The kind of record")
    id: str = Field(validation_alias="resource_id", description="The record's id or code")
    action: str
    at: datetime
    changed_fields: list[str]


class ChangeFeed(ReadModel):
    items: list[ChangeRead]
    next_cursor: str = Field(description="Pass as `after` to read on; set also when empty")
