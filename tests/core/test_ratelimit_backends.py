"""Rate-limit windows, in memory and in Redis (shared between replicas)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import ratelimit
from app.core.errors import TooManyRequests
from app.core.ratelimit import MemoryRateLimiter, RedisRateLimiter, create_rate_limiter
from tests.live import free_port
from tests.ops.processes import redis_server

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """WPS_TEST_REDIS_URL's database or a private redis-server (CI fails without either)."""
    workdir: Path = tmp_path_factory.mktemp("redis")
    with redis_server(workdir) as url:
        yield url


async def test_memory_limiter_refuses_after_the_budget_with_retry_after() -> None:
    limiter = MemoryRateLimiter()
    for _ in range(3):
        await limiter.hit("all:1", 3)
    with pytest.raises(TooManyRequests) as refused:
        await limiter.hit("all:1", 3)
    assert 1 <= int(refused.value.extra_headers["Retry-After"]) <= 60
    await limiter.hit("all:2", 3)  # another key has its own budget
    limiter.reset()
    await limiter.hit("all:1", 3)


def test_redis_is_chosen_only_when_configured() -> None:
    assert isinstance(create_rate_limiter(None), MemoryRateLimiter)
    assert isinstance(create_rate_limiter(REDIS_URL), RedisRateLimiter)


async def test_replicas_share_one_budget_in_redis(redis_url: str) -> None:
    first, second = RedisRateLimiter(redis_url), RedisRateLimiter(redis_url)
    bucket = f"all:{uuid.uuid4().hex}"
    await first.hit(bucket, 2)
    await second.hit(bucket, 2)
    with pytest.raises(TooManyRequests) as refused:
        await first.hit(bucket, 2)
    assert int(refused.value.extra_headers["Retry-After"]) >= 1


class _AMinuteAhead:
    """A replica's clock a window ahead of the others'."""

    @staticmethod
    def time() -> float:
        return time.time() + 60


async def test_replicas_with_clocks_apart_share_one_window(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window is the Redis server's: a replica whose clock is a minute off still spends
    the same budget (with each replica's own clock, it would count in another window)."""
    first, second = RedisRateLimiter(redis_url), RedisRateLimiter(redis_url)
    bucket = f"all:{uuid.uuid4().hex}"
    await first.hit(bucket, 2)
    monkeypatch.setattr(ratelimit, "time", _AMinuteAhead)
    await second.hit(bucket, 2)
    with pytest.raises(TooManyRequests) as refused:
        await second.check(bucket, 2)
    monkeypatch.undo()
    with pytest.raises(TooManyRequests):
        await first.hit(bucket, 2)
    assert 1 <= int(refused.value.extra_headers["Retry-After"]) <= 60


async def test_while_redis_is_out_each_process_counts_on_its_own(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A Redis that does not answer neither stops the service (no 500, no hang) nor lifts the
    limits: the process counts in its memory, says so once, and goes back to Redis later."""
    monkeypatch.setattr(ratelimit, "REDIS_RETRY_SECONDS", 0.3)
    limiter = RedisRateLimiter(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    bucket = f"all:{uuid.uuid4().hex}"
    with caplog.at_level("WARNING", logger="wps.ratelimit"):
        for _ in range(3):
            await limiter.hit(bucket, 3)
        with pytest.raises(TooManyRequests):
            await limiter.hit(bucket, 3)
        with pytest.raises(TooManyRequests):
            await limiter.check(bucket, 3)
        tried: list[str] = []

        async def answering(keys: list[str], args: list[object]) -> list[object]:
            tried.append(keys[0])
            return [1, "30.0"]

        monkeypatch.setattr(limiter, "_window", answering)  # Redis is back
        with pytest.raises(TooManyRequests):
            await limiter.hit(bucket, 3)  # not asked again before the pause ends
        assert tried == []
        await asyncio.sleep(0.35)
        await limiter.hit(bucket, 3)  # counted in Redis again
        assert tried == [f"wps:rl:{bucket}"]
    assert [r.message for r in caplog.records] == [
        "Redis does not answer: rate limits are counted in this process until it does",
        "Redis answers again: rate limits are shared again",
    ]
