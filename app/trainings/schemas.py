"""Training bodies and representations; totals and fiscal_year are read-only."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from app.core import records
from app.core.bulk import ImportSummary
from app.core.csvout import CsvListing
from app.core.schemas import (
    CountryCode,
    Date,
    InputModel,
    Name,
    ProgramCode,
    ProgramOf,
    ProjectCode,
    ProjectOf,
    ReadModel,
    Reference,
    ShortText,
    StrictInt,
    UniqueSorted,
    UpdateOf,
)

MAX_COUNT = 1_000_000
MAX_HOURS = 10_000
MAX_PARTICIPANT_ROWS = 300


class Kind(StrEnum):
    course = "course"
    train_the_trainer = "train_the_trainer"
    workshop = "workshop"
    exercise = "exercise"
    advisory = "advisory"


class Topic(StrEnum):
    gender_integration = "gender_integration"
    sea_prevention = "sea_prevention"
    nio = "nio"
    peacekeeping = "peacekeeping"
    demining = "demining"
    eore = "eore"
    stockpile_management = "stockpile_management"
    defense_reform = "defense_reform"
    leadership = "leadership"


class Delivery(StrEnum):
    direct = "direct"
    enabled = "enabled"


Count = Annotated[StrictInt, Field(ge=0, le=MAX_COUNT)]
Hours = Annotated[StrictInt, Field(ge=0, le=MAX_HOURS)]
ExternalRef = Reference
Topics = Annotated[list[Topic], Field(max_length=len(Topic)), UniqueSorted]


class ParticipantIn(InputModel):
    partner: CountryCode
    women: Count = 0
    men: Count = 0
    unreported: Count = 0


Participants = Annotated[list[ParticipantIn], Field(max_length=MAX_PARTICIPANT_ROWS)]


class TrainingCreate(InputModel):
    example = {
        "program": "GPOI",
        "title": "UN Staff Officer Course",
        "kind": "course",
        "topics": ["peacekeeping", "gender_integration"],
        "start_date": "2021-10-04",
        "end_date": "2021-10-15",
        "host_country": "GHA",
        "location": "Accra",
        "delivery": "direct",
        "hours": 64,
        "external_ref": "GPOI-FY22-0042",
        "participants": [
            {"partner": "GHA", "women": 6, "men": 18, "unreported": 0},
            {"partner": "KE", "women": 3, "men": 7},
        ],
    }

    program: ProgramCode
    title: Name
    kind: Kind
    topics: Topics = []
    start_date: Date
    end_date: Date
    host_country: CountryCode | None = None
    location: ShortText | None = None
    delivery: Delivery = Delivery.direct
    hours: Hours | None = None
    external_ref: ExternalRef | None = None
    project: ProjectCode | None = Field(
        default=None, description="The award it was delivered under (same program)"
    )
    participants: Participants = []

    @field_validator("end_date")
    @classmethod
    def _ordered(cls, end_date: date, info: ValidationInfo) -> date:
        start_date = info.data.get("start_date")
        if start_date is not None and end_date < start_date:
            raise ValueError("end_date must not be before start_date")
        return end_date


class TrainingUpdate(UpdateOf, create=TrainingCreate):
    """Fields to change; `participants` and `topics`, when given, replace the stored lists."""

    example = {"participants": [{"partner": "GHA", "women": 7, "men": 17}]}


class Totals(ReadModel):
    women: int
    men: int
    unreported: int
    total: int


class ParticipantRead(ReadModel):
    partner: str = Field(validation_alias="partner_code", description="ISO 3166-1 alpha-3")
    women: int
    men: int
    unreported: int
    total: int


class TrainingRead(ReadModel):
    id: int
    program: ProgramOf
    title: str
    kind: Kind
    topics: list[Topic] = Field(validation_alias="topic_names")
    start_date: date
    end_date: date
    fiscal_year: int
    host_country: str | None = Field(validation_alias="host_country_code")
    location: str | None
    delivery: Delivery
    hours: int | None
    external_ref: str | None
    project: ProjectOf
    participants: list[ParticipantRead] = Field(
        validation_alias="participants_by_partner",
        description="One row per partner; an embassy key sees only its own country's row "
        "(none on a training it only hosted)",
    )
    totals: Totals = Field(description="Sums of the participant rows shown")
    created_at: datetime
    updated_at: datetime


class SortOrder(StrEnum):
    start_date = "start_date"
    start_date_desc = "-start_date"
    created = "created"
    created_desc = "-created"


# One training's fields in CSV order, then one line per participating partner.
PARTICIPANT_RECORD = records.RecordShape(
    records.PARTNER,
    records.Field("women"),
    records.Field("men"),
    records.Field("unreported"),
    records.Field("total", imported=False, stored=False),
)
TRAINING_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.PROGRAM,
    records.Field("external_ref"),
    records.Field("title"),
    records.Field("kind"),
    records.Field("topics", source="topic_names", stored=False),
    records.Field("start_date"),
    records.Field("end_date"),
    records.Field("fiscal_year", imported=False),  # derived from start_date; stored for filters
    records.Field("host_country", source="host_country_code", column="host_country_id"),
    records.Field("location"),
    records.Field("delivery"),
    records.Field("hours"),
    records.PROJECT,
    children=records.Children("participants", "participants_by_partner", PARTICIPANT_RECORD),
)
TRAININGS = CsvListing(
    TrainingRead, TRAINING_RECORD, "trainings.csv", path="/api/v1/trainings/{id}"
)


class TrainingImportSummary(ImportSummary):
    """An import's summary plus how many distinct trainings it held."""

    trainings: int = Field(description="distinct trainings in the records")
