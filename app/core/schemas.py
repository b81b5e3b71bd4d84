"""Input building blocks: bounded strings without control characters, strict input models."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from app.core.fiscal_year import FIRST_DATE, FIRST_FISCAL_YEAR, LAST_DATE, LAST_FISCAL_YEAR

_ALLOWED_IN_TEXT = {"\n", "\r", "\t"}


def _no_control(value: str) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("control characters are not allowed")
    return value


def _no_control_but_newlines(value: str) -> str:
    if any(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_IN_TEXT for ch in value):
        raise ValueError("control characters are not allowed")
    return value


Code = Annotated[str, StringConstraints(min_length=1, max_length=16), AfterValidator(_no_control)]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control),
]
ShortText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_control)]
Text = Annotated[str, StringConstraints(max_length=5000), AfterValidator(_no_control_but_newlines)]
SearchText = Annotated[
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_no_control)
]

# Codes in any case, everywhere (paths, queries, bodies); answered canonical (upper case,
# a partner by its alpha-3). The resolvers in app/core/params.py look them up.
PROGRAM_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9-]{1,15}$"
ProgramCode = Annotated[
    str, StringConstraints(pattern=PROGRAM_CODE_PATTERN, max_length=16), AfterValidator(str.upper)
]
# A partner as clients name it: ISO 3166-1 alpha-3, alpha-2 or numeric, any case.
COUNTRY_CODE_PATTERN = r"^(?:[A-Za-z]{2,3}|[0-9]{3})$"
CountryCode = Annotated[
    str, StringConstraints(pattern=COUNTRY_CODE_PATTERN, min_length=2, max_length=3)
]
FiscalYear = Annotated[int, Field(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR)]


class Region(StrEnum):
    """State Department regional bureaus; accepted in any case."""

    AF = "AF"
    EAP = "EAP"
    EUR = "EUR"
    NEA = "NEA"
    SCA = "SCA"
    WHA = "WHA"

    @classmethod
    def _missing_(cls, value: object) -> Region | None:
        if isinstance(value, str) and value.upper() in cls.__members__:
            return cls[value.upper()]
        return None


def out_of_range(day: date) -> str | None:
    """Why `day` is not a date the service stores (None when it is one)."""
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    return f"must be a date from {FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}"


def _plausible(day: date) -> date:
    problem = out_of_range(day)
    if problem is not None:
        raise ValueError(problem)
    return day


# Every date the service stores: within the fiscal years its filters can select.
Date = Annotated[date, AfterValidator(_plausible)]

# A reference another system assigns (an embassy's file number, a vetting case id).
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/#-]*$"
Reference = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=REFERENCE_PATTERN)
]

CENT = Decimal("0.01")
MAX_USD = Decimal("999999999999.99")


def _usd(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError("must not be negative")
    if value > MAX_USD:
        raise ValueError(f"must be at most {MAX_USD}")
    if value != value.quantize(CENT):
        raise ValueError('must have at most 2 decimal places; send a string such as "1000000.00"')
    return value.quantize(CENT)


def usd_string(value: Decimal) -> str:
    return format(value.quantize(CENT), "f")


# Money in: a decimal string (or a JSON number) with at most two places, never float noise.
MoneyInput = Annotated[Decimal, Field(allow_inf_nan=False), AfterValidator(_usd)]
# Money out: always a string with two places, e.g. "1000000.00".
MoneyOutput = Annotated[
    Decimal,
    PlainSerializer(usd_string, return_type=str),
    Field(json_schema_extra={"pattern": r"^-?\d+\.\d{2}$", "examples": ["1000000.00"]}),
]


class InputModel(BaseModel):
    """Every request body forbids unknown and read-only fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class UpdateModel(InputModel):
    """PATCH bodies: every field optional, but only `nullable` ones may be set to null."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("cannot be null")
        return value


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def apply_changes(target: Any, changes: BaseModel) -> list[str]:
    """Copy the fields a PATCH body set onto `target`; return the names that really changed."""
    changed = []
    for field, value in changes.model_dump(exclude_unset=True).items():
        if getattr(target, field) != value:
            setattr(target, field, value)
            changed.append(field)
    return changed
