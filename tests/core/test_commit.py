"""The commit step (app/core/commit.py): the one statement and the step-by-step path write the
same rows, and a commit that would drop noted work fails."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import AUDIT_EVENTS
from app.audit.writer import record
from app.core import commit, driver
from app.integrations.changes.models import CHANGE_PARTNERS, CHANGES
from app.integrations.webhooks.models import MESSAGES
from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

WEBHOOKS = "/api/v1/webhooks"


async def _written(session: AsyncSession, training_id: int) -> dict[str, Any]:
    """What the commit step wrote for one training's creation, without ids and instants."""
    audit = (
        await session.execute(
            select(AUDIT_EVENTS.c.action, AUDIT_EVENTS.c.changed_fields).where(
                AUDIT_EVENTS.c.resource_type == "training",
                AUDIT_EVENTS.c.resource_id == str(training_id),
            )
        )
    ).all()
    (seq, action, fields) = (
        await session.execute(
            select(CHANGES.c.seq, CHANGES.c.action, CHANGES.c.changed_fields).where(
                CHANGES.c.resource_type == "training", CHANGES.c.resource_id == str(training_id)
            )
        )
    ).one()
    readers = (
        await session.scalars(
            select(CHANGE_PARTNERS.c.partner_id).where(CHANGE_PARTNERS.c.seq == seq)
        )
    ).all()
    messages = (
        await session.scalars(select(MESSAGES.c.event_type).where(MESSAGES.c.seq == seq))
    ).all()
    await session.rollback()  # SQLite: the read's transaction holds the write lock
    return {
        "audit": [tuple(row) for row in audit],
        "change": (action, fields),
        "readers": sorted(readers),
        "messages": list(messages),
        "seq": seq,
    }


async def test_one_statement_and_step_by_step_write_the_same_rows(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = keys.headers("admin")
    hook = {"url": "https://hooks.example.org/x", "events": ["training.created"]}
    assert (await client.post(WEBHOOKS, json=hook, headers=admin)).status_code == 201
    written = []
    for ref, one in (("ONE-STATEMENT", True), ("STEP-BY-STEP", False)):
        # PostgreSQL takes both paths; SQLite only the second (asserted below).
        if one and not driver.one_round_trip(session):
            one = False
        monkeypatch.setattr(driver, "one_round_trip", lambda _target, one=one: one)
        body = training(
            external_ref=ref,
            host_country="GHA",
            participants=[{"partner": "KE", "women": 2, "men": 1}],
        )
        created = await client.post(TRAININGS, json=body, headers=admin)
        assert created.status_code == 201, created.text
        written.append(await _written(session, created.json()["id"]))
    monkeypatch.undo()
    first, second = written
    assert second["seq"] == first["seq"] + 1  # numbered in commit order, no gap
    for found in written:
        found.pop("seq")
    assert first == second
    assert first["audit"] == [("create", first["audit"][0][1])] and first["audit"][0][1]
    assert first["messages"] == ["training.created"]
    assert len(first["readers"]) == 2  # the host's and the participant's embassies


async def test_a_commit_that_would_drop_noted_work_fails(session: AsyncSession) -> None:
    record(session, None, "seed", "reference_data", "-")
    with pytest.raises(RuntimeError, match=r"commit\.finish"):
        await session.commit()
    await session.rollback()
    commit.rolled_back(session)
    await commit.commit(session)  # nothing left to write


async def test_every_part_writes_before_the_change_counter_is_locked(
    backend: str, session: AsyncSession
) -> None:
    # PostgreSQL runs a data-modifying CTE the statement does not read after all the rest, so
    # each part's result reads its writes, in the participants' order: the rollup's sums and
    # the audit rows are written (their row locks taken) before the counter's row is locked.
    if backend == "sqlite":
        pytest.skip("SQLite runs each participant's part on its own, in order")
    stmt = commit._one_statement(session, commit.participants())
    assert session.bind is not None
    sql = str(stmt.compile(dialect=session.bind.dialect))
    main = sql[sql.rindex("SELECT (SELECT") :]  # the statement's own SELECT, after its CTEs
    read = ["FROM reply", "FROM rollup_women_trained_rollup", "FROM audit", "FROM bump"]
    places = [main.find(name) for name in read]
    assert -1 not in places, main
    assert places == sorted(places)
