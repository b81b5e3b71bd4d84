"""Input building blocks: bounded strings without control characters, strict input models."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar, get_type_hints

from fastapi import Path
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic.fields import FieldInfo

from app.core.edits import Patch
from app.core.fiscal_year import FIRST_DATE, FIRST_FISCAL_YEAR, LAST_DATE, LAST_FISCAL_YEAR

# Characters no name or text may hold: control (Cc), format (Cf: bidi overrides, zero-width
# characters), line and paragraph separators (Zl, Zp) and lone surrogates (Cs), as Unicode 15
# classifies them. One table drives both the check and the contract's pattern.
_REFUSED_RANGES = (
    (0x00, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD),
    (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xD800, 0xDFFF), (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_TEXT_LAYOUT = {"\n", "\r", "\t"}  # free text keeps its line breaks and tabs


def _char_class(allowed: set[str], *, astral: bool) -> str:
    """A regex class body of the refused characters; for the contract's ECMA pattern, without
    astral characters and lone surrogates (the check refuses those too)."""
    parts = []
    for start, end in _REFUSED_RANGES:
        if not astral and (end > 0xFFFF or start == 0xD800):  # generators reject surrogates
            continue
        run: list[int] = []
        for cp in [*range(start, end + 1), None]:  # split a range around allowed characters
            if cp is not None and chr(cp) not in allowed:
                run.append(cp)
                continue
            if run:
                first, last = (
                    f"\\U{c:08x}" if c > 0xFFFF else f"\\u{c:04x}" for c in (run[0], run[-1])
                )
                parts.append(first if run[0] == run[-1] else f"{first}-{last}")
                run = []
    return "".join(parts)


def _checker(allowed: set[str]) -> tuple[re.Pattern[str], str]:
    refused = re.compile(f"[{_char_class(allowed, astral=True)}]")
    # `(?!\n)$`: Python's `$` also matches before a final newline, ECMA's does not.
    return refused, f"^[^{_char_class(allowed, astral=False)}]*(?!\\n)$"


_REFUSED_IN_NAMES, PLAIN_PATTERN = _checker(set())
_REFUSED_IN_TEXT, TEXT_PATTERN = _checker(_TEXT_LAYOUT)


def _plain(value: str) -> str:
    if _REFUSED_IN_NAMES.search(value):
        raise ValueError("control, format and separator characters are not allowed")
    return unicodedata.normalize("NFC", value)


def _text(value: str) -> str:
    if _REFUSED_IN_TEXT.search(value):
        raise ValueError("control and format characters are not allowed (line breaks are)")
    return unicodedata.normalize("NFC", value)


def _pattern(pattern: str) -> Any:
    # In the contract only: the check itself is `_plain`/`_text` (Python's regex engine).
    return Field(json_schema_extra={"pattern": pattern})


Code = Annotated[
    str,
    StringConstraints(min_length=1, max_length=16),
    AfterValidator(_plain),
    _pattern(PLAIN_PATTERN),
]
# A name: letters of any script, at least one visible character, stored in NFC.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_plain),
    _pattern(PLAIN_PATTERN.replace("^", r"^(?=.*\S)", 1)),
]
ShortText = Annotated[
    str, StringConstraints(max_length=200), AfterValidator(_plain), _pattern(PLAIN_PATTERN)
]
Text = Annotated[
    str, StringConstraints(max_length=5000), AfterValidator(_text), _pattern(TEXT_PATTERN)
]
SearchText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200),
    AfterValidator(_plain),
    _pattern(PLAIN_PATTERN),
]
# Strict scalars for request bodies: `true`, `"85"` and `85.0` are no integer, `1` is no boolean.
StrictInt = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]
_DIGITS = re.compile(r"^-?[0-9]{1,19}$")


def _written_in_digits(value: Any) -> Any:
    if isinstance(value, str) and not _DIGITS.match(value):
        raise ValueError("must be a whole number written in digits")
    return value


# An integer path or query parameter: digits only (`1.0`, `1e3`, `+1` and `true` are refused).
ParamInt = Annotated[int, BeforeValidator(_written_in_digits)]
# A fiscal year in a query string.
FiscalYearParam = Annotated[ParamInt, Field(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR)]
# The id of a stored record in a path.
RecordId = Annotated[ParamInt, Path(ge=1, le=2**62)]

# Codes in any case, everywhere (paths, queries, bodies); answered canonical (upper case,
# a partner by its alpha-3). The resolvers in app/core/params.py look them up.
PROGRAM_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9-]{1,15}$"
ProgramCode = Annotated[
    str, StringConstraints(pattern=PROGRAM_CODE_PATTERN, max_length=16), AfterValidator(str.upper)
]
# A project (an award) as clients name it: program-code-like, up to 40 characters
# (`CWD-AFG-01`), any case, answered upper case. app/projects/service.py resolves it.
PROJECT_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9-]{1,39}$"
ProjectCode = Annotated[
    str, StringConstraints(pattern=PROJECT_CODE_PATTERN, max_length=40), AfterValidator(str.upper)
]
# A partner as clients name it: ISO 3166-1 alpha-3, alpha-2 or numeric, any case.
COUNTRY_CODE_PATTERN = r"^(?:[A-Za-z]{2,3}|[0-9]{3})$"
CountryCode = Annotated[
    str, StringConstraints(pattern=COUNTRY_CODE_PATTERN, min_length=2, max_length=3)
]
FiscalYear = Annotated[StrictInt, Field(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR)]
# A read model's references, answered by code: read from the record's `program_code`,
# `partner_code` (ISO alpha-3) and `project_code` (None: no project).
ProgramOf = Annotated[str, Field(validation_alias="program_code")]
PartnerOf = Annotated[str, Field(validation_alias="partner_code", description="ISO alpha-3")]
ProjectOf = Annotated[str | None, Field(validation_alias="project_code")]


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
def decimal_schema(
    digits: str, *, minimum: Decimal, maximum: Decimal, positive: bool, example: str = "1000000.00"
) -> Any:
    """The contract of a decimal input: a string of `digits` with at most two places (the
    advised form), or a JSON number in range that is a multiple of 0.01."""
    not_zero = r"(?!0*(\.0*)?$)" if positive else ""
    bound = {"exclusiveMinimum" if positive else "minimum": float(minimum)}
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": f"^{not_zero}{digits}(\\.[0-9]{{1,2}})?$"},
                {"type": "number", **bound, "maximum": float(maximum), "multipleOf": 0.01},
            ],
            "examples": [example],
        }
    )


MoneyInput = Annotated[
    Decimal,
    Field(allow_inf_nan=False),
    AfterValidator(_usd),
    decimal_schema("[0-9]{1,12}", minimum=Decimal(0), maximum=MAX_USD, positive=False),
]
# Money out: always a string with two places, e.g. "1000000.00".
MoneyOutput = Annotated[
    Decimal,
    PlainSerializer(usd_string, return_type=str),
    Field(json_schema_extra={"pattern": r"^-?\d+\.\d{2}$", "examples": ["1000000.00"]}),
]


def _input_schema(schema: dict[str, Any], model: type[InputModel]) -> None:
    """A request body's schema: its example, and defaults stated in words (a request field
    with a default is optional, but openapi-typescript makes a component's defaulted property
    required)."""
    if model.example is not None:
        schema["examples"] = [model.example]
    for prop in schema.get("properties", {}).values():
        if "default" in prop:
            default = json.dumps(prop.pop("default"))
            prop["description"] = f"{prop.get('description', '')} Default: `{default}`.".lstrip()


Tag = TypeVar("Tag", int, str)


def unique_sorted(values: list[Tag] | None, info: ValidationInfo) -> list[Tag] | None:
    """A list of tags (a set, really): no tag twice, kept in one canonical order. Stated in
    the tag list's type (`Annotated[list[X], ..., UniqueSorted]`), so a PATCH body derived
    from its create (`UpdateOf`) checks it too."""
    if values is None:
        return None
    if len(set(values)) != len(values):
        raise ValueError(f"{info.field_name} must not repeat")
    return sorted(values)


UniqueSorted = AfterValidator(unique_sorted)


class InputModel(BaseModel):
    """Every request body forbids unknown and read-only fields; `example` is the contract's."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=False,
        json_schema_extra=_input_schema,  # type: ignore[typeddict-item]
    )
    example: ClassVar[dict[str, Any] | None] = None


class UpdateModel(InputModel):
    """PATCH bodies: every field optional, but only `nullable` ones may be set to null."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("cannot be null")
        return value


class DerivedFields(BaseModel):
    """A model whose fields are derived, when its class is made, from its class keywords
    (`class XUpdate(UpdateOf, create=XCreate)`): a base's `derive` answers the fields in
    their order from those the class body declares and the keywords."""

    def __init_subclass__(cls, **keywords: Any) -> None:
        super().__init_subclass__()  # the keywords are `derive`'s, passed on by pydantic below

    @classmethod
    def __pydantic_init_subclass__(cls, **keywords: Any) -> None:
        super().__pydantic_init_subclass__()
        fields = cls.derive(cls.__pydantic_fields__, **keywords)
        if fields is not cls.__pydantic_fields__:
            cls.__pydantic_fields__ = fields
            cls.model_rebuild(force=True)

    @classmethod
    def derive(cls, declared: dict[str, FieldInfo], **keywords: Any) -> dict[str, FieldInfo]:
        return declared


class UpdateOf(DerivedFields, UpdateModel):
    """A PATCH body derived from its create body, `class XUpdate(UpdateOf, create=XCreate)`:
    each field of the create in its order and type, optional (default None), and `nullable`
    where the create's default is None; `omit` names the create's fields a PATCH cannot
    change (a code, a key). The create's descriptions and validators stay with it: a field
    declared in the update's body replaces the derived one in its place (its own description
    or type), and a validator the update needs is declared on it (`check_fields=False`, the
    fields arriving after the class body). Field access is `Any` to mypy (it cannot derive
    types)."""

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...

    @classmethod
    def derive(cls, declared: dict[str, FieldInfo], **keywords: Any) -> dict[str, FieldInfo]:
        create: type[BaseModel] | None = keywords.get("create")
        omit: frozenset[str] = keywords.get("omit", frozenset())
        if create is None:
            return declared
        if "nullable" not in vars(cls):
            cls.nullable = frozenset(n for n, f in create.model_fields.items() if f.default is None)
        # The create's types as declared (constraints included), each made optional.
        hints = get_type_hints(create, include_extras=True)
        return {
            name: declared.get(name) or FieldInfo.from_annotated_attribute(hints[name] | None, None)
            for name in create.model_fields
            if name not in omit
        }


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class FiltersOf(DerivedFields):
    """The filters a report (or a figures answer) says it was asked with: the fields the class
    declares, or those of its query dataclass (`class XFilters(FiltersOf, query=XQuery)`, each
    required, null when not given), then `as_known_on`, always last."""

    # Set when the figures were asked as known at an instant (see app/core/history.py).
    as_known_on: datetime | None = None

    @classmethod
    def derive(cls, declared: dict[str, FieldInfo], **keywords: Any) -> dict[str, FieldInfo]:
        fields = dict(declared)
        if (query := keywords.get("query")) is not None:
            hints = get_type_hints(query)
            asked = {
                f.name: FieldInfo.from_annotation(hints[f.name]) for f in dataclasses.fields(query)
            }
            fields = {**asked, **fields}
        known_on = fields.pop("as_known_on")
        return {**fields, "as_known_on": known_on}


def apply_changes(target: Any, changes: BaseModel) -> list[str]:
    """Copy the fields a PATCH body set onto `target`; return the names that really changed
    (a `Patch` of every field, for a record whose fields are all its columns)."""
    return Patch(target, changes).copy().changed
