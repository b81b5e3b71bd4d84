"""The hot reads (list and get): columns straight from three SQL queries into JSON in one pass.

The ORM path (entities, selectinload, pydantic from attributes) costs several times the
database work for these two routes, so they select plain columns through the same scoped,
filtered statement as every other read, and serialize with orjson. The output is the
TrainingRead shape exactly (the tests compare the two). An embassy key's children are only
its own country's participant row (`service.own_rows`), so its totals are that row's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, cast

import orjson
from fastapi import Request
from sqlalchemy import BigInteger, Integer, Row, bindparam, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import aliased

from app.core.db import DriverSql, driver_of, read_connection
from app.core.errors import NotFound
from app.core.pagination import (
    PageParams,
    Result,
    SortKey,
    counted,
    decode_cursor,
    encode_cursor,
    identity_of,
    keyset_order,
    paginate,
    rows_after,
    sort_identity,
)
from app.core.security import Principal, Role
from app.partners.models import Partner
from app.programs.models import Program
from app.projects.models import Project
from app.trainings.models import Participant, Training, TrainingTopic
from app.trainings.schemas import SortOrder
from app.trainings.service import (
    TrainingFilters,
    apply_filters,
    filter_bind,
    filter_values,
    own_rows,
    resolved_filters,
    select_trainings,
    sort_keys,
    visible_to,
)

Host = aliased(Partner, name="host")
_DUMP = orjson.OPT_UTC_Z


@lru_cache(maxsize=1)
def _columns() -> Any:
    """The selected columns and their joins, built once (statements are immutable: `.where`
    returns a new one)."""
    return (
        select(
            Training.id,
            Program.code.label("program"),
            Training.title,
            Training.kind,
            Training.start_date,
            Training.end_date,
            Training.fiscal_year,
            Host.code.label("host_country"),
            Training.location,
            Training.delivery,
            Training.hours,
            Training.external_ref,
            Project.code.label("project"),
            Training.created_at,
            Training.updated_at,
            Training.version,
        )
        .select_from(Training)
        .join(Program, Program.id == Training.program_id)
        .outerjoin(Host, Host.id == Training.host_country_id)
        .outerjoin(Project, Project.id == Training.project_id)
    )


async def _read_connection(session: AsyncSession) -> AsyncConnection:
    # PostgreSQL: no BEGIN/COMMIT round trips for a read of two statements. A write committing
    # between them can only make the children newer than the ETag's version, and every such
    # write also bumps the version, so an If-Match with that ETag fails rather than loses data.
    # SQLite keeps its transaction (its connect hook manages transactions itself).
    if session.get_bind().dialect.name == "postgresql":
        return await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    return await session.connection()


def _children(ids: list[int], partner_id: int | None) -> Any:
    """Participants (part 0; only `partner_id`'s row when given) and topics (part 1) of `ids`
    in one statement."""
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
        .where(Participant.training_id.in_(ids))
    )
    if partner_id is not None:
        participants = participants.where(Participant.partner_id == partner_id)
    topics = select(
        TrainingTopic.training_id,
        literal(1).label("part"),
        TrainingTopic.topic.label("name"),
        literal(0),
        literal(0),
        literal(0),
    ).where(TrainingTopic.training_id.in_(ids))
    both = union_all(participants, topics).subquery()
    return select(both).order_by(both.c.training_id, both.c.part, both.c.name)


async def _items(
    conn: AsyncConnection, rows: Sequence[Row[Any]], partner_id: int | None
) -> list[dict[str, Any]]:
    ids = [row.id for row in rows]
    children = (await conn.execute(_children(ids, partner_id))).all() if ids else []
    return _assemble([dict(row._mapping) for row in rows], children)


def _assemble(rows: Sequence[Mapping[str, Any]], children: Sequence[Any]) -> list[dict[str, Any]]:
    """TrainingRead dicts from main rows and (training_id, part, name, women, men, unreported)."""
    participants: dict[int, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
    topics: dict[int, list[str]] = {row["id"]: [] for row in rows}
    for training_id, part, name, women, men, unreported in children:
        if part == 0:
            participants[training_id].append(
                {
                    "partner": name,
                    "women": women,
                    "men": men,
                    "unreported": unreported,
                    "total": women + men + unreported,
                }
            )
        else:
            topics[training_id].append(name)
    items = []
    for row in rows:
        present = participants[row["id"]]
        women = men = unreported = 0
        for p in present:
            women += p["women"]
            men += p["men"]
            unreported += p["unreported"]
        items.append(
            {
                "id": row["id"],
                "program": row["program"],
                "title": row["title"],
                "kind": row["kind"],
                "topics": topics[row["id"]],
                "start_date": row["start_date"],
                "end_date": row["end_date"],
                "fiscal_year": row["fiscal_year"],
                "host_country": row["host_country"],
                "location": row["location"],
                "delivery": row["delivery"],
                "hours": row["hours"],
                "external_ref": row["external_ref"],
                "project": row["project"],
                "participants": present,
                "totals": {
                    "women": women,
                    "men": men,
                    "unreported": unreported,
                    "total": women + men + unreported,
                },
                "created_at": row["created_at"],
                "updated_at": row["updated_at"],
            }
        )
    return items


# PostgreSQL hot path: the SQL below is compiled once from the same SQLAlchemy statements
# (so embassy scoping still comes from visible_to, and the list's filters from the service's
# apply_filters) and run on the asyncpg connection itself. An embassy key's variant reads only
# its own country's participant row ($2).
_PG_CHILDREN_OF = """
SELECT tp.training_id, 0 AS part, pa.code AS name, tp.women, tp.men, tp.unreported
FROM training_participants tp JOIN partners pa ON pa.id = tp.partner_id
WHERE tp.training_id = ANY($1::bigint[]){own}
UNION ALL
SELECT tt.training_id, 1, tt.topic, 0, 0, 0 FROM training_topics tt
WHERE tt.training_id = ANY($1::bigint[])
ORDER BY 1, 2, 3
"""
_PG_CHILDREN = _PG_CHILDREN_OF.format(own="")
_PG_OWN_CHILDREN = _PG_CHILDREN_OF.format(own=" AND tp.partner_id = $2::bigint")


def _in_scope(embassy: bool) -> Any:
    """`visible_to` of a caller of this kind, an embassy's partner as the `partner_id` bind."""
    placeholder = Principal(
        key_id=0,
        role=Role.embassy if embassy else Role.analyst,
        partner_id=cast(int, bindparam("partner_id", type_=BigInteger)) if embassy else None,
    )
    return visible_to(placeholder)


@lru_cache(maxsize=2)
def _pg_get_sql(embassy: bool) -> DriverSql:
    return DriverSql.of(
        _columns().where(
            Training.id == bindparam("training_id", type_=BigInteger), _in_scope(embassy)
        )
    )


async def _pg_children(driver: Any, ids: list[int], partner_id: int | None) -> Any:
    if partner_id is None:
        return await driver.fetch(_PG_CHILDREN, ids)
    return await driver.fetch(_PG_OWN_CHILDREN, ids, partner_id)


async def training_json(
    conn: AsyncConnection, principal: Principal, training_id: int
) -> tuple[bytes, int]:
    """One training as TrainingRead JSON, and its version (the ETag), read on `conn` (from
    `read_connection`: autocommit on PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        driver = await driver_of(conn)
        sql = _pg_get_sql(principal.is_embassy)
        values = {"training_id": training_id, "partner_id": principal.partner_id}
        row = await driver.fetchrow(sql.text, *sql.args(values))
        if row is None:
            raise NotFound(f"training {training_id} does not exist")
        children = await _pg_children(driver, [training_id], own_rows(principal))
        (item,) = _assemble([row], children)
        return orjson.dumps(item, option=_DUMP), row["version"]
    stmt = _columns().where(Training.id == training_id, visible_to(principal))
    found = (await conn.execute(stmt)).first()
    if found is None:
        raise NotFound(f"training {training_id} does not exist")
    (item,) = await _items(conn, [found], own_rows(principal))
    return orjson.dumps(item, option=_DUMP), found.version


@lru_cache(maxsize=8)
def _keyset(sort: SortOrder) -> tuple[tuple[SortKey, ...], str]:
    """A sort's keys and the name its cursors carry (as `paginate` names them)."""
    keys = tuple(sort_keys(sort))
    return keys, sort_identity(sort.value, keys)


@lru_cache(maxsize=512)
def _pg_page_sql(
    shape: tuple[str, ...], embassy: bool, sort: SortOrder, after: bool, total: bool
) -> tuple[DriverSql, DriverSql | None]:
    """The page statement (and the count's, for `total`) of a listing of this shape: which
    filters are set, whether the caller is an embassy, the sort, and whether a cursor leads."""
    binds: dict[str, Any] = {name: bindparam(filter_bind(name)) for name in shape}
    stmt = apply_filters(_columns(), binds).where(_in_scope(embassy))
    keys, _ = _keyset(sort)
    page = stmt
    if after:
        page = page.where(
            rows_after(
                keys, [bindparam(f"after_{i}", type_=k.column.type) for i, k in enumerate(keys)]
            )
        )
    page = page.order_by(*keyset_order(keys)).limit(bindparam("limit", type_=Integer))
    return DriverSql.of(page), DriverSql.of(counted(stmt)) if total else None


async def _pg_page(
    conn: AsyncConnection,
    principal: Principal,
    params: PageParams,
    filters: TrainingFilters,
    values: dict[str, Any],
    sort: SortOrder,
) -> tuple[bytes, Result[Any]]:
    """`paginate` on the asyncpg connection, with the statements of the listing's shape."""
    own = own_rows(principal)
    keys, sort_name = _keyset(sort)
    identity = identity_of("trainings", filters, own)
    binds = {filter_bind(name): value for name, value in values.items()}
    binds["partner_id"] = principal.partner_id
    binds["limit"] = params.limit + 1
    if params.cursor:
        after = decode_cursor(params.cursor, sort_name, keys, identity)
        binds.update((f"after_{i}", value) for i, value in enumerate(after))
    page, count = _pg_page_sql(
        tuple(values), principal.is_embassy, sort, bool(params.cursor), params.include_total
    )
    driver = await driver_of(conn)
    total = None if count is None else await driver.fetchval(count.text, *count.args(binds))
    rows = await driver.fetch(page.text, *page.args(binds))
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort_name, [last[k.column.key] for k in keys], identity)
    children = await _pg_children(driver, [row["id"] for row in rows], own) if rows else []
    items = orjson.dumps(_assemble(rows, children), option=_DUMP)
    return items, Result(items=rows, next_cursor=next_cursor, total=total)


async def page_json(
    request: Request,
    principal: Principal,
    params: PageParams,
    filters: TrainingFilters,
    sort: SortOrder,
) -> tuple[bytes, Result[Any]]:
    """A page of trainings as a JSON array of TrainingRead, with its cursor and total.

    PostgreSQL: the statements of the listing's shape (compiled once) on the asyncpg
    connection in autocommit, codes looked up in a session only when a filter names one.
    A title search (`q`) and SQLite page through the statement built for the request."""
    sessionmaker = request.app.state.sessionmaker
    if request.app.state.engine.dialect.name == "postgresql" and not filters.q:
        if filters.partner or filters.host_country or filters.project:
            async with sessionmaker() as session:
                values = await resolved_filters(session, filters)
        else:
            values = filter_values(filters)
        async with read_connection(request) as conn:
            return await _pg_page(conn, principal, params, filters, values, sort)
    async with sessionmaker() as session:
        return await _session_page(session, principal, params, filters, sort)


async def _session_page(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    filters: TrainingFilters,
    sort: SortOrder,
) -> tuple[bytes, Result[Any]]:
    """A page of trainings as a JSON array of TrainingRead, with its cursor and total."""
    conn = await _read_connection(session)
    stmt = await select_trainings(session, principal, filters, _columns())
    # The statement is decided by the filters (codes already canonical) and the caller's scope.
    identity = identity_of("trainings", filters, own_rows(principal))
    result = await paginate(
        conn,
        stmt,
        params,
        sort_keys(sort),
        sort_name=sort.value,
        scalars=False,
        filters=identity,
    )
    if session.get_bind().dialect.name == "postgresql":
        ids = [row.id for row in result.items]
        own = own_rows(principal)
        children = await _pg_children(await driver_of(conn), ids, own) if ids else []
        items = _assemble([dict(row._mapping) for row in result.items], children)
    else:
        items = await _items(conn, result.items, own_rows(principal))
    return orjson.dumps(items, option=_DUMP), result
