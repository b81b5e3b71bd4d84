"""Program bodies and representations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    InputModel,
    Name,
    ProgramCode,
    ReadModel,
    StrictInt,
    Text,
    UniqueSorted,
    UpdateOf,
)

OutcomeNumbers = Annotated[
    list[Annotated[StrictInt, Field(ge=1, le=4)]], Field(max_length=4), UniqueSorted
]


class ProgramCreate(InputModel):
    example = {"code": "WPS-ACAD", "name": "WPS Academy", "outcomes": [1, 2]}

    code: ProgramCode
    name: Name
    description: Text = ""
    outcomes: OutcomeNumbers = []


class ProgramUpdate(UpdateOf, create=ProgramCreate, omit=frozenset({"code"})):
    example = {"outcomes": [1, 2, 3]}


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
