"""Nomination bodies and representations: nominee, course and vetting nest as objects."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from app.audit.schemas import AUDIT_EVENT_RECORD, AuditEventRead
from app.core import records
from app.core.csvout import CsvListing
from app.core.fiscal_year import today
from app.core.schemas import (
    CountryCode,
    Date,
    InputModel,
    Name,
    ReadModel,
    Reference,
    StrictBool,
    StrictInt,
    Text,
    UpdateOf,
)
from app.imet.nominations.models import COURSE_COLUMNS, NOMINEE_COLUMNS, VETTING_COLUMNS
from app.imet.nominations.workflow import (
    NominationStatus,
    Service,
    Sex,
    VettingStatus,
    fiscal_year_window,
)

EclScore = Annotated[
    StrictInt, Field(ge=0, le=100, description="English Comprehension Level, 0-100")
]
# MASL (Military Articles and Services List) course ids such as D177011; stored upper-case.
MaslId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$", to_upper=True)
]
ExternalRef = Reference
CaseRef = Reference


def _in_window(year: int) -> int:
    first, last = fiscal_year_window(today())
    if not first <= year <= last:
        raise ValueError(f"must be between {first} and {last} (the current fiscal year -1 .. +2)")
    return year


class NomineeIn(InputModel):
    given_name: Name
    family_name: Name
    sex: Sex
    rank: Name
    service: Service
    position: Name


class CourseIn(InputModel):
    masl_id: MaslId
    title: Name
    institution: Name
    min_ecl: EclScore | None = None


class NominationCreate(InputModel):
    example = {
        "fiscal_year": 2027,
        "external_ref": "NBO-2027-017",
        "nominee": {
            "given_name": "Amina",
            "family_name": "Odhiambo",
            "sex": "female",
            "rank": "Major",
            "service": "army",
            "position": "Peace support operations planner",
        },
        "course": {
            "masl_id": "D177011",
            "title": "International Officer School",
            "institution": "Air University",
            "min_ecl": 80,
        },
        "ecl_score": 85,
        "ecl_exempt": False,
    }

    partner: CountryCode | None = Field(
        default=None, description="Admin keys only; an embassy nominates for its own country"
    )
    fiscal_year: StrictInt
    external_ref: ExternalRef = Field(description="The embassy's own reference, unique per partner")
    nominee: NomineeIn
    course: CourseIn
    ecl_score: EclScore | None = None
    ecl_exempt: StrictBool = False

    _check_fiscal_year = field_validator("fiscal_year")(_in_window)


class NomineeUpdate(UpdateOf, create=NomineeIn):
    pass


class CourseUpdate(UpdateOf, create=CourseIn):
    pass


class NominationUpdate(
    UpdateOf,
    create=NominationCreate,
    omit=frozenset({"partner", "fiscal_year", "external_ref"}),
):
    """Nominee, course and ECL, while the nomination is still `submitted`."""

    example = {"ecl_score": 88, "course": {"min_ecl": 85}}

    # Each part of the nominee and the course on its own, not the whole.
    nominee: NomineeUpdate | None = None
    course: CourseUpdate | None = None


class VettingWrite(InputModel):
    example = {
        "status": "approved",
        "case_ref": "INVEST-2026-1234",
        "decided_at": "2026-01-15",
        "expires_at": "2027-01-15",
    }

    status: VettingStatus
    case_ref: CaseRef | None = None
    decided_at: Date | None = None
    expires_at: Date | None = Field(
        default=None, description="First day on which the vetting is no longer valid"
    )


class TransitionRequest(InputModel):
    example = {"to": "under_review", "reason": "complete file"}

    to: NominationStatus
    reason: Text | None = None


class TransitionReasonRead(ReadModel):
    """A reason given with a status change (admins only; purgeable, never in the audit trail)."""

    id: int
    from_status: NominationStatus
    to_status: NominationStatus
    reason: str
    actor_key_id: int | None
    given_at: datetime


# A transition reason in CSV: the same fields as its JSON, none of them imported.
TRANSITION_REASON_RECORD = records.RecordShape(
    *(
        records.Field(name, imported=False)
        for name in ("id", "from_status", "to_status", "reason", "actor_key_id", "given_at")
    )
)
TRANSITION_REASONS = CsvListing(
    TransitionReasonRead, TRANSITION_REASON_RECORD, "transition-reasons.csv"
)


class NomineeRead(ReadModel):
    given_name: str
    family_name: str
    sex: Sex
    rank: str
    service: Service
    position: str


class CourseRead(ReadModel):
    masl_id: str
    title: str
    institution: str
    min_ecl: int | None


class VettingRead(ReadModel):
    status: VettingStatus
    case_ref: str | None
    decided_at: date | None
    expires_at: date | None


class NominationRead(ReadModel):
    id: int
    partner: str = Field(validation_alias="partner_code", description="ISO 3166-1 alpha-3")
    fiscal_year: StrictInt
    external_ref: str
    status: NominationStatus
    nominee: NomineeRead
    course: CourseRead
    ecl_score: int | None
    ecl_exempt: bool
    vetting: VettingRead
    created_at: datetime
    updated_at: datetime


# One nomination's fields in CSV order: the nested nominee, course and vetting flattened.
NOMINATION_RECORD = records.RecordShape(
    records.Field("id", imported=False),
    records.PARTNER,
    records.Field("fiscal_year"),
    records.Field("external_ref"),
    records.Field("status"),
    *(records.Field(f"nominee_{name}", source=column) for name, column in NOMINEE_COLUMNS.items()),
    *(records.Field(f"course_{name}", source=column) for name, column in COURSE_COLUMNS.items()),
    records.Field("ecl_score"),
    records.Field("ecl_exempt"),
    *(records.Field(f"vetting_{name}", source=column) for name, column in VETTING_COLUMNS.items()),
    records.Field("created_at", imported=False),
    records.Field("updated_at", imported=False),
)
NOMINATION_HISTORY = CsvListing(AuditEventRead, AUDIT_EVENT_RECORD, "history.csv")
NOMINATIONS = CsvListing(
    NominationRead, NOMINATION_RECORD, "nominations.csv", path="/api/v1/nominations/{id}"
)
