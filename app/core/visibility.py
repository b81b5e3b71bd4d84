"""Who may read the changes of each kind of record (the change feed, webhooks): one rule per
resource type, declared beside the record's `visible_to` and registered at start
(app/visibility.py); the change recorder asks `readers`, the feed and the outbox `shared_with`.

A rule is one of three: the partner countries a record belongs to, found by a domain's
`readers_of(ids)` statement built from the same relationship as its `visible_to` (an embassy
key reads the changes of its own country's records only); every embassy (reference records any
key can GET: programs, indicators, ...); or no embassy (api keys, seeding, ...). A record gone
(deleted) keeps the readers of its last change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Executable, column, func, select, table
from sqlalchemy.orm import Session

from app.core.scope import own_country_rows
from app.core.security import Principal

logger = logging.getLogger("wps.visibility")

VisibleTo = Callable[[Principal | None], ColumnElement[bool]]
"""A domain's `visible_to`: the rows `principal` may know exist (app/core/scope.py)."""

ReadersOf = Callable[[Sequence[str]], Executable]
"""A statement giving rows (record id, partner id) for the records of these ids (as recorded:
text): the partners whose embassy keys may read their changes; a null partner reads nothing."""

# Ids per statement: a bulk import may record thousands of changes in one transaction.
CHUNK = 500
_MAX_ID = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Rule:
    readers_of: ReadersOf | None  # None: the whole type's audience, `every_embassy`
    every_embassy: bool = False


_RULES: dict[str, Rule] = {}
# The change feed's own tables (app/integrations/changes/models.py), named here since core
# imports no domain: a deleted record's readers are those of its last change.
_CHANGES = table("changes", column("seq"), column("resource_type"), column("resource_id"))
_CHANGE_PARTNERS = table("change_partners", column("seq"), column("partner_id"))


def _declare(resource_type: str, rule: Rule) -> None:
    known = _RULES.get(resource_type)
    if known is not None and known != rule:
        raise ValueError(f"{resource_type!r} already has a change readers rule")
    _RULES[resource_type] = rule


def declare(resource_type: str, readers_of: ReadersOf) -> None:
    """Changes of `resource_type` are read by the embassies of the partners `readers_of`
    finds for each record."""
    _declare(resource_type, Rule(readers_of))


def declare_every_embassy(*resource_types: str) -> None:
    """Changes of these types are read by every embassy key (records every key can GET)."""
    for resource_type in resource_types:
        _declare(resource_type, Rule(None, every_embassy=True))


def declare_no_embassy(*resource_types: str) -> None:
    """Changes of these types are read by no embassy key."""
    for resource_type in resource_types:
        _declare(resource_type, Rule(None))


def declared() -> frozenset[str]:
    """Every resource type that has a rule."""
    return frozenset(_RULES)


def every_embassy() -> frozenset[str]:
    """The resource types whose changes every embassy key reads."""
    return frozenset(t for t, rule in _RULES.items() if rule.every_embassy)


def shared_with(partner_id: int, resource_type: str, readers: frozenset[int]) -> bool:
    """Whether the embassy of `partner_id` may read a change with these readers."""
    rule = _RULES.get(resource_type)
    return partner_id in readers or (rule is not None and rule.every_embassy)


def record_ids(ids: Iterable[str]) -> list[int]:
    """The ids that name integer-keyed records (others, like an import's "import", name none)."""
    return [int(i) for i in ids if i.isdigit() and int(i) <= _MAX_ID]


def _last_readers(resource_type: str, ids: Sequence[str]) -> Executable:
    last = (
        select(func.max(_CHANGES.c.seq))
        .where(_CHANGES.c.resource_type == resource_type, _CHANGES.c.resource_id.in_(ids))
        .group_by(_CHANGES.c.resource_id)
    )
    return (
        select(_CHANGES.c.resource_id, _CHANGE_PARTNERS.c.partner_id)
        .join(_CHANGE_PARTNERS, _CHANGE_PARTNERS.c.seq == _CHANGES.c.seq)
        .where(_CHANGES.c.seq.in_(last))
    )


def _collect(
    session: Session, statement: Callable[[Sequence[str]], Executable], ids: Sequence[str]
) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for start in range(0, len(ids), CHUNK):
        rows: Iterable[Any] = session.execute(statement(ids[start : start + CHUNK]))
        for record_id, partner_id in rows:
            if partner_id is not None:
                found.setdefault(str(record_id), set()).add(int(partner_id))
    return found


def _readers_of_type(session: Session, resource_type: str, ids: list[str]) -> dict[str, set[int]]:
    rule = _RULES.get(resource_type)
    if rule is None:
        logger.warning("no change readers rule for %r: no embassy reads it", resource_type)
        return {}
    if rule.readers_of is None:
        return {}
    found = _collect(session, rule.readers_of, ids)
    gone = [i for i in ids if i not in found]
    if gone:
        found.update(_collect(session, partial(_last_readers, resource_type), gone))
    return found


def readers(session: Session, changes: Sequence[tuple[str, str]]) -> list[frozenset[int]]:
    """The partners whose embassy keys may read each (resource type, resource id) change: one
    statement per type (and chunk of ids) for the records, one for those gone. Types read by
    every embassy or none have no readers of their own (see `shared_with`)."""
    by_type: dict[str, dict[str, None]] = {}
    for resource_type, resource_id in changes:
        by_type.setdefault(resource_type, {})[resource_id] = None
    found = {
        (resource_type, resource_id): frozenset(partners)
        for resource_type, ids in by_type.items()
        for resource_id, partners in _readers_of_type(session, resource_type, list(ids)).items()
    }
    return [found.get(change, frozenset()) for change in changes]


def owned(key: Any, partner: Any) -> ReadersOf:
    """`readers_of` for records that name their partner in a column of their own: `key` is
    the column the change records (an id or a code), `partner` the partner's id."""
    by_number = key.type.python_type is int

    def readers_of(ids: Sequence[str]) -> Executable:
        keys: Sequence[object] = record_ids(ids) if by_number else ids
        return select(key, partner).where(key.in_(keys))

    return readers_of


def country_owned(key: Any, partner: Any) -> tuple[VisibleTo, ReadersOf]:
    """`visible_to` and `readers_of` of a record type that names its country in a column of its
    own (`partner`, the partner's id; `key`, the column its changes record): an embassy key
    reads its own country's records and their changes, other keys all of them. Both come from
    the one column, so what a key may GET and which changes it is sent cannot drift apart."""

    def visible_to(principal: Principal | None) -> ColumnElement[bool]:
        return own_country_rows(principal, partner)

    return visible_to, owned(key, partner)
