"""Training center and facility upgrade bodies and representations, and their record shapes."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    CountryCode,
    Date,
    InputModel,
    MoneyInput,
    MoneyOutput,
    Name,
    PartnerOf,
    ProgramCode,
    ProgramOf,
    ProjectCode,
    ProjectOf,
    ReadModel,
    Reference,
    ShortText,
    UniqueSorted,
    UpdateOf,
    usd_string,
)
from app.trainings.schemas import Count


class Feature(StrEnum):
    """What an upgrade adds so that women can train at a center."""

    accommodation = "accommodation"
    bathrooms = "bathrooms"
    showers = "showers"
    lactation_room = "lactation_room"
    childcare = "childcare"
    security_lighting = "security_lighting"
    other = "other"


class UpgradeStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    completed = "completed"
    cancelled = "cancelled"


# A center's code: its country and a short name, e.g. GHA-KAIPTC.
CENTER_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9-]{1,39}$"
CenterCode = Annotated[
    str,
    StringConstraints(pattern=CENTER_CODE_PATTERN, max_length=40),
    Field(description="Letters, digits and '-', up to 40; any case, stored upper case"),
]
Features = Annotated[list[Feature], Field(min_length=1, max_length=len(Feature)), UniqueSorted]


class TrainingCenterCreate(InputModel):
    example = {"code": "GHA-KAIPTC", "name": "Kofi Annan International Peacekeeping "
               "Training Centre", "partner": "GHA", "location": "Accra"}  # fmt: skip

    code: CenterCode
    name: Name
    partner: CountryCode = Field(description="Alpha-3 or alpha-2")
    location: ShortText | None = None


class TrainingCenterUpdate(UpdateOf, create=TrainingCenterCreate, omit=frozenset({"code"})):
    example = {"location": "Teshie, Accra"}


class TrainingCenterRead(ReadModel):
    id: int
    code: str
    name: str
    partner: PartnerOf
    location: str | None
    created_at: datetime
    updated_at: datetime


class FacilityUpgradeCreate(InputModel):
    example = {
        "training_center": "GHA-KAIPTC",
        "program": "GPOI",
        "project": None,
        "features": ["accommodation", "bathrooms", "showers"],
        "women_beds_added": 24,
        "status": "planned",
        "completed_on": None,
        "cost_usd": "125000.00",
        "external_ref": "GPOI-KAIPTC-2022-01",
    }

    training_center: CenterCode
    program: ProgramCode
    project: ProjectCode | None = Field(
        default=None, description="The award that funds it (a project of the same program)"
    )
    features: Features
    women_beds_added: Count = 0
    status: UpgradeStatus = UpgradeStatus.planned
    completed_on: Date | None = Field(None, description="Required when status is completed")
    cost_usd: MoneyInput | None = None
    external_ref: Reference | None = None


class FacilityUpgradeUpdate(UpdateOf, create=FacilityUpgradeCreate):
    example = {"status": "in_progress"}

    status: UpgradeStatus | None = Field(
        None,
        description="planned → in_progress → completed; planned or in_progress → cancelled",
    )


class FacilityUpgradeRead(ReadModel):
    id: int
    training_center: str = Field(validation_alias="center_code")
    partner: str = Field(validation_alias="partner_code", description="The center's country")
    program: ProgramOf
    project: ProjectOf
    features: list[str]
    women_beds_added: int
    status: UpgradeStatus
    completed_on: date | None
    fiscal_year: int | None = Field(description="From completed_on (US federal fiscal year)")
    cost_usd: MoneyOutput | None
    external_ref: str | None
    created_at: datetime
    updated_at: datetime


TRAINING_CENTER_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("code"),
    records.Field("name"),
    records.PARTNER,
    records.Field("location"),
    *records.TIMESTAMPS,
)
TRAINING_CENTERS = CsvListing(
    TrainingCenterRead,
    TRAINING_CENTER_RECORD,
    "training-centers.csv",
    path="/api/v1/training-centers/{code}",
)

# One upgrade's fields, in CSV order (the list export and the import's columns).
FACILITY_UPGRADE_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("training_center", source="center_code", column="training_center_id"),
    records.Field("partner", source="partner_code", imported=False, stored=False),
    records.PROGRAM,
    records.PROJECT,
    records.Field("features", stored=False),
    records.Field("women_beds_added"),
    records.Field("status"),
    records.Field("completed_on"),
    records.Field("fiscal_year", imported=False),
    records.Field("cost_usd", convert=usd_string),
    records.Field("external_ref"),
    *records.TIMESTAMPS,
)
FACILITY_UPGRADES = CsvListing(
    FacilityUpgradeRead,
    FACILITY_UPGRADE_RECORD,
    "facility-upgrades.csv",
    path="/api/v1/facility-upgrades/{id}",
)
