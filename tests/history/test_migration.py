"""Upgrading a database that holds records to the point-in-time revision changes no figure:
every report answers the same after the upgrade, now and as known before it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from alembic.script import ScriptDirectory

from app.cli import alembic_config, migrate
from app.core.commit import transaction
from app.seed import seed_reference_data
from tests.conftest import make_keys
from tests.core.apps import client_for, running_app
from tests.core.test_migrations import scratch_url  # noqa: F401 - the fixture
from tests.history.test_every_report import (
    answers,
    delete_every_kind,
    edit_every_kind,
    write_every_kind,
)
from tests.history.test_point_in_time import instant

HISTORY = "0016"
# The revision just before history. The app's code of today writes tables added after it (the
# report rollups), so the records are written at the head, then the database is taken down to
# this revision (dropping the history and the rollups) and upgraded again: the upgrade starts
# history and fills the rollups from the records.
BEFORE_HISTORY = ScriptDirectory.from_config(alembic_config()).get_revision(HISTORY).down_revision


async def test_upgrade_keeps_every_report_identical(scratch_url: str) -> None:  # noqa: F811
    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    async with running_app(scratch_url) as application, client_for(application) as client:
        async with transaction(application.state.sessionmaker) as session:
            await seed_reference_data(session)
            keys = await make_keys(session)
        written = await write_every_kind(client, keys)
        await edit_every_kind(client, keys, written)
        before = await answers(client, keys)
    await asyncio.to_thread(migrate, BEFORE_HISTORY, downgrade=True, database_url=scratch_url)
    known_before_upgrade = await instant()

    await asyncio.to_thread(migrate, "heads", database_url=scratch_url)
    async with running_app(scratch_url) as application, client_for(application) as client:
        assert await answers(client, keys) == before
        assert await answers(client, keys, known_before_upgrade) == before
        assert await answers(client, keys, datetime.now(UTC).isoformat()) == before
        # From here on the history is kept: later deletions are seen now, not as known before.
        await asyncio.sleep(0.01)
        await delete_every_kind(client, keys, written)
        assert await answers(client, keys) != before
        assert await answers(client, keys, known_before_upgrade) == before
