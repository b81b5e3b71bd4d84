"""Liveness, readiness (database reachable, migrations at head) and Prometheus metrics."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from starlette.responses import Response

from app.core.errors import problem_response, responses
from app.core.security import MetricsReader

router = APIRouter(tags=["health"])

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@lru_cache
def migration_heads() -> frozenset[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


@router.get("/healthz", operation_id="health_live", summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="health_ready",
    summary="The database is reachable and migrations are at head",
    responses={503: {"description": "Not ready"}},
)
async def readyz(request: Request) -> Response:
    try:
        async with request.app.state.engine.connect() as conn:
            applied = {
                row[0]
                for row in await conn.execute(text("SELECT version_num FROM alembic_version"))
            }
    except Exception:
        return problem_response(
            503, "database unreachable or not migrated", headers={"Retry-After": "5"}
        )
    if applied != set(migration_heads()):
        return problem_response(
            503, "database migrations are not at head", headers={"Retry-After": "5"}
        )
    return Response(b'{"status":"ready"}', media_type="application/json")


@router.get(
    "/metrics",
    operation_id="health_metrics",
    summary="Prometheus metrics: Bearer WPS_METRICS_TOKEN, or an admin key",
    response_class=Response,
    responses=responses(),
)
async def metrics(request: Request, _: MetricsReader) -> Response:
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
