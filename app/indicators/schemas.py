"""Indicator, target, result, lock and progress bodies and representations.

Figures go out as decimal strings: amounts with two places ("3000000.00"), counts and the
whole parts of a percent without decimals ("120"), percents by the report rule of
app.core.figures ("46.6"); they come in as strings or JSON numbers with at most two decimal
places.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, Field, StringConstraints

from app.core import records
from app.core.csvout import CsvListing
from app.core.schemas import (
    PROGRAM_CODE_PATTERN,
    CountryCode,
    FiltersOf,
    FiscalYear,
    InputModel,
    MoneyInput,
    Name,
    ProgramCode,
    ReadModel,
    StrictInt,
    Text,
    UpdateOf,
)
from app.cwd.schemas import Activity
from app.facilities.schemas import Feature
from app.funding.schemas import FundingType, Purpose
from app.gdrp.schemas import Focus
from app.indicators.approval import ResultStatus
from app.trainings.schemas import MAX_COUNT, Kind, Topic

IndicatorCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]{1,31}$", min_length=2, max_length=32)
]
OutcomeNumber = Annotated[StrictInt, Field(ge=1, le=4)]
# A figure: non-negative, at most two decimal places (counts must also be whole: the service
# checks that against the indicator's measure).
Figure = MoneyInput
Count = Annotated[StrictInt, Field(ge=0, le=MAX_COUNT * 1000)]


class Measure(StrEnum):
    count = "count"  # type: ignore[assignment]  # shadows str.count, harmlessly
    percent = "percent"
    currency = "currency"
    qualitative = "qualitative"


class Direction(StrEnum):
    increase = "increase"
    decrease = "decrease"


class Aggregation(StrEnum):
    per_period_sum = "per_period_sum"
    cumulative = "cumulative"
    latest = "latest"


class Source(StrEnum):
    manual = "manual"
    derived = "derived"


# The docstring is the contract's description of Metric (now app/indicators/metrics.py).
class Metric(StrEnum):
    """Named figures computed from the service's own records (see app/indicators/metrics.py)."""

    women_trained = "women_trained"
    participants_trained = "participants_trained"
    imet_women_completed = "imet_women_completed"
    imet_women_share = "imet_women_share"
    obligations = "obligations"
    facility_upgrades_completed = "facility_upgrades_completed"
    women_beds_added = "women_beds_added"
    policy_milestones = "policy_milestones"
    gdrp_women_counterparts = "gdrp_women_counterparts"
    peacekeeping_partner_women_share = "peacekeeping_partner_women_share"
    cwd_all_women_teams = "cwd_all_women_teams"
    cwd_mixed_teams = "cwd_mixed_teams"
    cwd_women_personnel = "cwd_women_personnel"
    cwd_women_in_leadership = "cwd_women_in_leadership"


class ProgressStatus(StrEnum):
    """Where an indicator stands against its target."""

    on_track = "on_track"
    behind = "behind"
    no_target = "no_target"


class MetricFilters(InputModel):
    """Every filter any metric takes; which ones a metric accepts is checked by the service."""

    program: Annotated[str, StringConstraints(pattern=PROGRAM_CODE_PATTERN)] | None = None
    topic: Topic | None = None
    kind: Kind | None = None
    partner: CountryCode | None = None
    purpose: Purpose | None = None
    type: FundingType | None = None
    feature: Feature | None = None
    focus: Focus | None = None

    activity: Activity | None = None


class IndicatorCreate(InputModel):
    example = {
        "code": "GPOI-WOMEN-TRAINED",
        "name": "Women trained by GPOI",
        "outcome": 2,
        "program": "GPOI",
        "measure": "count",
        "source": "derived",
        "metric": "women_trained",
        "metric_filters": {"program": "GPOI"},
    }

    code: IndicatorCode
    name: Name
    outcome: OutcomeNumber
    program: ProgramCode | None = None
    measure: Measure
    direction: Direction = Direction.increase
    aggregation: Aggregation = Aggregation.per_period_sum
    source: Source = Source.manual
    metric: Metric | None = None
    metric_filters: MetricFilters | None = None
    baseline: Figure | None = None
    description: Text = ""


class IndicatorUpdate(
    UpdateOf, create=IndicatorCreate, omit=frozenset({"code", "measure", "source"})
):
    """Code, measure and source are fixed once created (create another indicator instead)."""

    nullable = frozenset({"program", "baseline", "metric_filters"})
    example = {"name": "Women trained by GPOI, all courses", "baseline": "120"}


class IndicatorRead(ReadModel):
    code: str
    name: str
    outcome: int
    program: str | None = Field(validation_alias="program_code")
    measure: Measure
    direction: Direction
    aggregation: Aggregation
    source: Source
    metric: Metric | None
    metric_filters: dict[str, str]
    baseline: str | None = Field(validation_alias="baseline_text")
    description: str
    locked_fiscal_years: list[int]
    created_at: datetime
    updated_at: datetime


class TargetWrite(InputModel):
    example = {"value": "3000000.00"}

    value: Figure
    partner: CountryCode | None = None


class TargetRead(ReadModel):
    indicator: str = Field(validation_alias="indicator_code")
    fiscal_year: int
    partner: str | None = Field(validation_alias="partner_code")
    value: str = Field(validation_alias="value_text")
    created_at: datetime
    updated_at: datetime


class ResultCreate(InputModel):
    example = {
        "fiscal_year": 2022,
        "partner": "GHA",
        "women": 6,
        "men": 18,
        "narrative": "Two courses in Accra",
    }

    fiscal_year: FiscalYear
    partner: CountryCode | None = None
    value: Figure | None = None
    numerator: Figure | None = None
    denominator: Figure | None = None
    women: Count | None = None
    men: Count | None = None
    unreported: Count | None = None
    narrative: Annotated[Text, Field(min_length=1)] | None = None
    rationale: Annotated[Text, Field(min_length=1)] | None = None


class ResultUpdate(UpdateOf, create=ResultCreate, omit=frozenset({"fiscal_year", "partner"})):
    """The figures of a result; its fiscal year and partner are its identity (fixed)."""

    example = {"women": 7, "rationale": "One participant was counted twice"}


class ResultRead(ReadModel):
    id: int
    indicator: str = Field(validation_alias="indicator_code")
    fiscal_year: int
    partner: str | None = Field(validation_alias="partner_code")
    value: str | None = Field(validation_alias="value_text")
    numerator: str | None = Field(validation_alias="numerator_text")
    denominator: str | None = Field(validation_alias="denominator_text")
    women: int | None
    men: int | None
    unreported: int | None
    narrative: str | None
    rationale: str | None
    flagged: bool
    flags: list[str]
    status: ResultStatus = Field(
        description="Approval: draft, submitted, approved or returned; only approved results "
        "count in progress and the scorecard unless include=unapproved"
    )
    return_reason: str | None = Field(description="Why the result was last returned")
    entered_by: str | None = Field(description="Owner of the key that entered the result")
    edited_by: str | None = Field(description="Owner of the key that last edited the result")
    submitted_by: str | None = Field(description="Owner of the key that last submitted it")
    created_at: datetime
    updated_at: datetime


class ResultTransition(InputModel):
    example = {"to": "submitted"}

    to: ResultStatus = Field(
        description="submitted (integration, admin); approved or returned (admin; an "
        "approver whose key owner entered, last edited or submitted the result is refused: "
        "409 four_eyes)"
    )
    reason: Text | None = Field(default=None, description="Required when returning a result")


class LockRead(BaseModel):
    indicator: str
    fiscal_year: int
    locked_at: datetime


# Progress and the scorecard count approved results; `include=unapproved` counts every result.
Include = Literal["unapproved"]
IncludeQuery = Annotated[
    Include | None,
    Query(
        description="`unapproved`: count manual results whatever their approval status (each "
        "row then says it in `result_status`); default: approved results only"
    ),
]


class ProgressRow(BaseModel):
    fiscal_year: int
    target: str | None
    actual: str | None
    numerator: str | None = None
    denominator: str | None = None
    pct_of_target: float | None
    status: ProgressStatus | None = Field(
        description="null only when withheld with the actual (suppress_below): whether the "
        "target is met bounds the actual"
    )
    locked: bool
    records: dict[str, Any]
    result_status: str | None = Field(
        default=None,
        description="With include=unapproved, a manual indicator's row says the approval "
        "status of the results it counts (`mixed` when they differ; null without results)",
    )
    suppressed: list[str] | None = Field(
        default=None, description="With suppress_below: the figures withheld as small numbers"
    )


class ProgressFilters(FiltersOf):
    from_fy: int
    to_fy: int
    partner: str | None

    include: str | None = None
    suppress_below: int | None = None


class Progress(BaseModel):
    indicator: str
    measure: Measure
    direction: Direction
    aggregation: Aggregation
    source: Source
    baseline: str | None
    cumulative_from_fy: int | None = Field(
        description="For a derived cumulative indicator, the fiscal year its running totals "
        "count from (the first year on record, whatever from_fy is); null otherwise"
    )
    filters: ProgressFilters
    method: str
    # What the figures were computed from: for derived indicators the metric, its filters,
    # the partner scope and the fiscal years read (from_fy null: every year on record).
    inputs: dict[str, Any]
    rows: list[ProgressRow]


def _metric_filter(name: str) -> records.Field:
    return records.Field(
        f"metric_filters.{name}", source="metric_filters", convert=lambda f: f.get(name)
    )


# An indicator's and a result's fields, in CSV order (the lists' CSV); the metric's filters
# are a column each.
INDICATOR_RECORD = records.RecordShape(
    *map(records.Field, ("code", "name", "outcome")),
    records.Field("program", source="program_code"),
    *map(records.Field, ("measure", "direction", "aggregation", "source", "metric")),
    *map(_metric_filter, MetricFilters.model_fields),
    records.Field("baseline", source="baseline_text"),
    *map(records.Field, ("description", "locked_fiscal_years", "created_at", "updated_at")),
)
INDICATORS = CsvListing(
    IndicatorRead, INDICATOR_RECORD, "indicators.csv", path="/api/v1/indicators/{code}"
)
RESULT_RECORD = records.RecordShape(
    records.Field("id"),
    records.Field("indicator", source="indicator_code"),
    records.Field("fiscal_year"),
    records.Field("partner", source="partner_code"),
    records.Field("value", source="value_text"),
    records.Field("numerator", source="numerator_text"),
    records.Field("denominator", source="denominator_text"),
    *map(
        records.Field,
        (
            "women",
            "men",
            "unreported",
            "narrative",
            "rationale",
            "flagged",
            "flags",
            "status",
            "return_reason",
            "entered_by",
            "edited_by",
            "submitted_by",
            "created_at",
            "updated_at",
        ),
    ),
)
RESULTS = CsvListing(
    ResultRead,
    RESULT_RECORD,
    "results.csv",
    path="/api/v1/indicators/{indicator_code}/results/{id}",
)
