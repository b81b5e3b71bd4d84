"""Query, path and header parameters that many routes share: the one filter vocabulary."""

# No `from __future__ import annotations`: the resolvers' annotations close over local names.

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import AfterValidator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.errors import Unprocessable, invalid_query
from app.core.fiscal_year import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR
from app.core.pagination import PageParams, page_params
from app.core.schemas import (
    COUNTRY_CODE_PATTERN,
    PROGRAM_CODE_PATTERN,
    PROJECT_CODE_PATTERN,
    ParamInt,
    Region,
)
from app.core.security import Principal, Role, authenticate
from app.core.suppression import MAX_K, MIN_K


def _in_utc(value: datetime) -> datetime:
    """Naive instants are UTC; one that leaves the calendar in UTC (9999-12-31T23:00-14:00)
    is the client's error, not a 500 when the database driver converts it."""
    try:
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    except OverflowError:
        raise ValueError("instant out of the supported range") from None


Instant = Annotated[datetime, AfterValidator(_in_utc)]
UpdatedSince = Annotated[
    Instant | None,
    Query(description="Only records changed at or after this instant (ISO 8601)"),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description="The ETag last read; required"),
]
Paging = Annotated[PageParams, Depends(page_params)]
# An import's `?dry_run=true`.
DryRun = Annotated[bool, Query(description="Validate and count; write nothing")]
OutputFormat = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="`csv` answers text/csv (as does `Accept: text/csv`)"),
]


def _query_names(dependant: Dependant) -> frozenset[str]:
    """The query parameters a route takes, by the names clients send (its dependencies' too)."""
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return frozenset(names)


# Read once per route, by identity (routes are unhashable); the route is held with its names
# so no other route can take its id.
_DECLARED: dict[int, tuple[APIRoute, frozenset[str]]] = {}


async def known_query_only(request: Request) -> None:
    """Refuse a query parameter the route does not declare (a 422 naming each), so a filter or
    threshold the route does not take (`suppress_below` where nothing is suppressed) is never
    silently ignored. Every API route takes this (app/api.py)."""
    route = request.scope.get("route")
    if not request.scope.get("query_string") or not isinstance(route, APIRoute):
        return  # no query at all (most writes): nothing to check
    known = _DECLARED.get(id(route))
    if known is None:
        known = _DECLARED[id(route)] = (route, _query_names(route.dependant))
    declared = known[1]
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        detail = "unknown query parameter"
        raise Unprocessable(
            f"{', '.join(unknown)}: {detail}",
            errors=[{"parameter": name, "location": "query", "detail": detail} for name in unknown],
        )


KnownQueryOnly = Depends(known_query_only)


# --- The filter vocabulary --------------------------------------------------------------------
# Every route declares its filters with these types, so a program, partner, fiscal year, region
# or date range reads and fails the same way everywhere. Program and partner codes are accepted
# in any case (a partner by alpha-3, alpha-2 or numeric) and reach the route canonical (upper
# case; a partner's alpha-3); an unknown one is a 422 naming the parameter. To add a filter,
# declare it here once and take it as a parameter.

CodeLookup = Callable[[AsyncSession, str], Awaitable[str | None]]


@dataclass(slots=True)
class CodeLookups:
    """How filters find codes (canonical code, or None when unknown). Core imports no domain:
    create_app sets one on `app.state.codes`, as it sets `app.state.load_principal`.

    A code once found is remembered for the process's life: programs and partners are never
    deleted and their codes never change, and there are a few hundred of them. Unknown codes
    are asked again (an admin may add a program)."""

    program: CodeLookup
    partner: CodeLookup
    known: dict[tuple[str, str], str] = field(default_factory=dict)

    async def canonical(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        kind: Literal["program", "partner"],
        code: str,
    ) -> str | None:
        key = (kind, code.upper())
        found = self.known.get(key)
        if found is None:
            # Its own short session, as for the key lookup: the request's session stays
            # untouched, so a route may choose how its connection runs (trainings' autocommit).
            async with sessionmaker() as session:
                found = await getattr(self, kind)(session, code)
            if found is not None:
                self.known[key] = found
        return found


async def _canonical(
    request: Request, kind: Literal["program", "partner"], name: str, code: str
) -> str:
    state = request.app.state
    lookups: CodeLookups = state.codes
    found = await lookups.canonical(state.sessionmaker, kind, code)
    if found is None:
        noun = "program" if kind == "program" else "country code"
        raise invalid_query(name, f"unknown {noun} {code!r}")
    return str(found)


def _code_filter(kind: Literal["program", "partner"], name: str, description: str) -> Any:
    """An optional query parameter `name` holding a program or partner code, resolved."""
    pattern = PROGRAM_CODE_PATTERN if kind == "program" else COUNTRY_CODE_PATTERN
    lengths = {} if kind == "program" else {"min_length": 2, "max_length": 3}

    async def resolve(
        request: Request,
        # Not called `code`: that name is a path parameter on some routes.
        filter_value: Annotated[
            str | None, Query(alias=name, pattern=pattern, description=description, **lengths)
        ] = None,
    ) -> str | None:
        if filter_value is None:
            return None
        return await _canonical(request, kind, name, filter_value)

    return Depends(resolve)


async def _required_program(
    request: Request,
    program: Annotated[str, Query(pattern=PROGRAM_CODE_PATTERN, description="Program code")],
) -> str:
    return await _canonical(request, "program", "program", program)


ProgramFilter = Annotated[str | None, _code_filter("program", "program", "Program code, any case")]
RequiredProgram = Annotated[str, Depends(_required_program)]
PartnerFilter = Annotated[
    str | None,
    _code_filter(
        "partner",
        "partner",
        "Partner alpha-3, alpha-2 or numeric, any case; an embassy key sees only its own",
    ),
]
HostCountryFilter = Annotated[
    str | None,
    _code_filter("partner", "host_country", "Host country alpha-3, alpha-2 or numeric, any case"),
]
# Codes of records a domain owns (projects, implementers): checked for shape here, upper-cased,
# and looked up by the domain's service, which answers an unknown one with `invalid_query`.
ProjectFilter = Annotated[
    str | None,
    Query(pattern=PROJECT_CODE_PATTERN, description="Project code, any case"),
    AfterValidator(lambda code: None if code is None else code.upper()),
]
ImplementerFilter = Annotated[
    str | None,
    Query(pattern=PROGRAM_CODE_PATTERN, description="Implementer code, any case"),
    AfterValidator(lambda code: None if code is None else code.upper()),
]
CountryFilter = Annotated[
    str | None,
    _code_filter("partner", "country", "Country alpha-3, alpha-2 or numeric, any case"),
]
# In paths an unknown code is a 404 (the resource does not exist), so these only check shape.
ProgramPath = Annotated[
    str, Path(pattern=PROGRAM_CODE_PATTERN, description="Program code, any case")
]
PartnerPath = Annotated[
    str,
    Path(
        pattern=COUNTRY_CODE_PATTERN,
        description="ISO 3166-1 alpha-3, alpha-2 or numeric, any case",
    ),
]

FiscalYearQuery = Annotated[
    ParamInt | None,
    Query(
        ge=FIRST_FISCAL_YEAR,
        le=LAST_FISCAL_YEAR,
        description="US fiscal year (October to September); reports default to the current one",
    ),
]
FiscalYearPath = Annotated[ParamInt, Path(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR)]
FromFiscalYear = Annotated[
    ParamInt | None,
    Query(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR, description="First fiscal year, inclusive"),
]
ToFiscalYear = Annotated[
    ParamInt | None,
    Query(ge=FIRST_FISCAL_YEAR, le=LAST_FISCAL_YEAR, description="Last fiscal year, inclusive"),
]
RegionFilter = Annotated[Region | None, Query(description="Regional bureau, any case")]
FromDate = Annotated[date | None, Query(description="On or after this date")]
ToDate = Annotated[date | None, Query(description="On or before this date")]


# The filters of most lists of dated records, as keyword arguments of the domain's filters
# (`service.XFilters(**filters, ...)`): one fiscal year or a range, changed since, and the
# program and partner (or only the partner); the query lists them in that order.
ListFilters = dict[str, Any]


async def _year_range(
    fiscal_year: FiscalYearQuery = None, from_fy: FromFiscalYear = None, to_fy: ToFiscalYear = None
) -> ListFilters:
    return {"fiscal_year": fiscal_year, "from_fy": from_fy, "to_fy": to_fy}


async def _years(
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    updated_since: UpdatedSince = None,
) -> ListFilters:
    return {**await _year_range(fiscal_year, from_fy, to_fy), "updated_since": updated_since}


async def _program_and_partner(
    program: ProgramFilter = None, partner: PartnerFilter = None
) -> ListFilters:
    return {"program": program, "partner": partner}


async def _years_of_programs(
    years: Annotated[ListFilters, Depends(_years)],
    codes: Annotated[ListFilters, Depends(_program_and_partner)],
) -> ListFilters:
    return {**years, **codes}


async def _years_of_partners(
    years: Annotated[ListFilters, Depends(_years)], partner: PartnerFilter = None
) -> ListFilters:
    return {**years, "partner": partner}


ProgramAndPartner = Annotated[ListFilters, Depends(_program_and_partner)]
# A report's years: one fiscal year or a range (fiscal_year, from_fy, to_fy).
YearRange = Annotated[ListFilters, Depends(_year_range)]
YearFilters = Annotated[ListFilters, Depends(_years_of_programs)]
PartnerYearFilters = Annotated[ListFilters, Depends(_years_of_partners)]


def check_fiscal_years(from_fy: int | None, to_fy: int | None) -> None:
    """A 422 naming `to_fy` when a fiscal-year range is reversed (every route with a range)."""
    if from_fy is not None and to_fy is not None and from_fy > to_fy:
        raise invalid_query("to_fy", "must not be before from_fy")


def choice_text(choice: StrEnum | None) -> str | None:
    """A choice filter (`?status=completed`) as services take it: its text, or None."""
    return None if choice is None else str(choice)


# A date, or a timestamp with its UTC offset (whether the day exists is checked after).
AS_KNOWN_ON_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$"
)


def _as_known_on(
    as_known_on: Annotated[
        str | None,
        Query(
            max_length=40,
            pattern=AS_KNOWN_ON_PATTERN,
            description="Answer as the records stood then: a date (its end, UTC) or a timestamp "
            "with its UTC offset (2021-09-30T12:00:00Z); not in the future",
        ),
    ] = None,
) -> datetime | None:
    if as_known_on is None:
        return None
    return known_instant("as_known_on", as_known_on)


def known_instant(parameter: str, value: str) -> datetime:
    """A query parameter naming an instant the records are read as known at: a date (its end,
    UTC) or a timestamp with its UTC offset, not in the future; else a 422 naming it."""
    problem = "a date (YYYY-MM-DD) or a timestamp with a UTC offset (YYYY-MM-DDTHH:MM:SSZ)"
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            at: datetime | None = datetime.combine(day, time.max, UTC)
            future = day > datetime.now(UTC).date()
        else:
            given = datetime.fromisoformat(value)
            at = _in_utc(given) if given.tzinfo is not None else None
            future = at is not None and at > datetime.now(UTC)
    except ValueError:
        raise invalid_query(parameter, f"is no calendar date or time: {problem}") from None
    if at is None:
        raise invalid_query(parameter, f"needs a UTC offset: {problem}")
    if future:
        raise invalid_query(parameter, "must not be in the future")
    return at


# The instant a figure is asked as known at (None: now); app/core/history.py answers it.
AsKnownOn = Annotated[datetime | None, Depends(_as_known_on)]


def parse_group_by(raw: str, known: Sequence[str]) -> list[str]:
    """A report's `group_by=a,b` → ["a", "b"]: one or two distinct groups of `known` (any
    case), else a 422 naming `group_by`."""
    groups = [part.strip().lower() for part in raw.split(",") if part.strip()]
    unknown = [g for g in groups if g not in known]
    if unknown:
        raise invalid_query("group_by", f"unknown group {unknown[0]!r}; use {', '.join(known)}")
    if not 1 <= len(groups) <= 2 or len(set(groups)) != len(groups):
        raise invalid_query("group_by", "name one or two distinct groups")
    return groups


def _threshold(*selecting_rows: str) -> Any:
    """The `suppress_below` dependency of a route; `selecting_rows` names its optional
    parameters that only choose which rows it shows, each row the same in every answer (a
    progress row is one year's figure, whatever the range asked), so they nest nothing."""

    async def suppress_below(
        request: Request,
        principal: Annotated[Principal, Depends(authenticate)],
        suppress_below: Annotated[
            ParamInt | None,
            Query(
                ge=MIN_K,
                le=MAX_K,
                description="Withhold counts from 1 to this minus 1 (2 to 50), and enough "
                "others that none can be narrowed to fewer than this many values from what "
                "is published; withheld cells are null and named in each row's `suppressed`. "
                "Embassy keys get WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a "
                "422), and then only the published grouping (a filter that nests is a 422 "
                "naming it)",
            ),
        ] = None,
    ) -> int | None:
        """The threshold a report answers under: the one asked for, raised for embassy keys
        to the service's public threshold when one is set (and then only the published
        grouping is answered: see `published_grouping_only`)."""
        floor = request.app.state.settings.public_suppress_below
        if floor is not None and principal.role is Role.embassy:
            published_grouping_only(request, principal, frozenset(selecting_rows))
            if suppress_below is not None and suppress_below > floor:
                # Two thresholds withhold different cells of one table: combined, they
                # could narrow a count that each withholds.
                raise invalid_query(
                    "suppress_below",
                    f"an embassy key reads at the public threshold ({floor}) only",
                )
            return floor
        return suppress_below

    return suppress_below


_suppress_below = _threshold()
SuppressBelow = Annotated[int | None, Depends(_suppress_below)]
# Indicator progress: from_fy and to_fy choose the years shown, each year's figure its own.
SuppressBelowByYear = Annotated[int | None, Depends(_threshold("from_fy", "to_fy"))]


# Optional parameters whose absence is not "everything, summed": the output format, the
# threshold, one fiscal year (years do not nest) and which outcomes' lines a scorecard shows
# (each indicator is its own line). Every other optional parameter narrows, regroups or dates
# an answer that exists without it, so two answers could differ by a withheld count.
NOT_NESTING = frozenset({"format", "suppress_below", "fiscal_year", "outcome"})


def _query_defaults(dependant: Dependant) -> dict[str, str]:
    """A route's query parameters that have a default, and that default as a client writes
    it (its dependencies' too)."""
    found = {
        field.alias: str(field.field_info.default).lower()
        for field in dependant.query_params
        if isinstance(field.field_info.default, str | int)
    }
    for dependency in dependant.dependencies:
        found.update(_query_defaults(dependency))
    return found


def published_grouping_only(
    request: Request, principal: Principal, selecting_rows: frozenset[str]
) -> None:
    """Refuse (422 naming it) a parameter that would let two answers nest: one region and the
    same region less a partner, two fiscal-year ranges, two groupings of the same people, the
    records as known on two days. Under the public threshold each report then answers one
    table (its default grouping) per key and day, and no difference of two answers is a
    count the table withholds. A parameter that asks that very table (its default value, the
    key's own partner) is no second answer and is taken."""
    route = request.scope.get("route")
    defaults = _query_defaults(route.dependant) if isinstance(route, APIRoute) else {}
    for name in sorted(set(request.query_params) - NOT_NESTING - selecting_rows):
        value = request.query_params[name].strip()
        if value.lower() == defaults.get(name) or (
            name == "partner" and value.upper() == principal.partner_code
        ):
            continue
        raise invalid_query(
            name,
            "not taken under the public threshold (WPS_PUBLIC_SUPPRESS_BELOW): an embassy key "
            "reads each report's published grouping only, so that no two answers differ by a "
            "withheld count",
        )


async def _published_suppress_below(request: Request, asked: SuppressBelow = None) -> int | None:
    """The threshold a public export writes under: `SuppressBelow`, and the service's public
    threshold for every key that asks none (an export is published as it is)."""
    return asked if asked is not None else request.app.state.settings.public_suppress_below


PublishedSuppressBelow = Annotated[int | None, Depends(_published_suppress_below)]
