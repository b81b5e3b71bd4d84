"""Per-key request budgets per minute: in process memory, or shared in Redis when configured."""

from __future__ import annotations

import math
import time
from typing import Protocol

from app.core.errors import TooManyRequests

WINDOW_SECONDS = 60


class RateLimiter(Protocol):
    async def hit(self, bucket: str, limit: int) -> None: ...

    def reset(self) -> None: ...


def _refuse(retry_after: float) -> TooManyRequests:
    return TooManyRequests(
        "rate limit exceeded for this API key; retry later",
        headers={"Retry-After": str(max(1, math.ceil(retry_after)))},
    )


class MemoryRateLimiter:
    """Fixed one-minute windows; each replica counts on its own."""

    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, int]] = {}

    async def hit(self, bucket: str, limit: int) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        start, count = self._windows.get(bucket, (window, 0))
        if start != window:
            start, count = window, 0
        if count >= limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now)
        self._windows[bucket] = (start, count + 1)
        if len(self._windows) > 100_000:
            self._windows = {k: v for k, v in self._windows.items() if v[0] == window}

    def reset(self) -> None:
        self._windows.clear()


class RedisRateLimiter:
    """The same windows kept in Redis, so every replica shares one budget per key."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis  # optional dependency: pip install 'wps-tracker[redis]'

        self._redis = redis.from_url(url)

    async def hit(self, bucket: str, limit: int) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = f"wps:rl:{bucket}:{window}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, WINDOW_SECONDS * 2)
            count, _ = await pipe.execute()
        if int(count) > limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now)

    def reset(self) -> None:  # pragma: no cover - counters expire on their own
        pass


def create_rate_limiter(redis_url: str | None) -> RateLimiter:
    return RedisRateLimiter(redis_url) if redis_url else MemoryRateLimiter()
