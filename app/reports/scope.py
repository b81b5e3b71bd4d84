"""What a report's figures are limited to: the program and partner asked for, found (an embassy
key's own country whatever it asked), and a fiscal-year range in order. Every report checks its
filters here, so an unknown code or a reversed range fails the same way in each."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, TypeVar

from pydantic.fields import FieldInfo
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import invalid_query
from app.core.params import check_fiscal_years
from app.core.schemas import DerivedFields, FiltersOf
from app.core.security import Principal
from app.partners.service import figures_partner
from app.programs.service import find_program

# A report's query: a dataclass with a `partner` code (and a `program` code, if it takes one).
Query = TypeVar("Query", bound=Any)
Filters = TypeVar("Filters", bound=FiltersOf)


@dataclass(frozen=True, slots=True)
class FiguresScope:
    """The program and partner the figures are limited to, by id and code (None: all)."""

    program_id: int | None
    program_code: str | None
    partner_id: int | None
    partner_code: str | None

    def conditions(self, query: Any) -> dict[str, Any]:
        """A scoped query's filters as a domain's conditions take them: the program and the
        partner by id, every other filter as asked."""
        asked = {f.name: getattr(query, f.name) for f in fields(query)}
        asked.pop("program", None)
        asked.pop("partner", None)
        return {"program_id": self.program_id, "partner_id": self.partner_id, **asked}


async def figures_scope(
    session: AsyncSession,
    actor: Principal,
    *,
    program: str | None = None,
    partner: str | None = None,
) -> FiguresScope:
    """The program (a 422 when unknown) and the partner (`figures_partner`) asked for."""
    found = None
    if program is not None:
        found = await find_program(session, program)
        if found is None:
            raise invalid_query("program", f"unknown program {program!r}")
    only = await figures_partner(session, actor, partner)
    return FiguresScope(
        program_id=found.id if found is not None else None,
        program_code=found.code if found is not None else None,
        partner_id=only.id if only is not None else None,
        partner_code=only.code if only is not None else None,
    )


async def scoped_query(
    session: AsyncSession, actor: Principal, query: Query
) -> tuple[Query, FiguresScope]:
    """The scope of a report's `query` (`figures_scope` of its program and partner), and the
    query with the codes as found (an embassy key's own country whatever it asked); a
    reversed fiscal-year range (`from_fy` after `to_fy`) is refused first."""
    check_fiscal_years(getattr(query, "from_fy", None), getattr(query, "to_fy", None))
    program = getattr(query, "program", None)  # a query of every program has no such field
    scope = await figures_scope(session, actor, program=program, partner=query.partner)
    found = {"program": scope.program_code, "partner": scope.partner_code}
    as_found = {f.name: found[f.name] for f in fields(query) if f.name in found}
    return replace(query, **as_found), scope


def echoed(filters: type[Filters], query: Any, **answered: Any) -> Filters:
    """The filters a report echoes: its query's, `answered` replacing some; those the class
    gives a default are echoed only when asked (the answer leaves unset fields out), and the
    query's `suppress_below` not at all (the suppression echoes it when it applies)."""
    values = asdict(query)
    values.pop("suppress_below", None)
    values.update(answered)
    optional = {name: f.default for name, f in filters.model_fields.items() if not f.is_required()}
    return filters(**{k: v for k, v in values.items() if k not in optional or v != optional[k]})


class GroupRow(DerivedFields):
    """One row of a report grouped by some of its `groups`, `class XRow(GroupRow,
    groups=GROUPS)`: a key per group in their order (`fiscal_year` a number, the others codes;
    null when not grouped by), then the row's figures as the class declares them."""

    @classmethod
    def derive(cls, declared: dict[str, FieldInfo], **keywords: Any) -> dict[str, FieldInfo]:
        code: Any = str | None  # the year is a number, the other keys are codes
        year: Any = int | None
        keys = {
            group: FieldInfo.from_annotated_attribute(
                year if group == "fiscal_year" else code, None
            )
            for group in keywords.get("groups", ())
        }
        return {**keys, **declared}
