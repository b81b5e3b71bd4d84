"""What every report route takes besides its own filters (output format, as-known instant,
program, partner, small-number threshold) and how every report answers (JSON or CSV, as known
then): one `ReportParams` dependency, so a report route declares only its own filters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from inspect import Parameter, Signature
from typing import Any, Literal, Protocol, TypeVar

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.core.csvout import csv_response, wants_csv
from app.core.fiscal_year import today
from app.core.history import answer_as_known
from app.core.params import (
    AsKnownOn,
    OutputFormat,
    PartnerFilter,
    ProgramFilter,
    RequiredProgram,
    SuppressBelow,
)


class _Report(Protocol):
    """A report's answer: its filters (which as-known echoes), as JSON."""

    filters: Any

    def model_dump_json(self, *, exclude_unset: bool = ...) -> str: ...


Report = TypeVar("Report", bound=_Report)
ReportQuery = TypeVar("ReportQuery")

# The filters a report's query takes from ReportParams, when its dataclass has them.
SHARED_FILTERS = ("program", "partner", "suppress_below")


@dataclass(frozen=True, slots=True)
class ReportParams:
    """The shared part of a report request. `program`, `partner` and `suppress_below` are
    None when the report does not take them (see `report_params`)."""

    request: Request
    format: Literal["json", "csv"] | None
    as_known_on: datetime | None
    program: str | None = None
    partner: str | None = None
    suppress_below: int | None = None

    def day(self, as_of: date | None) -> date:
        """The day an "as of" report answers for: the one asked, else the as-known day (the
        records then), else today."""
        if as_of is not None:
            return as_of
        return self.as_known_on.date() if self.as_known_on is not None else today()

    def query(self, of: type[ReportQuery], /, **own: Any) -> ReportQuery:
        """A report's query (a dataclass): its own filters, and those of program, partner and
        suppress_below it has, as asked."""
        taken = {f.name for f in fields(of)}  # type: ignore[arg-type]
        return of(**{name: getattr(self, name) for name in SHARED_FILTERS if name in taken}, **own)

    async def respond(
        self,
        figures: Awaitable[Report],
        csv_table: Callable[[Report], tuple[list[str], list[list[Any]]]],
        filename: str,
    ) -> Response:
        """The report's figures as known on `as_known_on` (now when it is None), as JSON or,
        when the client asks for CSV, as its CSV table."""
        report = await answer_as_known(self.as_known_on, figures)
        if wants_csv(self.request, self.format):
            return csv_response(*csv_table(report), filename=filename)
        return Response(report.model_dump_json(exclude_unset=True), media_type="application/json")


def report_params(
    *,
    program: Literal["optional", "required"] | None = "optional",
    partner: bool = True,
    suppress_below: bool = True,
) -> Any:
    """`Depends` building a `ReportParams` from `format`, then the program (optional or
    required) and partner filters, the `suppress_below` threshold and `as_known_on`, each as
    asked. FastAPI lists a route's own query parameters first, then its dependencies' in this
    order, which is the order of the contract."""
    keyword = Parameter.KEYWORD_ONLY
    taken = [
        Parameter("request", keyword, annotation=Request),
        Parameter("format", keyword, annotation=OutputFormat, default=None),
    ]
    if program == "optional":
        taken.append(Parameter("program", keyword, annotation=ProgramFilter, default=None))
    elif program == "required":
        taken.append(Parameter("program", keyword, annotation=RequiredProgram))
    if partner:
        taken.append(Parameter("partner", keyword, annotation=PartnerFilter, default=None))
    if suppress_below:
        taken.append(Parameter("suppress_below", keyword, annotation=SuppressBelow, default=None))
    taken.append(Parameter("as_known_on", keyword, annotation=AsKnownOn, default=None))

    def shared(**values: Any) -> ReportParams:
        return ReportParams(**values)

    # FastAPI reads the parameters a dependency takes from its signature.
    shared.__signature__ = Signature(taken, return_annotation=ReportParams)  # type: ignore[attr-defined]
    return Depends(shared)


def group_by_query(description: str) -> Any:
    """A report's `group_by` query parameter: one or two groups, comma-separated."""
    return Query(max_length=100, description=description)
