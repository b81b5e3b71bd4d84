"""A key revoked while other requests hammer it stops working as soon as the 204 is sent."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.apikeys.models import ApiKey
from app.core.security import hash_secret
from tests.conftest import Keys
from tests.core.apps import client_for, running_app

PROGRAMS = "/api/v1/programs"


class SlowCommit(AsyncSession):
    async def commit(self) -> None:
        await asyncio.sleep(0.05)
        await super().commit()


async def test_no_request_started_after_the_204_is_accepted(
    database_url: str, keys: Keys, session: AsyncSession
) -> None:
    key_id = await session.scalar(
        select(ApiKey.id).where(ApiKey.key_hash == hash_secret(keys["analyst"]))
    )
    await session.rollback()
    async with (
        running_app(
            database_url, rate_limit_per_minute=10**6, auth_failures_per_minute=10**6
        ) as application,
        client_for(application) as http,
    ):
        if not application.state.settings.is_sqlite:
            # A loaded database: commits take a while, and so does the way from lookup to
            # cache. (SQLite needs no help: its transactions hold the write lock, and slowing
            # them only queues the hammering requests past the busy timeout.)
            application.state.sessionmaker = async_sessionmaker(
                application.state.engine, class_=SlowCommit, expire_on_commit=False, autoflush=False
            )
            lookup = application.state.load_principal

            async def slow_lookup(db: AsyncSession, key_hash: str) -> Any:
                found = await lookup(db, key_hash)
                await asyncio.sleep(0.02)
                return found

            application.state.load_principal = slow_lookup
        analyst = keys.headers("analyst")
        admin = keys.headers("admin")
        answers: list[tuple[float, int]] = []
        stop = asyncio.Event()

        async def hammer() -> None:
            while not stop.is_set():
                started = time.monotonic()
                response = await http.get(PROGRAMS, headers=analyst)
                answers.append((started, response.status_code))
                await asyncio.sleep(0)

        workers = [asyncio.create_task(hammer()) for _ in range(8)]
        await asyncio.sleep(0.2)
        etag = (await http.get(f"/api/v1/api-keys/{key_id}", headers=admin)).headers["etag"]
        revoked = await http.delete(
            f"/api/v1/api-keys/{key_id}", headers={**admin, "If-Match": etag}
        )
        revoked_at = time.monotonic()
        assert revoked.status_code == 204, revoked.text
        await asyncio.sleep(0.4)
        stop.set()
        await asyncio.gather(*workers)

    before = [status for started, status in answers if started < revoked_at]
    after = [status for started, status in answers if started > revoked_at]
    assert 200 in before  # the key worked while it was live
    assert after, "no request started after the revocation"
    assert after.count(200) == 0, f"{after.count(200)} of {len(after)} accepted after the 204"
    assert set(after) == {401}
