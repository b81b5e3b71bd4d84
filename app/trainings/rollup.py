"""The women-trained rollup: participant sums per group, adjusted in the writing transaction.

Every write computes the contributions a training makes before and after the change and
applies the difference with one upsert, so the report reads a table whose size depends on
the number of groups, not on the number of participant rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.rollup import Adjustment, Sums
from app.trainings.models import (
    ALL_TOPICS,
    ROLLUP,
    Participant,
    Training,
    TrainingTopic,
    WomenTrainedRollup,
)

# (topic, fiscal_year, program_id, partner_id, kind) → [women, men, unreported, participant_rows]
Key = tuple[str, int, int, int, str]
Deltas = dict[Key, list[int]]
# A group whose last participant row went is deleted.
SUMS = Sums(
    ROLLUP,
    ("topic", "fiscal_year", "program_id", "partner_id", "kind"),
    ("women", "men", "unreported", "participant_rows"),
    empty=lambda table: table.c.participant_rows <= 0,
    check=lambda sums: sums[3] < 0,
)
# Sums that only grow are added by the commit statement (registered in app/transactions.py).
ADJUSTMENT = Adjustment(SUMS)


def add(
    deltas: Deltas,
    *,
    fiscal_year: int,
    program_id: int,
    kind: str,
    topics: Iterable[str],
    participants: Iterable[tuple[int, int, int, int]],
    sign: int = 1,
) -> None:
    """Add (sign=1) or take away (sign=-1) what one training contributes to the rollup."""
    topic_keys = [ALL_TOPICS, *topics]
    for partner_id, women, men, unreported in participants:
        for topic in topic_keys:
            sums = deltas[(topic, fiscal_year, program_id, partner_id, str(kind))]
            sums[0] += sign * women
            sums[1] += sign * men
            sums[2] += sign * unreported
            sums[3] += sign


def add_training(deltas: Deltas, training: Training, sign: int = 1) -> None:
    """A loaded training's contribution (participants and topics must be loaded)."""
    add(
        deltas,
        fiscal_year=training.fiscal_year,
        program_id=training.program_id,
        kind=training.kind,
        topics=[t.topic for t in training.topics],
        participants=[(p.partner_id, p.women, p.men, p.unreported) for p in training.participants],
        sign=sign,
    )


async def apply(session: AsyncSession, deltas: Deltas) -> None:
    """Upsert the non-zero deltas; a group whose last participant row went is deleted."""
    await SUMS.apply(session, deltas)


def from_records_query(*where: ColumnElement[bool]):  # type: ignore[no-untyped-def]
    """The rollup as a GROUP BY over the base tables: for checks and for rebuilding it;
    `where`: of the participant rows and trainings matching these conditions alone."""
    p, t, tt = Participant, Training, TrainingTopic
    sums = (
        func.sum(p.women).label("women"),
        func.sum(p.men).label("men"),
        func.sum(p.unreported).label("unreported"),
        func.count().label("participant_rows"),
    )
    every = (
        select(
            literal(ALL_TOPICS).label("topic"), t.fiscal_year, t.program_id, p.partner_id, t.kind
        )
        .add_columns(*sums)
        .join(t, t.id == p.training_id)
        .where(*where)
        .group_by(t.fiscal_year, t.program_id, p.partner_id, t.kind)
    )
    per_topic = (
        select(tt.topic, t.fiscal_year, t.program_id, p.partner_id, t.kind)
        .add_columns(*sums)
        .join(t, t.id == p.training_id)
        .join(tt, tt.training_id == t.id)
        .where(*where)
        .group_by(tt.topic, t.fiscal_year, t.program_id, p.partner_id, t.kind)
    )
    return union_all(every, per_topic)


async def from_records(session: AsyncSession) -> dict[Key, tuple[int, int, int, int]]:
    rows = (await session.execute(from_records_query())).all()
    return {tuple(r[:5]): tuple(int(v) for v in r[5:]) for r in rows}  # type: ignore[misc]


async def stored(session: AsyncSession) -> dict[Key, tuple[int, int, int, int]]:
    rows = await SUMS.rows(session)
    return {tuple(row[:5]): tuple(int(v) for v in row[5:]) for row in rows}  # type: ignore[misc]


async def rebuild(session: AsyncSession) -> None:
    """Recompute the whole rollup from the records (repair tool; normal writes never need it)."""
    await SUMS.rebuild(session, select(from_records_query().subquery()))


async def trained_by_fiscal_year(
    session: AsyncSession, filters: list[ColumnElement[bool]], topic: str | None = None
) -> dict[int, tuple[int, int, int]]:
    """Women, men and all participants per fiscal year of the rollup rows `filters` select
    (from `app.core.rollup.matching`): each training once, or under the one topic asked for."""
    r = WomenTrainedRollup
    stmt = (
        select(
            r.fiscal_year,
            func.sum(r.women),
            func.sum(r.men),
            func.sum(r.women + r.men + r.unreported),
        )
        .where(r.topic == (topic or ALL_TOPICS), *filters)
        .group_by(r.fiscal_year)
    )
    return {
        year: (int(women), int(men), int(total))
        for year, women, men, total in await session.execute(stmt)
    }
