"""The pieces of a several-process deployment for tests: a Redis server, a scratch PostgreSQL
database, and `wps serve` / `wps worker` processes started, watched and killed."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from tests.live import ROOT, free_port

# CI sets it (.ci/run): there a missing Redis fails the test instead of skipping it.
REQUIRE_REDIS = "WPS_TEST_REQUIRE_REDIS"
# A Redis database the tests may empty (e.g. redis://127.0.0.1:6379/13); when unset, the tests
# start a redis-server of their own on a free port, if Debian's `redis-server` is installed.
REDIS_URL = "WPS_TEST_REDIS_URL"


def _missing_redis(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_REDIS):
        pytest.fail(f"{reason} ({REQUIRE_REDIS} is set: CI needs Redis)")
    pytest.skip(reason)


def _ping(url: str, deadline: float) -> bool:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=1)
    try:
        while True:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)
    finally:
        client.close()


def _worker_database(url: str | None) -> str | None:
    """WPS_TEST_REDIS_URL's database for this pytest-xdist worker: the given number plus the
    worker's (gw1 empties the next database, never gw0's while gw0 uses it); None (a private
    server) past Redis's 16 databases."""
    if not url:
        return None
    given = make_url(url)
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    number = int(given.database or 0) + worker
    return url if worker == 0 else (None if number > 15 else str(given.set(database=str(number))))


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """A Redis URL for a test alone: WPS_TEST_REDIS_URL's database, emptied first, or else a
    private redis-server (no persistence) stopped afterwards."""
    import redis

    given = _worker_database(os.environ.get(REDIS_URL))
    if given:
        if not _ping(given, time.monotonic() + 2):
            _missing_redis(f"{REDIS_URL}={given} does not answer")
        client = redis.Redis.from_url(given)
        client.flushdb()
        client.close()
        yield given
        return
    binary = shutil.which("redis-server")
    if binary is None:
        _missing_redis(
            f"no redis-server installed (apt-get install redis-server) and no {REDIS_URL}"
        )
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - Debian's redis-server
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        if not _ping(url, time.monotonic() + 10):
            pytest.fail(f"redis-server on port {port} did not answer")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def scratch_postgres(base_url: str, suffix: str) -> Iterator[str]:
    """A database of its own beside `base_url`'s (`<name>_<suffix>`), dropped afterwards."""
    url = make_url(base_url)
    name = f"{url.database}_{suffix}"
    asyncio.run(_statement(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_statement(base_url, f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_statement(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _statement(url: str, sql: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


@dataclass
class Process:
    """One `wps` process, its output in files (a pipe nobody reads would block it)."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    base_url: str | None = None
    alive: bool = True

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, in-flight requests cut."""
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=10)
        self.alive = False

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@dataclass
class Deployment:
    env: dict[str, str]
    workdir: Path
    processes: list[Process] = field(default_factory=list)

    def start(self, name: str, *args: str, port: int | None = None) -> Process:
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(  # noqa: S603 - our own CLI
                [sys.executable, "-m", "app.cli", *args],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        found = Process(name, popen, log, f"http://127.0.0.1:{port}" if port else None)
        self.processes.append(found)
        return found

    def run(self, name: str, *args: str) -> None:
        """A `wps` command run to its end (it must succeed), not kept among the processes."""
        found = self.start(name, *args)
        self.processes.remove(found)
        assert found.popen.wait(timeout=120) == 0, found.output()

    def serve(self, name: str) -> Process:
        port = free_port()
        return self.start(name, "serve", "--no-migrate", "--port", str(port), port=port)

    def wait_healthy(self, deadline_seconds: float = 90) -> None:
        deadline = time.monotonic() + deadline_seconds
        for process in self.processes:
            while process.base_url is not None:
                if process.popen.poll() is not None:
                    raise RuntimeError(f"{process.name} exited: {process.output()}")
                with suppress(httpx.TransportError):
                    if httpx.get(f"{process.base_url}/readyz", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{process.name} not ready: {process.output()}")
                time.sleep(0.2)
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} exited: {process.output()}")

    def stop(self) -> None:
        for process in self.processes:
            if process.popen.poll() is None:
                process.popen.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.popen.kill()
                process.popen.wait()
