"""Keyset pagination: opaque cursors over a stable sort, so page 1,000 costs what page 1 costs."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    SmallInteger,
    String,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import BindParameter

from app.core import driver
from app.core.errors import Unprocessable
from app.core.schemas import ParamInt

T = TypeVar("T")

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None
    total: int | None = None


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None
    include_total: bool


async def page_params(  # async: a plain def would run in the threadpool
    limit: Annotated[ParamInt, Query(ge=1, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="Opaque cursor from next_cursor")
    ] = None,
    include_total: Annotated[bool, Query(description="Add the total count to the page")] = False,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor, include_total=include_total)


@dataclass(frozen=True, slots=True)
class SortKey:
    """One column of a keyset; the last key of a sort must be unique (usually the id)."""

    column: Any
    descending: bool = False


@dataclass(frozen=True, slots=True)
class Listing:
    """A list's filtered, caller-scoped statement (no ORDER BY) and its sort: read a page at
    a time (`paginate`) for JSON, or whole in keyset batches for CSV (`csvout`)."""

    stmt: Select[Any]
    keys: Sequence[SortKey]
    sort_name: str = "default"


@dataclass(slots=True)
class Result(Generic[T]):
    items: list[T]
    next_cursor: str | None
    total: int | None


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _int_bound(column_type: Any) -> int:
    """The exclusive bound of a column's integers (PostgreSQL refuses a wider parameter)."""
    column_type = getattr(column_type, "impl_instance", column_type)
    if isinstance(column_type, SmallInteger):
        return 2**15
    if isinstance(column_type, BigInteger):
        return 2**63
    return 2**31  # INTEGER, and any other integer type: the narrowest common range


def _decode(value: Any, column: Any) -> Any:
    """Rebuild a key value from a cursor; anything a client could forge is checked against
    the sort column's type, so no value reaches the database that it cannot compare."""
    column_type = column.type
    python_type = column_type.python_type
    if python_type is datetime and isinstance(value, str):
        instant = datetime.fromisoformat(value)
        try:  # a forged offset could push the instant past year 9999 when stored as UTC
            return instant.astimezone(UTC) if instant.tzinfo else instant.replace(tzinfo=UTC)
        except OverflowError:
            raise ValueError("bad cursor value") from None
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    if python_type is int and type(value) is int:
        bound = _int_bound(column_type)
        if -bound <= value < bound:
            return value
    if python_type is str and isinstance(value, str) and value.isprintable():
        length = getattr(column_type, "length", None) if isinstance(column_type, String) else None
        if len(value) <= min(length or 200, 200):
            return value
    raise ValueError("bad cursor value")


def _invalid_cursor(detail: str = "not a cursor from this listing") -> Unprocessable:
    return Unprocessable(
        f"cursor: {detail}",
        errors=[{"parameter": "cursor", "location": "query", "detail": "invalid cursor"}],
    )


def encode_cursor(sort_name: str, values: Sequence[Any], filters: str = "") -> str:
    payload = orjson.dumps({"s": sort_name, "f": filters, "k": [_encode(v) for v in values]})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(
    cursor: str, sort_name: str, keys: Sequence[SortKey], filters: str = ""
) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = orjson.loads(raw)
        if payload.get("s") != sort_name or len(payload.get("k", ())) != len(keys):
            raise ValueError("cursor for another sort")
        values = [_decode(v, k.column) for v, k in zip(payload["k"], keys, strict=True)]
    except (ValueError, TypeError, AttributeError, binascii.Error, orjson.JSONDecodeError):
        raise _invalid_cursor() from None
    if payload.get("f", "") != filters:
        raise _invalid_cursor(
            "this cursor was made for other filters; repeat the request that gave it "
            "(same filters and sort), or start again without a cursor"
        )
    return values


def filters_identity(session: AsyncSession, stmt: Select[Any]) -> str:
    """A digest of the listing's statement as the database runs it (filters resolved, the
    caller's scope applied, values normalised), which a cursor carries: a cursor taken with
    `region=AF` does not continue a listing without it."""
    sql, values = driver.statement_identity(session, stmt)
    digest = hashlib.sha256(sql.encode())
    digest.update(repr(values).encode())
    return digest.hexdigest()[:16]


def identity_of(*inputs: Any) -> str:
    """A listing's filters identity from the values that alone decide its statement (its
    parsed filters and the caller's scope), for a hot listing that knows them: cheaper than
    `filters_identity`, which walks the statement."""
    return hashlib.sha256(repr(inputs).encode()).hexdigest()[:16]


def rows_after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows past the key `values` (values, or bind parameters for a statement compiled once)."""
    if len(keys) > 1 and len({k.descending for k in keys}) == 1:
        # One direction: a row-value comparison, which an index on the sort columns can seek.
        left = tuple_(*(k.column for k in keys))
        right = tuple_(
            *(
                v if isinstance(v, BindParameter) else literal(v, k.column.type)
                for k, v in zip(keys, values, strict=True)
            )
        )
        return left < right if keys[0].descending else left > right
    clauses = []
    for i, key in enumerate(keys):
        equal_prefix = [keys[j].column == values[j] for j in range(i)]
        beyond = key.column < values[i] if key.descending else key.column > values[i]
        clauses.append(and_(*equal_prefix, beyond))
    return or_(*clauses)


@lru_cache(maxsize=1024)
def _page_statement(stmt: Select[Any], keys: tuple[SortKey, ...], after: bool) -> Select[Any]:
    """`stmt`'s page: past the cursor's key values (`page_after_<i>`), in keyset order, at most
    `page_limit` rows. Built once per statement object, sort and cursor-or-not, so a listing
    that keeps its statement (compiled once by the executor) only binds values per request."""
    if after:
        cursor = [bindparam(f"page_after_{i}", type_=k.column.type) for i, k in enumerate(keys)]
        stmt = stmt.where(rows_after(keys, cursor))
    return stmt.order_by(*keyset_order(keys)).limit(bindparam("page_limit", type_=Integer))


@lru_cache(maxsize=1024)
def _count_statement(stmt: Select[Any]) -> Select[Any]:
    return counted(stmt)


async def paginate(
    session: AsyncSession | AsyncConnection,
    stmt: Select[Any],
    params: PageParams,
    keys: Sequence[SortKey],
    *,
    sort_name: str = "default",
    scalars: bool = True,
    filters: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> Result[Any]:
    """Run `stmt` (filters applied, no ORDER BY) one page at a time along `keys`.

    `values`: for the bind parameters `stmt` holds (a statement built once per shape).
    `filters`: the listing's filters identity (`identity_of`) when the caller has it; by
    default it is read off `stmt`. A hot listing may pass a connection for `session` (its
    statements then skip the ORM session's execution layer); it must pass `filters`."""
    # The cursor names its listing's sort columns, so one listing's cursor is refused by another.
    sort_name = sort_identity(sort_name, keys)
    # ... and the listing's filters, so a cursor continues only the listing that made it.
    if filters is None:
        if not isinstance(session, AsyncSession):
            raise TypeError("paginate on a connection needs the listing's `filters` identity")
        filters = filters_identity(session, stmt)
    bound = {**(values or {}), "page_limit": params.limit + 1}
    if params.cursor:
        after = decode_cursor(params.cursor, sort_name, keys, filters)
        bound.update((f"page_after_{i}", value) for i, value in enumerate(after))
    total = None
    if params.include_total:
        total = await driver.scalar(session, _count_statement(stmt), values)
    page = _page_statement(stmt, tuple(keys), bool(params.cursor))
    if scalars:  # entities: the ORM's loading
        rows: list[Any] = list((await session.execute(page, bound)).scalars().all())
    else:  # columns: the executor's rows, read by name
        rows = await driver.rows(session, page, bound)
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort_name, [key_value(last, k) for k in keys], filters)
    return Result(items=rows, next_cursor=next_cursor, total=total)


def counted(stmt: Select[Any]) -> Select[Any]:
    """How many rows a listing's statement holds (a page's `total`)."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())


def keyset_order(keys: Sequence[SortKey]) -> list[Any]:
    """The ORDER BY of a keyset sort."""
    return [k.column.desc() if k.descending else k.column.asc() for k in keys]


def sort_identity(sort_name: str, keys: Sequence[SortKey]) -> str:
    columns = ",".join(f"{k.column}{' desc' if k.descending else ''}" for k in keys)
    return f"{sort_name}:{hashlib.sha256(columns.encode()).hexdigest()[:12]}"


def key_value(row: Any, key: SortKey) -> Any:
    """A sort key's value on an entity, a row by name (the executor's) or a SQLAlchemy row."""
    name = key.column.key
    if hasattr(row, name):
        return getattr(row, name)
    if isinstance(row, Mapping):
        return row[name]
    return row._mapping[key.column]


async def count_listed(session: AsyncSession, listing: Listing) -> int:
    """How many records a listing holds (an export's total)."""
    counted = select(func.count()).select_from(listing.stmt.subquery())
    return int(await session.scalar(counted) or 0)
