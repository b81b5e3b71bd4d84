"""Partner, membership and benchmark bodies and representations."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, PlainSerializer, ValidationInfo, field_validator

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    Date,
    InputModel,
    Name,
    ProgramCode,
    ProgramOf,
    ReadModel,
    Region,
    Text,
    UpdateModel,
    UpdateOf,
    decimal_schema,
)


class PartnerRead(ReadModel):
    code: str = Field(description="ISO 3166-1 alpha-3")
    alpha2: str
    numeric: str | None
    name: str
    region: Region
    created_at: datetime
    updated_at: datetime


class PartnerUpdate(UpdateModel):
    example = {"region": "AF"}

    name: Name | None = None
    region: Region | None = None


class MembershipCreate(InputModel):
    example = {"program": "GPOI", "start_date": "2008-01-01"}

    program: ProgramCode
    start_date: Date
    end_date: Date | None = None

    @field_validator("end_date")
    @classmethod
    def _ordered(cls, end_date: date | None, info: ValidationInfo) -> date | None:
        start_date = info.data.get("start_date")
        if end_date is not None and start_date is not None and end_date <= start_date:
            raise ValueError("end_date must be after start_date")
        return end_date


class MembershipUpdate(
    UpdateOf, create=MembershipCreate, omit=frozenset({"program", "start_date"})
):
    example = {"end_date": "2020-01-01"}


class MembershipRead(ReadModel):
    id: int
    partner: str = Field(validation_alias="partner_code")
    program: ProgramOf
    start_date: date
    end_date: date | None
    created_at: datetime
    updated_at: datetime


Percent = Annotated[
    Decimal,
    Field(ge=0, le=100, max_digits=5, decimal_places=2),
    decimal_schema(
        r"(?:100(?=(\.0{1,2})?$)|[0-9]{1,2})",
        minimum=Decimal(0),
        maximum=Decimal(100),
        positive=False,
        example="7.50",
    ),
]


class BenchmarkWrite(InputModel):
    example = {"military_women_share_pct": 7.0, "source": "MoD 2025"}

    military_women_share_pct: Percent
    source: Annotated[Text, Field(min_length=1)]


class BenchmarkRead(ReadModel):
    partner: str = Field(validation_alias="partner_code")
    fiscal_year: int
    military_women_share_pct: Annotated[Decimal, PlainSerializer(float, return_type=float)]
    source: str
    created_at: datetime
    updated_at: datetime


# A partner's and a membership's fields, in CSV order (the lists' CSV).
PARTNER_RECORD = records.RecordShape(
    *map(records.Field, ("code", "alpha2", "numeric", "name", "region", "created_at", "updated_at"))
)
PARTNERS = CsvListing(PartnerRead, PARTNER_RECORD, "partners.csv")
MEMBERSHIP_RECORD = records.RecordShape(
    records.Field("id"),
    records.Field("partner", source="partner_code"),
    records.Field("program", source="program_code"),
    *map(records.Field, ("start_date", "end_date", "created_at", "updated_at")),
)
MEMBERSHIPS = CsvListing(MembershipRead, MEMBERSHIP_RECORD, "memberships.csv")
