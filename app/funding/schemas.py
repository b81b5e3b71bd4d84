"""Obligation bodies and representations; money is a decimal string with two places."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    MAX_USD,
    CountryCode,
    FiscalYear,
    InputModel,
    MoneyInput,
    MoneyOutput,
    ProgramCode,
    ProgramOf,
    ProjectCode,
    ProjectOf,
    ReadModel,
    ShortText,
    UniqueSorted,
    UpdateOf,
    decimal_schema,
    usd_string,
)


class FundingType(StrEnum):
    obligation = "obligation"
    disbursement = "disbursement"


class Purpose(StrEnum):
    """The fixed vocabulary of what funds are for."""

    women_training = "women_training"
    gender_integration = "gender_integration"
    gender_advisors = "gender_advisors"
    sea_prevention = "sea_prevention"
    peacekeeping = "peacekeeping"
    demining = "demining"
    facilities = "facilities"
    equipment = "equipment"
    research = "research"
    other = "other"


Amount = Annotated[
    MoneyInput,
    Field(gt=0, description='USD, e.g. "1000000.00"'),
    decimal_schema("[0-9]{1,12}", minimum=Decimal(0), maximum=MAX_USD, positive=True),
]
Purposes = Annotated[list[Purpose], Field(max_length=len(Purpose)), UniqueSorted]


class ObligationCreate(InputModel):
    example = {
        "program": "IMET",
        "fiscal_year": 2022,
        "partner": None,
        "type": "obligation",
        "amount_usd": "1000000.00",
        "purposes": ["women_training"],
        "source_ref": "FA-2022-0001",
    }

    program: ProgramCode
    fiscal_year: FiscalYear
    partner: CountryCode | None = None
    type: FundingType = FundingType.obligation
    amount_usd: Amount
    purposes: Purposes = []
    source_ref: ShortText | None = None
    project: ProjectCode | None = Field(
        default=None, description="The award it funds (a project of the same program)"
    )


class ObligationUpdate(UpdateOf, create=ObligationCreate):
    example = {"amount_usd": "1250000.00", "source_ref": "FA-2022-0001-A"}


class ObligationRead(ReadModel):
    id: int
    type: FundingType
    program: ProgramOf
    fiscal_year: int
    partner: str | None = Field(validation_alias="partner_code", description="ISO alpha-3")
    amount_usd: MoneyOutput
    purposes: list[str]
    source_ref: str | None
    project: ProjectOf
    created_at: datetime
    updated_at: datetime


# One obligation's fields, in CSV order (the list export and the import's columns).
OBLIGATION_RECORD = records.RecordShape(
    records.RECORD_ID,
    records.Field("type"),
    records.PROGRAM,
    records.Field("fiscal_year"),
    records.PARTNER,
    records.Field("amount_usd", convert=usd_string),
    records.Field("purposes", stored=False),
    records.Field("source_ref"),
    records.PROJECT,
    *records.TIMESTAMPS,
)
OBLIGATIONS = CsvListing(
    ObligationRead, OBLIGATION_RECORD, "obligations.csv", path="/api/v1/obligations/{id}"
)
