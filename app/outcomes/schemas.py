"""Outcome representations and the admin's text edit."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import Name, ReadModel, Text, UpdateModel


class OutcomeRead(ReadModel):
    number: int
    title: str
    text: str
    created_at: datetime
    updated_at: datetime


class OutcomeUpdate(UpdateModel):
    example = {"title": "Women participate meaningfully in peace and security"}

    title: Name | None = None
    text: Annotated[Text, Field(min_length=1)] | None = None


# One outcome's fields, in CSV order (the list's CSV).
OUTCOME_RECORD = records.RecordShape(
    *map(records.Field, ("number", "title", "text", "created_at", "updated_at"))
)
OUTCOMES = CsvListing(OutcomeRead, OUTCOME_RECORD, "outcomes.csv")
