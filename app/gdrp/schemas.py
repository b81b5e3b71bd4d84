"""Advisory engagement and policy milestone bodies and representations, and record shapes."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    CountryCode,
    Date,
    InputModel,
    Name,
    PartnerOf,
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
from app.trainings.schemas import Count


class Focus(StrEnum):
    """What an advisory engagement works on with the partner institution."""

    wps_policy = "wps_policy"
    hr_reform = "hr_reform"
    recruitment = "recruitment"
    education = "education"
    strategic_planning = "strategic_planning"


class MilestoneKind(StrEnum):
    national_action_plan = "national_action_plan"
    gender_policy = "gender_policy"
    recruitment_target = "recruitment_target"
    anti_harassment_policy = "anti_harassment_policy"
    gender_advisor_position = "gender_advisor_position"
    other = "other"


Focuses = Annotated[list[Focus], Field(min_length=1, max_length=len(Focus)), UniqueSorted]


class Counterparts(InputModel):
    """The partner institution's people the advisers worked with, by sex."""

    women: Count = 0
    men: Count = 0
    unreported: Count = 0


class CounterpartsRead(ReadModel):
    women: int
    men: int
    unreported: int
    total: int


class EngagementCreate(InputModel):
    example = {
        "program": "GDRP",
        "partner": "UKR",
        "project": None,
        "institution": "Ministry of Defence",
        "focus": ["wps_policy", "hr_reform"],
        "start_date": "2021-11-01",
        "end_date": "2022-06-30",
        "counterparts": {"women": 4, "men": 9, "unreported": 0},
        "external_ref": "GDRP-UKR-2022-01",
    }

    program: ProgramCode
    partner: CountryCode = Field(description="Alpha-3 or alpha-2")
    project: ProjectCode | None = Field(
        default=None, description="The award it is part of (a project of the same program)"
    )
    institution: Name
    focus: Focuses
    start_date: Date
    end_date: Date | None = None
    counterparts: Counterparts = Counterparts()
    external_ref: Reference | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> EngagementCreate:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        return self


class EngagementUpdate(UpdateOf, create=EngagementCreate):
    example = {"end_date": "2022-09-30", "counterparts": {"women": 6, "men": 9}}


class EngagementRead(ReadModel):
    id: int
    program: ProgramOf
    partner: PartnerOf
    project: ProjectOf
    institution: str
    focus: list[str]
    start_date: date
    end_date: date | None
    fiscal_year: int = Field(description="From start_date (US federal fiscal year)")
    counterparts: CounterpartsRead
    external_ref: str | None
    created_at: datetime
    updated_at: datetime


class MilestoneCreate(InputModel):
    example = {
        "partner": "UKR",
        "program": "GDRP",
        "kind": "national_action_plan",
        "title": "National Action Plan on Women, Peace and Security 2020-2025, revised",
        "adopted_on": "2022-05-10",
        "evidence_ref": "Cabinet of Ministers order 2022-05-10",
        "engagement": None,
        "external_ref": "GDRP-UKR-NAP-2022",
    }

    partner: CountryCode = Field(description="Alpha-3 or alpha-2")
    program: ProgramCode
    kind: MilestoneKind
    title: Name
    adopted_on: Date
    evidence_ref: ShortText | None = Field(None, description="Where the adoption is recorded")
    engagement: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = Field(
        None, description="The advisory engagement (same partner) that led to it"
    )
    external_ref: Reference | None = None


class MilestoneUpdate(UpdateOf, create=MilestoneCreate):
    example = {"evidence_ref": "Official Gazette 2022/41"}


class MilestoneRead(ReadModel):
    id: int
    partner: PartnerOf
    program: ProgramOf
    kind: MilestoneKind
    title: str
    adopted_on: date
    fiscal_year: int = Field(description="From adopted_on (US federal fiscal year)")
    evidence_ref: str | None
    engagement: int | None = Field(validation_alias="engagement_id")
    external_ref: str | None
    created_at: datetime
    updated_at: datetime


ENGAGEMENT_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.PROGRAM,
    records.PARTNER,
    records.PROJECT,
    records.Field("institution"),
    records.Field("focus", stored=False),
    records.Field("start_date"),
    records.Field("end_date"),
    records.Field("fiscal_year", imported=False),
    records.Field("counterparts.women", source="women", column="women"),
    records.Field("counterparts.men", source="men", column="men"),
    records.Field("counterparts.unreported", source="unreported", column="unreported"),
    records.Field("external_ref"),
    *records.TIMESTAMPS,
)
ADVISORY_ENGAGEMENTS = CsvListing(
    EngagementRead,
    ENGAGEMENT_RECORD,
    "advisory-engagements.csv",
    path="/api/v1/advisory-engagements/{id}",
)

# One milestone's fields, in CSV order (the list export and the import's columns).
MILESTONE_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.PARTNER,
    records.PROGRAM,
    records.Field("kind"),
    records.Field("title"),
    records.Field("adopted_on"),
    records.Field("fiscal_year", imported=False),
    records.Field("evidence_ref"),
    records.Field("engagement", source="engagement_id", column="engagement_id"),
    records.Field("external_ref"),
    *records.TIMESTAMPS,
)
POLICY_MILESTONES = CsvListing(
    MilestoneRead, MILESTONE_RECORD, "policy-milestones.csv", path="/api/v1/policy-milestones/{id}"
)
