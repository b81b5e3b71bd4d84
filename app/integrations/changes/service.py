"""Reading the change feed: a caller's changes after a position, in seq (commit) order."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core import visibility
from app.core.errors import invalid_query
from app.core.scope import own_partner_id
from app.core.security import Principal, Role
from app.integrations.changes.models import Change, ChangePartner
from app.integrations.changes.recorder import commits

# Kinds of record not every role may read (as their own routes): nominations are the embassy
# desk's, keys and subscriptions their owners'. Every other kind: every role (an embassy key
# further limited to its own country's records).
READERS: dict[str, frozenset[Role]] = {
    "nomination": frozenset({Role.admin, Role.embassy}),
    "webhook": frozenset({Role.admin, Role.embassy}),
    "api_key": frozenset({Role.admin}),
}
# How often a long poll looks for other processes' commits (this process's wake it at once).
POLL_SECONDS = 0.5


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """The changes `principal` may read (the rules: app/core/scope.py, and who reads which
    kind of record: app/core/visibility.py)."""
    hidden = sorted(kind for kind, roles in READERS.items() if principal.role not in roles)
    clause: ColumnElement[bool] = Change.resource_type.not_in(hidden) if hidden else true()
    partner_id = own_partner_id(principal)
    if partner_id is not None:
        shared = exists().where(
            ChangePartner.seq == Change.seq, ChangePartner.partner_id == partner_id
        )
        clause = and_(clause, or_(Change.resource_type.in_(visibility.every_embassy()), shared))
    return clause


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[Change]
    next_cursor: str


async def read(
    session: AsyncSession, actor: Principal, after: int, types: list[str] | None, limit: int
) -> FeedPage:
    # Every seq up to the highest committed one is committed (seq order is commit order):
    # reading up to it and resuming after it skips nothing.
    high = int(await session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0)
    if after > high:  # a cursor this feed never gave: resuming from it would skip changes
        raise invalid_query("after", f"is beyond the last committed change ({high})")
    stmt = select(Change).where(Change.seq > after, Change.seq <= high, visible_to(actor))
    if types:
        stmt = stmt.where(Change.resource_type.in_(types))
    items = list((await session.scalars(stmt.order_by(Change.seq).limit(limit))).all())
    last = items[-1].seq if len(items) == limit else max(high, after)
    return FeedPage(items, str(last))


async def wait_for_changes(
    sessionmaker: async_sessionmaker[AsyncSession],
    actor: Principal,
    after: int,
    types: list[str] | None,
    limit: int,
    wait: float,
) -> FeedPage:
    """`read`, waiting up to `wait` seconds for a first change; each look is its own short
    transaction, so a long poll holds no connection while it waits."""
    unknown = sorted(set(types or ()) - visibility.declared())
    if unknown:  # a typo would otherwise filter out every change, silently
        raise invalid_query("types", f"unknown kinds of record: {', '.join(unknown)}")
    deadline = time.monotonic() + wait
    while True:
        async with sessionmaker() as session:
            page = await read(session, actor, after, types, limit)
        left = deadline - time.monotonic()
        if page.items or left <= 0:
            return page
        after = int(page.next_cursor)
        await commits.wait(min(POLL_SECONDS, left))
