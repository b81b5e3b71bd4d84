"""Per-key request budgets per minute: in process memory, or shared in Redis when configured."""

from __future__ import annotations

import math
import time
from typing import Protocol

from app.core.errors import TooManyRequests

WINDOW_SECONDS = 60


PER_KEY = "rate limit exceeded for this API key; retry later"


class RateLimiter(Protocol):
    async def hit(self, bucket: str, limit: int, detail: str = PER_KEY) -> None: ...

    async def check(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        """Refuse as `hit` would once the budget is spent, without spending any."""

    def reset(self) -> None: ...


def _refuse(retry_after: float, detail: str) -> TooManyRequests:
    return TooManyRequests(
        detail,
        headers={"Retry-After": str(max(1, math.ceil(retry_after)))},
    )


class MemoryRateLimiter:
    """Fixed one-minute windows; each replica counts on its own."""

    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, int]] = {}

    def _count(self, bucket: str, window: int) -> int:
        start, count = self._windows.get(bucket, (window, 0))
        return count if start == window else 0

    async def hit(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        count = self._count(bucket, window)
        if count >= limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now, detail)
        self._windows[bucket] = (window, count + 1)
        if len(self._windows) > 100_000:
            self._windows = {k: v for k, v in self._windows.items() if v[0] == window}

    async def check(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        if self._count(bucket, window) >= limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now, detail)

    def reset(self) -> None:
        self._windows.clear()


class RedisRateLimiter:
    """The same windows kept in Redis, so every replica shares one budget per key."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis  # optional dependency: pip install 'wps-tracker[redis]'

        self._redis = redis.from_url(url)

    async def hit(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = f"wps:rl:{bucket}:{window}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, WINDOW_SECONDS * 2)
            count, _ = await pipe.execute()
        if int(count) > limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now, detail)

    async def check(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        count = await self._redis.get(f"wps:rl:{bucket}:{window}")
        if count is not None and int(count) >= limit:
            raise _refuse((window + 1) * WINDOW_SECONDS - now, detail)

    def reset(self) -> None:  # pragma: no cover - counters expire on their own
        pass


def create_rate_limiter(redis_url: str | None) -> RateLimiter:
    return RedisRateLimiter(redis_url) if redis_url else MemoryRateLimiter()
