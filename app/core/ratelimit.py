"""Per-key request budgets per minute: in process memory, or shared in Redis when configured."""

from __future__ import annotations

import logging
import math
import time
from typing import Protocol

from app.core.errors import TooManyRequests

WINDOW_SECONDS = 60
# How long a request waits for Redis before it is counted in process memory instead, and how
# long the process then keeps counting there before it tries Redis again.
REDIS_TIMEOUT_SECONDS = 1.0
REDIS_RETRY_SECONDS = 5.0

logger = logging.getLogger("wps.ratelimit")


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


# The window is read from the Redis server's clock, not each replica's: replicas whose clocks
# disagree (other machines) still count in the same window. KEYS[1]: the bucket's key prefix;
# ARGV[1]: the window's length; ARGV[2]: 1 to count this request, 0 to look only. Answers the
# count and the seconds left in the window (as text: Lua numbers become integers in replies).
_WINDOW_SCRIPT = """
local now = redis.call('TIME')
local seconds = tonumber(now[1]) + tonumber(now[2]) / 1000000
local length = tonumber(ARGV[1])
local window = math.floor(seconds / length)
local key = KEYS[1] .. ':' .. window
local count
if ARGV[2] == '1' then
  count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, length * 2) end
else
  count = tonumber(redis.call('GET', key) or '0')
end
return {count, tostring((window + 1) * length - seconds)}
"""


class RedisRateLimiter:
    """The same windows kept in Redis, so every replica shares one budget per key, timed by
    the Redis server's clock (one script per request: one round trip). While Redis does not
    answer, each process counts in its own memory (as without Redis) rather than refuse or
    hold requests, and tries Redis again every few seconds."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis  # optional dependency: pip install 'wps-tracker[redis]'
        from redis.exceptions import RedisError

        self._redis = redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
        self._window = self._redis.register_script(_WINDOW_SCRIPT)
        self._failures: tuple[type[Exception], ...] = (RedisError, OSError)
        self._fallback = MemoryRateLimiter()
        self._retry_at: float | None = None  # while Redis is out: when to try it again

    async def _count(self, bucket: str, spend: bool) -> tuple[int, float] | None:
        """The bucket's count in this window and the seconds left, or None while Redis is out."""
        if self._retry_at is not None and time.monotonic() < self._retry_at:
            return None
        try:
            count, left = await self._window(
                keys=[f"wps:rl:{bucket}"], args=[WINDOW_SECONDS, 1 if spend else 0]
            )
        except self._failures as error:
            if self._retry_at is None:
                logger.warning(
                    "Redis does not answer: rate limits are counted in this process until it does",
                    extra={"error": type(error).__name__},
                )
            self._retry_at = time.monotonic() + REDIS_RETRY_SECONDS
            return None
        if self._retry_at is not None:
            logger.warning("Redis answers again: rate limits are shared again")
            self._retry_at = None
        return int(count), float(left)

    async def hit(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        found = await self._count(bucket, spend=True)
        if found is None:
            return await self._fallback.hit(bucket, limit, detail)
        count, left = found
        if count > limit:
            raise _refuse(left, detail)

    async def check(self, bucket: str, limit: int, detail: str = PER_KEY) -> None:
        found = await self._count(bucket, spend=False)
        if found is None:
            return await self._fallback.check(bucket, limit, detail)
        count, left = found
        if count >= limit:
            raise _refuse(left, detail)

    def reset(self) -> None:
        self._fallback.reset()


def create_rate_limiter(redis_url: str | None) -> RateLimiter:
    return RedisRateLimiter(redis_url) if redis_url else MemoryRateLimiter()
