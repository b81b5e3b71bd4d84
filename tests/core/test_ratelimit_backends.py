"""Rate-limit windows, in memory and in Redis (shared between replicas)."""

from __future__ import annotations

import socket
import uuid

import pytest

from app.core.errors import TooManyRequests
from app.core.ratelimit import MemoryRateLimiter, RedisRateLimiter, create_rate_limiter

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


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


@pytest.mark.skipif(not redis_reachable(), reason="no Redis server on 127.0.0.1:6379")
async def test_replicas_share_one_budget_in_redis() -> None:
    first, second = RedisRateLimiter(REDIS_URL), RedisRateLimiter(REDIS_URL)
    bucket = f"all:{uuid.uuid4().hex}"
    await first.hit(bucket, 2)
    await second.hit(bucket, 2)
    with pytest.raises(TooManyRequests) as refused:
        await first.hit(bucket, 2)
    assert int(refused.value.extra_headers["Retry-After"]) >= 1
