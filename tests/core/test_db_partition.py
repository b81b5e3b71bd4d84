"""A database that stops answering (a network partition, not a refused connection): requests
answer 503 + Retry-After within the statement budget, the silent connections are discarded,
and the service recovers by itself when the link returns. PostgreSQL only (a TCP link)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import PG_URL, Keys
from tests.core.apps import side_client
from tests.core.test_errors import assert_problem

PROGRAMS = "/api/v1/programs"


class Partition:
    """A loopback TCP forwarder in front of the database that can black-hole every
    connection, open or new: bytes are accepted and dropped, nothing is answered."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.cut = False
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                if self.cut:
                    continue  # swallowed: the other side waits for an answer that never comes
                writer.write(data)
                await writer.drain()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut:  # accepted, never answered (a SYN that gets lost looks the same)
            with contextlib.suppress(Exception):
                while await reader.read(65536):
                    pass
            return
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        try:
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        finally:
            for end in (up_writer, writer):
                end.close()

    async def start(self) -> None:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._tasks.add(task)
            try:
                await self._handle(reader, writer)
            finally:
                self._tasks.discard(task)

        self._server = await asyncio.start_server(handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


async def test_a_silent_database_is_503_within_the_budget_and_recovers(
    backend: str, keys: Keys
) -> None:
    if backend != "postgresql":
        pytest.skip("a network partition applies to PostgreSQL's TCP link")
    assert PG_URL is not None
    parts = urlsplit(PG_URL)
    link = Partition(parts.hostname or "127.0.0.1", parts.port or 5432)
    await link.start()
    netloc = f"{parts.username or 'postgres'}@127.0.0.1:{link.port}"
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    admin, analyst = keys.headers("admin"), keys.headers("analyst")
    connect, statement = 1.0, 1.5
    budget = connect + statement + 2  # the settings, and a little for the request itself
    try:
        async with side_client(
            url,
            db_pool_size=3,
            db_connect_timeout_seconds=connect,
            db_statement_timeout_seconds=statement,
            webhook_worker_in_serve=False,
        ) as http:
            before = await http.post(
                PROGRAMS, json={"code": "PART1", "name": "Before"}, headers=admin
            )
            assert before.status_code == 201, before.text
            link.cut = True
            for path in (PROGRAMS, f"{PROGRAMS}/PART1", PROGRAMS):
                started = time.monotonic()
                down = await http.get(path, headers=analyst)
                took = time.monotonic() - started
                assert_problem(down, 503)
                assert down.headers["retry-after"]
                assert took < budget, f"{path} answered after {took:.1f} s"
            started = time.monotonic()
            lost = await http.post(PROGRAMS, json={"code": "PART2", "name": "Lost"}, headers=admin)
            assert lost.status_code == 503 and time.monotonic() - started < budget
            link.cut = False
            back = await http.get(PROGRAMS, headers=analyst)
            assert back.status_code == 200, back.text
            codes = {p["code"] for p in back.json()["items"]}
            assert "PART1" in codes  # acknowledged before the partition: kept
            after = await http.post(
                PROGRAMS, json={"code": "PART3", "name": "After"}, headers=admin
            )
            assert after.status_code == 201, after.text
    finally:
        await link.close()
