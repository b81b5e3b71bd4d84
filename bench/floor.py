"""The raw floor: Starlette + asyncpg + orjson serving the benchmark's queries by hand.

No auth, no validation beyond int(), no ORM: what the service is measured against.

    WPS_DATABASE_URL=postgresql://... .venv/bin/uvicorn bench.floor:app --port 8102
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DSN = os.environ["WPS_DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")
POOL_SIZE = int(os.environ.get("WPS_DB_POOL_SIZE", "20"))

LIST_SQL = """
SELECT t.id, p.code AS program, t.title, t.kind, t.start_date, t.end_date, t.fiscal_year,
       h.code AS host_country, t.location, t.delivery, t.hours, t.external_ref,
       t.created_at, t.updated_at
FROM trainings t JOIN programs p ON p.id = t.program_id
LEFT JOIN partners h ON h.id = t.host_country_id
WHERE p.code = $1 AND t.fiscal_year = $2
ORDER BY t.start_date DESC, t.id DESC LIMIT $3
"""
GET_SQL = """
SELECT t.id, p.code AS program, t.title, t.kind, t.start_date, t.end_date, t.fiscal_year,
       h.code AS host_country, t.location, t.delivery, t.hours, t.external_ref,
       t.created_at, t.updated_at
FROM trainings t JOIN programs p ON p.id = t.program_id
LEFT JOIN partners h ON h.id = t.host_country_id
WHERE t.id = $1
"""
PARTICIPANTS_SQL = """
SELECT tp.training_id, pa.code, tp.women, tp.men, tp.unreported
FROM training_participants tp JOIN partners pa ON pa.id = tp.partner_id
WHERE tp.training_id = ANY($1::bigint[]) ORDER BY tp.training_id, pa.code
"""
TOPICS_SQL = """
SELECT training_id, topic FROM training_topics
WHERE training_id = ANY($1::bigint[]) ORDER BY training_id, topic
"""
REPORT_SQL = """
SELECT p.code AS program, t.fiscal_year, sum(tp.women) AS women, sum(tp.men) AS men,
       sum(tp.unreported) AS unreported
FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
JOIN programs p ON p.id = t.program_id
GROUP BY p.code, t.fiscal_year ORDER BY p.code, t.fiscal_year
"""


async def _items(conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    parts: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    topics: dict[int, list[str]] = {i: [] for i in ids}
    for tid, code, women, men, unreported in await conn.fetch(PARTICIPANTS_SQL, ids):
        parts[tid].append(
            {
                "partner": code,
                "women": women,
                "men": men,
                "unreported": unreported,
                "total": women + men + unreported,
            }
        )
    for tid, topic in await conn.fetch(TOPICS_SQL, ids):
        topics[tid].append(topic)
    items = []
    for r in rows:
        item = dict(r)
        ps = parts[r["id"]]
        women = sum(p["women"] for p in ps)
        men = sum(p["men"] for p in ps)
        unreported = sum(p["unreported"] for p in ps)
        item["topics"] = topics[r["id"]]
        item["participants"] = ps
        item["totals"] = {
            "women": women,
            "men": men,
            "unreported": unreported,
            "total": women + men + unreported,
        }
        items.append(item)
    return items


async def list_trainings(request: Request) -> Response:
    program = request.query_params.get("program", "GPOI")
    fiscal_year = int(request.query_params.get("fiscal_year", "2022"))
    limit = int(request.query_params.get("limit", "50"))
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(LIST_SQL, program, fiscal_year, limit + 1)
        items = await _items(conn, rows[:limit])
    body = {"items": items, "next_cursor": "x" if len(rows) > limit else None}
    return Response(orjson.dumps(body), media_type="application/json")


async def get_training(request: Request) -> Response:
    training_id = int(request.path_params["training_id"])
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(GET_SQL, training_id)
        if not rows:
            return Response(b'{"status":404}', status_code=404, media_type="application/json")
        (item,) = await _items(conn, rows)
    return Response(orjson.dumps(item), media_type="application/json")


async def report(request: Request) -> Response:
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(REPORT_SQL)
    body = {"rows": [dict(r) for r in rows]}
    return Response(orjson.dumps(body, default=int), media_type="application/json")


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(DSN, min_size=POOL_SIZE, max_size=POOL_SIZE)
    yield
    await app.state.pool.close()


app = Starlette(
    routes=[
        Route("/api/v1/trainings", list_trainings),
        Route("/api/v1/trainings/{training_id:int}", get_training),
        Route("/api/v1/reports/women-trained", report),
    ],
    lifespan=lifespan,
)
