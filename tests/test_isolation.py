"""The harness: every table is reference or activity data, and the reset before each test
leaves exactly the seeded reference rows, empty activity tables and restarted ids."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import func, select, text

from app.apikeys.service import create_key
from app.core.commit import transaction
from app.core.security import Role
from app.models import Base
from tests.conftest import (
    ACTIVITY_TABLES,
    HISTORY,
    REFERENCE_TABLES,
    Keys,
    Seeded,
    read_rows,
    reset_database,
    unclassified_tables,
)


def test_every_table_is_reference_or_activity_data() -> None:
    assert unclassified_tables() == set()
    assert set(Base.metadata.tables) == REFERENCE_TABLES | ACTIVITY_TABLES | HISTORY


async def _state(app: object) -> tuple[dict[str, object], dict[str, int]]:
    async with transaction(app.state.sessionmaker) as session:  # type: ignore[attr-defined]
        reference = {
            t.name: await read_rows(session, t)
            for t in Base.metadata.sorted_tables
            if t.name in REFERENCE_TABLES
        }
        activity = {
            t.name: int(await session.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
            if t.name in ACTIVITY_TABLES
        }
    return reference, activity


@pytest.mark.parametrize("full", [False, True], ids=["restore", "full"])
async def test_reset_undoes_what_a_test_did(
    app: object, seeded: Seeded, client: httpx.AsyncClient, keys: Keys, full: bool
) -> None:
    state = app.state  # type: ignore[attr-defined]
    admin = keys.headers("admin")
    assert await _state(app) != (seeded.rows, dict.fromkeys(ACTIVITY_TABLES, 0))  # the keys

    program = await client.post(
        "/api/v1/programs", json={"code": "PKO-X", "name": "Extra", "outcomes": [1]}, headers=admin
    )
    assert program.status_code == 201, program.text
    member = await client.post(
        "/api/v1/partners/KEN/memberships",
        json={"program": "PKO-X", "start_date": "2020-01-01"},
        headers=admin,
    )
    assert member.status_code == 201, member.text
    async with transaction(state.sessionmaker) as session:
        # Edits that bump no version, a seeded row removed and a seeded row repointed.
        await session.execute(text("UPDATE partners SET name = 'Edited' WHERE code = 'KEN'"))
        await session.execute(text("DELETE FROM outcomes WHERE number = 3"))
        await session.execute(
            text(
                "UPDATE indicators SET program_id = (SELECT id FROM programs WHERE code = 'PKO-X')"
            )
        )
        key_ids = [(await create_key(session, None, name="x", role=Role.analyst))[0].id]

    await reset_database(state, seeded, full=full)
    reference, activity = await _state(app)
    assert reference == seeded.rows
    assert activity == dict.fromkeys(ACTIVITY_TABLES, 0)

    # Ids start again where seeding left them (tests may assert them).
    programs = seeded.rows["programs"]
    async with transaction(state.sessionmaker) as session:
        key_ids.append((await create_key(session, None, name="y", role=Role.analyst))[0].id)
    again = await client.post(
        "/api/v1/programs", json={"code": "PKO-Y", "name": "Extra", "outcomes": [1]}, headers=admin
    )
    assert again.status_code == 201, again.text
    async with state.sessionmaker() as session:
        new_id = await session.scalar(text("SELECT id FROM programs WHERE code = 'PKO-Y'"))
    assert new_id == max(programs) + 1
    assert key_ids[1] == 1 and key_ids[0] > 1


@pytest.fixture
def before_reset() -> datetime:
    return datetime.now(UTC)


@pytest.mark.full_reset
async def test_full_reset_marker_seeds_again(
    before_reset: datetime, seeded: Seeded, client: httpx.AsyncClient, keys: Keys
) -> None:
    seeding = [e for e in seeded.rows["audit_events"].values() if e["action"] == "seed"]
    assert seeding and all(e["occurred_at"] >= before_reset for e in seeding)
    events = await client.get(
        "/api/v1/audit-events", params={"action": "seed"}, headers=keys.headers("admin")
    )
    assert len(events.json()["items"]) == len(seeding)
