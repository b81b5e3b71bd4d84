"""Program bodies and representations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, field_validator

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    InputModel,
    Name,
    ProgramCode,
    ReadModel,
    StrictInt,
    Text,
    UpdateOf,
    unique_sorted,
)

OutcomeNumbers = Annotated[list[Annotated[StrictInt, Field(ge=1, le=4)]], Field(max_length=4)]


class ProgramCreate(InputModel):
    example = {"code": "WPS-ACAD", "name": "WPS Academy", "outcomes": [1, 2]}

    code: ProgramCode
    name: Name
    description: Text = ""
    outcomes: OutcomeNumbers = []

    _check_outcomes = field_validator("outcomes")(unique_sorted)


class ProgramUpdate(UpdateOf, create=ProgramCreate, omit=frozenset({"code"})):
    example = {"outcomes": [1, 2, 3]}

    _check_outcomes = field_validator("outcomes", check_fields=False)(unique_sorted)


class ProgramRead(ReadModel):
    code: str
    name: str
    description: str
    outcomes: list[int]
    created_at: datetime
    updated_at: datetime


# One program's fields, in CSV order (the list's CSV).
PROGRAM_RECORD = records.RecordShape(
    *map(records.Field, ("code", "name", "description", "outcomes", "created_at", "updated_at"))
)
PROGRAMS = CsvListing(ProgramRead, PROGRAM_RECORD, "programs.csv", path="/api/v1/programs/{code}")
