"""The hot reads (list and get): columns straight from two SQL queries into JSON in one pass.

The ORM path (entities, selectinload, pydantic from attributes) costs several times the
database work for these two routes, so they select plain columns through the same scoped,
filtered statement as every other read (`select_trainings`), page through it with the one
keyset helper (`core/pagination.paginate`), run it through the one executor (`core/driver`)
and serialize with orjson. The columns follow `TrainingRead`'s fields, so the output is that
shape exactly (the tests compare the two). An embassy key's children are only its own
country's participant row (`service.own_rows`), so its totals are that row's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

import orjson
from fastapi import Request
from sqlalchemy import BigInteger, ColumnElement, bindparam, literal, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter

from app.core import driver
from app.core.db import read_connection
from app.core.errors import NotFound
from app.core.pagination import PageParams, Result, identity_of, paginate
from app.core.security import Principal
from app.partners.models import Partner
from app.programs.models import Program
from app.projects.models import Project
from app.trainings.models import Participant, Training, TrainingTopic
from app.trainings.schemas import SortOrder, TrainingRead
from app.trainings.service import (
    TrainingFilters,
    apply_filters,
    filter_bind,
    filter_values,
    own_rows,
    resolved_filters,
    sort_keys,
    visible_to_partner,
)

Host = aliased(Partner, name="host")
_DUMP = orjson.OPT_UTC_Z
# TrainingRead's fields that are not columns of the training itself: its references, read as
# their codes, and its children, assembled from the second query.
_REFERENCES = {"program": Program.code, "host_country": Host.code, "project": Project.code}
_CHILDREN = ("topics", "participants", "totals")
FIELDS = tuple(TrainingRead.model_fields)
_IN_ORDER = itemgetter(*FIELDS)


@lru_cache(maxsize=1)
def _columns() -> Any:
    """TrainingRead's own fields as columns (and the version, for the ETag), built once."""
    selected = [
        _REFERENCES[name].label(name) if name in _REFERENCES else getattr(Training, name)
        for name in FIELDS
        if name not in _CHILDREN
    ]
    return (
        select(*selected, Training.version)
        .select_from(Training)
        .join(Program, Program.id == Training.program_id)
        .outerjoin(Host, Host.id == Training.host_country_id)
        .outerjoin(Project, Project.id == Training.project_id)
    )


@lru_cache(maxsize=4)
def _children(own: bool, many: bool) -> Any:
    """Participants (part 0; only the `partner_id` bind's row when `own`) and topics (part 1)
    of the trainings in the `ids` bind (`many`; else the one `training_id`), in one statement
    built once."""

    def of(training_id: Any) -> ColumnElement[bool]:
        if many:
            return training_id.in_(bindparam("ids", expanding=True))  # type: ignore[no-any-return]
        return training_id == bindparam("training_id")  # type: ignore[no-any-return]

    participants = (
        select(
            Participant.training_id,
            literal(0).label("part"),
            Partner.code.label("name"),
            Participant.women,
            Participant.men,
            Participant.unreported,
        )
        .join(Partner, Partner.id == Participant.partner_id)
        .where(of(Participant.training_id))
    )
    if own:
        participants = participants.where(Participant.partner_id == bindparam("partner_id"))
    topics = select(
        TrainingTopic.training_id,
        literal(1).label("part"),
        TrainingTopic.topic.label("name"),
        literal(0),
        literal(0),
        literal(0),
    ).where(of(TrainingTopic.training_id))
    both = union_all(participants, topics).subquery()
    return select(both).order_by(both.c.training_id, both.c.part, both.c.name)


def _scope(embassy: bool) -> ColumnElement[bool]:
    """`visible_to` for a caller of this kind, an embassy's partner as the `partner_id` bind."""
    return visible_to_partner(bindparam("partner_id", type_=BigInteger)) if embassy else true()


@lru_cache(maxsize=2)
def _one(embassy: bool) -> Any:
    """One training by the `training_id` bind, as a caller of this kind may see it."""
    return _columns().where(Training.id == bindparam("training_id"), _scope(embassy))


@lru_cache(maxsize=256)
def _listing(shape: tuple[str, ...], embassy: bool) -> Any:
    """The scoped, filtered statement of a listing of this shape (the filters set but a title
    search, whether the caller is an embassy), built once: a request binds its values."""
    binds: dict[str, BindParameter[Any]] = {name: bindparam(filter_bind(name)) for name in shape}
    return apply_filters(_columns(), binds).where(_scope(embassy))


async def _items(
    conn: AsyncConnection, rows: Sequence[Mapping[str, Any]], partner_id: int | None
) -> list[dict[str, Any]]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    asked = {"ids": ids, "training_id": ids[0], "partner_id": partner_id}
    children = await driver.rows(conn, _children(partner_id is not None, len(ids) > 1), asked)
    return _assemble(rows, children)


def _assemble(
    rows: Sequence[Mapping[str, Any]], children: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """TrainingRead dicts from main rows and their children (participants, then topics)."""
    participants: dict[int, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
    topics: dict[int, list[str]] = {row["id"]: [] for row in rows}
    for child in children:
        if child["part"] == 0:
            women, men, unreported = child["women"], child["men"], child["unreported"]
            participants[child["training_id"]].append(
                {
                    "partner": child["name"],
                    "women": women,
                    "men": men,
                    "unreported": unreported,
                    "total": women + men + unreported,
                }
            )
        else:
            topics[child["training_id"]].append(child["name"])
    items = []
    for row in rows:
        present = participants[row["id"]]
        women = men = unreported = 0
        for p in present:
            women += p["women"]
            men += p["men"]
            unreported += p["unreported"]
        item = dict(row)
        item["topics"] = topics[row["id"]]
        item["participants"] = present
        item["totals"] = {
            "women": women,
            "men": men,
            "unreported": unreported,
            "total": women + men + unreported,
        }
        items.append(dict(zip(FIELDS, _IN_ORDER(item), strict=True)))  # TrainingRead's order
    return items


def created_json(
    row: Mapping[str, Any], participants: Sequence[tuple[str, int, int, int]], topics: Sequence[str]
) -> bytes:
    """A training just written as TrainingRead JSON, from the values it was written with
    (`row`: its columns and references by code; participants by alpha-3), as `training_json`
    would read it back."""
    children = [
        {"training_id": row["id"], "part": 0, "name": code, "women": w, "men": m, "unreported": u}
        for code, w, m, u in sorted(participants)
    ]
    children += [{"training_id": row["id"], "part": 1, "name": topic} for topic in sorted(topics)]
    (item,) = _assemble([row], children)
    return orjson.dumps(item, option=_DUMP)


async def training_json(
    conn: AsyncConnection, principal: Principal, training_id: int
) -> tuple[bytes, int]:
    """One training as TrainingRead JSON, and its version (the ETag), read on `conn` (from
    `read_connection`: autocommit on PostgreSQL)."""
    asked = {"training_id": training_id, "partner_id": own_rows(principal)}
    found = await driver.first(conn, _one(principal.is_embassy), asked)
    if found is None:
        raise NotFound(f"training {training_id} does not exist")
    (item,) = await _items(conn, [found], own_rows(principal))
    return orjson.dumps(item, option=_DUMP), found["version"]


async def page_json(
    request: Request,
    principal: Principal,
    params: PageParams,
    filters: TrainingFilters,
    sort: SortOrder,
) -> tuple[bytes, Result[Any]]:
    """A page of trainings as a JSON array of TrainingRead, with its cursor and total: the
    scoped, filtered statement (codes looked up only when a filter names one), paged on a
    read connection."""
    if filters.partner or filters.host_country or filters.project:
        async with request.app.state.sessionmaker() as session:
            values = await resolved_filters(session, filters)
    else:
        values = filter_values(filters)
    own = own_rows(principal)
    asked = {filter_bind(name): value for name, value in values.items() if name != "q"}
    stmt = _listing(tuple(name for name in values if name != "q"), principal.is_embassy)
    if "q" in values:  # a title search matches its folded words: built for the request
        stmt = apply_filters(stmt, {"q": values["q"]})
    async with read_connection(request) as conn:
        # The statement is decided by the filters (codes canonical) and the caller's scope.
        result = await paginate(
            conn,
            stmt,
            params,
            sort_keys(sort),
            sort_name=sort.value,
            scalars=False,
            filters=identity_of("trainings", filters, own),
            values={**asked, "partner_id": own},
        )
        items = await _items(conn, result.items, own)
    return orjson.dumps(items, option=_DUMP), result
