"""A new training as one statement: the record with its codes resolved, its participant and
topic rows, written only when every code names what it must and its `external_ref` is free
(`driver.insert_family`: one round trip on PostgreSQL).

The statement is built once per shape (how many participants and topics, whether it names a
host country and a project); a body that inserts nothing is then explained by the service's
checks, which name every problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.functions import aggregate_strings

from app.core import driver
from app.partners.models import Partner
from app.programs.models import Program
from app.projects.models import Project
from app.trainings.models import PARTICIPANTS, TOPICS, TRAININGS
from app.trainings.schemas import TRAINING_RECORD

# The columns a new training is given as values; program, host and project are looked up.
_GIVEN = (
    *TRAINING_RECORD.plain,
    "search_text",
    "fiscal_year",
    "version",
    "created_at",
    "updated_at",
)
_PARTNERS = Partner.__table__
_PROGRAMS = Program.__table__
_PROJECTS = Project.__table__


@dataclass(frozen=True, slots=True)
class Shape:
    participants: int
    topics: int
    host: bool
    project: bool


@dataclass(frozen=True, slots=True)
class Inserted:
    """What the statement gives back: the new row's keys and stamps, and every partner its
    codes named, as `partner_codes` maps them (code → (id, alpha-3))."""

    id: int
    program_id: int
    host_country_id: int | None
    project_id: int | None
    created_at: datetime
    updated_at: datetime
    partners: dict[str, tuple[int, str]]


def _partner_named(code: Any) -> ColumnElement[bool]:
    c = _PARTNERS.c
    return or_(c.code == code, c.alpha2 == code, c.numeric == code)


@lru_cache(maxsize=256)
def family(dialect_insert: Any, shape: Shape) -> driver.Family:
    """The statements for a body of `shape` (built once each); `dialect_insert` is the
    dialect's (`driver.upserts`), for ON CONFLICT."""
    codes = [bindparam(f"partner_{i}", type_=String()) for i in range(shape.participants)]
    host = bindparam("host_country", type_=String())
    program = _PROGRAMS.c
    host_id = select(_PARTNERS.c.id).where(_partner_named(host)).scalar_subquery()
    project_id = (
        select(_PROJECTS.c.id)
        .where(
            _PROJECTS.c.code == bindparam("project", type_=String()),
            _PROJECTS.c.program_id == program.id,
        )
        .scalar_subquery()
    )
    chosen = select(
        *(bindparam(name, type_=TRAININGS.c[name].type) for name in _GIVEN),
        program.id,
        host_id if shape.host else null(),
        project_id if shape.project else null(),
    ).where(program.code == bindparam("program", type_=String()))
    if shape.host:
        chosen = chosen.where(host_id.is_not(None))
    if shape.project:
        chosen = chosen.where(project_id.is_not(None))
    if codes:
        # Every participant's code names a partner, and no two the same one.
        distinct = select(func.count(_PARTNERS.c.id.distinct())).where(
            or_(*(_partner_named(code) for code in codes))
        )
        chosen = chosen.where(distinct.scalar_subquery() == len(codes))
    record = (
        dialect_insert(TRAININGS)
        .from_select([*_GIVEN, "program_id", "host_country_id", "project_id"], chosen)
        .on_conflict_do_nothing(index_elements=["program_id", "external_ref"])
        .returning(
            *(TRAININGS.c[name] for name in _RETURNED),
            _partners_named([*codes, host] if shape.host else codes).label("partners"),
        )
    )
    children = []
    if codes:
        children.append(lambda new_id: _participants(new_id, codes))
    if shape.topics:
        children.append(lambda new_id: _topics(new_id, shape.topics))
    return driver.Family(record, tuple(children))


def _partners_named(codes: Sequence[Any]) -> Any:
    """Every partner `codes` name, as text: `id,alpha3,alpha2,numeric` joined by `;`."""
    if not codes:
        return null()
    c = _PARTNERS.c
    comma: ColumnElement[str] = literal_column("','")
    nothing: ColumnElement[str] = literal_column("''")
    described = (
        cast(c.id, String)
        + comma
        + c.code
        + comma
        + func.coalesce(c.alpha2, nothing)
        + comma
        + func.coalesce(c.numeric, nothing)
    )
    # The separator as SQL text: a literal bind would be rendered per execution.
    separator: Any = literal_column("';'")
    named = select(aggregate_strings(described, separator)).where(
        or_(*(_partner_named(code) for code in codes))
    )
    return named.scalar_subquery()


def _participants(new_id: Any, codes: Sequence[Any]) -> Any:
    rows = (
        select(
            new_id,
            select(_PARTNERS.c.id).where(_partner_named(code)).scalar_subquery(),
            *(bindparam(f"{name}_{i}", type_=PARTICIPANTS.c[name].type) for name in _COUNTS),
        )
        for i, code in enumerate(codes)
    )
    columns = ["training_id", "partner_id", *_COUNTS]
    return insert(PARTICIPANTS).from_select(columns, union_all(*rows))


def _topics(new_id: Any, topics: int) -> Any:
    rows = (
        select(new_id, bindparam(f"topic_{i}", type_=TOPICS.c.topic.type)) for i in range(topics)
    )
    return insert(TOPICS).from_select(["training_id", "topic"], union_all(*rows))


_COUNTS = ("women", "men", "unreported")
_RETURNED = ("id", "program_id", "host_country_id", "project_id", "created_at", "updated_at")


async def insert_training(
    session: AsyncSession,
    values: dict[str, Any],
    *,
    program: str,
    host_country: str | None,
    project: str | None,
    participants: Sequence[tuple[str, int, int, int]],
    topics: Sequence[str],
) -> Inserted | None:
    """Insert a training (`values`: its given columns) and its rows; None when it inserted
    nothing (a code that names nothing or the wrong thing, a partner twice, a taken ref)."""
    shape = Shape(len(participants), len(topics), host_country is not None, project is not None)
    record = {**values, "program": program.upper()}
    if host_country is not None:
        record["host_country"] = host_country.upper()
    if project is not None:
        record["project"] = project.upper()
    for i, (code, *_counts) in enumerate(participants):
        record[f"partner_{i}"] = code.upper()
    children: list[dict[str, Any]] = []
    if participants:
        children.append(
            {
                f"{name}_{i}": count
                for i, counts in enumerate(participants)
                for name, count in zip(_COUNTS, counts[1:], strict=True)
            }
            | {f"partner_{i}": code.upper() for i, (code, *_c) in enumerate(participants)}
        )
    if topics:
        children.append({f"topic_{i}": topic for i, topic in enumerate(topics)})
    row = await driver.insert_family(
        session, family(driver.upserts(session), shape), record, children
    )
    if row is None:
        return None
    return Inserted(
        **{name: row[name] for name in _RETURNED},
        partners=_partner_map(row["partners"]),
    )


def _partner_map(described: str | None) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for partner in (described or "").split(";") if described else ():
        partner_id, alpha3, alpha2, numeric = partner.split(",")
        ref = (int(partner_id), alpha3)
        for code in (alpha3, alpha2, numeric):
            if code:
                found[code] = ref
    return found
