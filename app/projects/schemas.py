"""Implementer and project bodies and representations, and their fields for CSV."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    PROGRAM_CODE_PATTERN,
    CountryCode,
    Date,
    InputModel,
    Name,
    ProgramCode,
    ProgramOf,
    ProjectCode,
    ReadModel,
    Reference,
    Text,
    UpdateOf,
)


class ImplementerKind(StrEnum):
    ngo = "ngo"
    contractor = "contractor"
    international_org = "international_org"
    government = "government"
    university = "university"


# An implementer's code: as a program's (`HALO`, `UNMAS`), any case, answered upper case.
ImplementerCode = Annotated[
    str,
    StringConstraints(pattern=PROGRAM_CODE_PATTERN, max_length=16),
    AfterValidator(str.upper),
]


class ImplementerCreate(InputModel):
    example = {"code": "HALO", "name": "The HALO Trust", "kind": "ngo", "country": "GBR"}

    code: ImplementerCode
    name: Name
    kind: ImplementerKind
    country: CountryCode = Field(description="Headquarters country: alpha-3 or alpha-2")


class ImplementerUpdate(UpdateOf, create=ImplementerCreate, omit=frozenset({"code"})):
    """The code is the implementer's identity and cannot change."""

    example = {"name": "The HALO Trust (UK)"}


class ImplementerRead(ReadModel):
    id: int
    code: str
    name: str
    kind: ImplementerKind
    country: str = Field(validation_alias="country_code", description="ISO alpha-3")
    created_at: datetime
    updated_at: datetime


def _ordered(end_date: date | None, info: ValidationInfo) -> date | None:
    start_date = info.data.get("start_date")
    if start_date is not None and end_date is not None and end_date < start_date:
        raise ValueError("end_date must not be before start_date")
    return end_date


class ProjectCreate(InputModel):
    example = {
        "code": "CWD-AFG-01",
        "program": "CWD",
        "title": "Humanitarian mine action in Afghanistan",
        "description": "Survey and clearance with mixed and all-women teams.",
        "implementer": "HALO",
        "partner": "AFG",
        "start_date": "2020-10-01",
        "end_date": "2023-09-30",
        "award_ref": "SPMWRA20CA0001",
    }

    code: ProjectCode = Field(description="e.g. `CWD-AFG-01`; any case, answered upper case")
    program: ProgramCode
    title: Name
    description: Text = ""
    implementer: ImplementerCode
    partner: CountryCode | None = Field(
        default=None, description="Where it runs (alpha-3 or alpha-2); null: multi-country"
    )
    start_date: Date
    end_date: Date
    award_ref: Reference | None = None

    _check_dates = field_validator("end_date")(_ordered)


class ProjectUpdate(UpdateOf, create=ProjectCreate, omit=frozenset({"code"})):
    """The code is the project's identity and cannot change."""

    example = {"end_date": "2024-09-30", "award_ref": "SPMWRA20CA0001-M2"}

    _check_dates = field_validator("end_date", check_fields=False)(_ordered)


class ProjectRead(ReadModel):
    id: int
    code: str
    program: ProgramOf
    title: str
    description: str
    implementer: str = Field(validation_alias="implementer_code")
    partner: str | None = Field(validation_alias="partner_code", description="ISO alpha-3")
    start_date: date
    end_date: date
    award_ref: str | None
    created_at: datetime
    updated_at: datetime


IMPLEMENTER_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("code"),
    records.Field("name"),
    records.Field("kind"),
    records.Field("country", source="country_code", column="country_id"),
    *records.TIMESTAMPS,
)
IMPLEMENTERS = CsvListing(
    ImplementerRead, IMPLEMENTER_RECORD, "implementers.csv", path="/api/v1/implementers/{code}"
)
PROJECT_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("code"),
    records.PROGRAM,
    records.Field("title"),
    records.Field("description"),
    records.Field("implementer", source="implementer_code", column="implementer_id"),
    records.PARTNER,
    records.Field("start_date"),
    records.Field("end_date"),
    records.Field("award_ref"),
    *records.TIMESTAMPS,
)
PROJECTS = CsvListing(ProjectRead, PROJECT_RECORD, "projects.csv", path="/api/v1/projects/{code}")
