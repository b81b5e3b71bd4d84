"""The raw floor: Starlette + asyncpg + orjson serving the benchmark's queries by hand.

No auth, no validation beyond int(), no ORM: what the service is measured against. The two
writes insert the same rows the service stores (the record, its children, its audit row) in
one transaction, and answer 201 with the record: no key check, idempotency, rate limit,
validation or rollup.

    WPS_DATABASE_URL=postgresql://... .venv/bin/uvicorn bench.floor:app --port 8102
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
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


NOMINATION_SQL = """
INSERT INTO nominations (partner_id, fiscal_year, external_ref, status, given_name, family_name,
    sex, rank, service, position, masl_id, course_title, course_institution, course_min_ecl,
    ecl_score, ecl_exempt, vetting_status, version, created_at, updated_at)
SELECT p.id, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'pending',
    1, now(), now()
FROM partners p WHERE p.code = $1
RETURNING id, created_at, updated_at
"""
TRAINING_SQL = """
INSERT INTO trainings (program_id, title, kind, start_date, end_date, fiscal_year,
    host_country_id, location, delivery, hours, external_ref, version, created_at, updated_at)
SELECT p.id, $2, $3, $4, $5, $6, (SELECT id FROM partners WHERE code = $7), $8, $9, $10, $11,
    1, now(), now()
FROM programs p WHERE p.code = $1
RETURNING id, created_at, updated_at
"""
PARTICIPANT_SQL = """
INSERT INTO training_participants (training_id, partner_id, women, men, unreported)
SELECT $1, id, $3, $4, $5 FROM partners WHERE code = $2
"""
AUDIT_SQL = """
INSERT INTO audit_events (occurred_at, actor_key_id, actor_role, action, resource_type,
    resource_id, changed_fields, details)
VALUES (now(), NULL, 'admin', 'create', $1, $2, $3::json, $4::json)
"""


async def _audit(
    conn: asyncpg.Connection, resource: str, id_: int, body: dict[str, Any], details: dict
) -> None:
    fields = orjson.dumps(sorted(body)).decode()
    await conn.execute(AUDIT_SQL, resource, str(id_), fields, orjson.dumps(details).decode())


async def create_nomination(request: Request) -> Response:
    body = orjson.loads(await request.body())
    nominee, course = body["nominee"], body["course"]
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        row = await conn.fetchrow(
            NOMINATION_SQL,
            body["partner"],
            body["fiscal_year"],
            body["external_ref"],
            nominee["given_name"],
            nominee["family_name"],
            nominee["sex"],
            nominee["rank"],
            nominee["service"],
            nominee["position"],
            course["masl_id"],
            course["title"],
            course["institution"],
            course.get("min_ecl"),
            body.get("ecl_score"),
            body.get("ecl_exempt", False),
        )
        details = {k: body[k] for k in ("partner", "fiscal_year", "external_ref")}
        await _audit(conn, "nomination", row["id"], body, details)
    item = {**body, **dict(row), "status": "submitted", "vetting_status": "pending"}
    return Response(orjson.dumps(item), status_code=201, media_type="application/json")


async def create_training(request: Request) -> Response:
    body = orjson.loads(await request.body())
    start, end = date.fromisoformat(body["start_date"]), date.fromisoformat(body["end_date"])
    fiscal_year = start.year + (1 if start.month >= 10 else 0)
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        row = await conn.fetchrow(
            TRAINING_SQL,
            body["program"],
            body["title"],
            body["kind"],
            start,
            end,
            fiscal_year,
            body.get("host_country"),
            body.get("location"),
            body["delivery"],
            body.get("hours"),
            body.get("external_ref"),
        )
        participants = body.get("participants", [])
        await conn.executemany(
            PARTICIPANT_SQL,
            [
                (row["id"], p["partner"], p["women"], p["men"], p.get("unreported", 0))
                for p in participants
            ],
        )
        await conn.executemany(
            "INSERT INTO training_topics (training_id, topic) VALUES ($1, $2)",
            [(row["id"], topic) for topic in body.get("topics", [])],
        )
        details = {"program": body["program"], "external_ref": body.get("external_ref")}
        await _audit(conn, "training", row["id"], body, details)
    item = {**body, **dict(row), "fiscal_year": fiscal_year}
    return Response(orjson.dumps(item), status_code=201, media_type="application/json")


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
        Route("/api/v1/trainings", create_training, methods=["POST"]),
        Route("/api/v1/nominations", create_nomination, methods=["POST"]),
        Route("/api/v1/trainings/{training_id:int}", get_training),
        Route("/api/v1/reports/women-trained", report),
    ],
    lifespan=lifespan,
)
