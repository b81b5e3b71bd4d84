"""create_app(): settings, engine lifespan, middleware, routers and error handlers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app import api, history, transactions, visibility  # noqa: F401 - history, visibility: declared at import
from app.apikeys.service import load_principal
from app.core import health
from app.core.commit import transaction
from app.core.config import Settings, get_settings
from app.core.contract import finish
from app.core.db import create_engine, create_sessionmaker
from app.core.docs import install_docs
from app.core.errors import Problem, install_error_handlers
from app.core.idempotency import install_replay_handler, purge_periodically
from app.core.middleware import ProblemCORSMiddleware, RequestContextMiddleware
from app.core.observability import Metrics, configure_logging
from app.core.params import CodeLookups
from app.core.ratelimit import create_rate_limiter
from app.core.security import KeyCache
from app.dashboard.pages import install_dashboard
from app.partners.service import partner_code
from app.programs.service import program_code

logger = logging.getLogger("wps.app")

# Paths that take whole files, so their bodies may use the larger import cap.
BULK_PATHS = ("/api/v1/imports/", "/api/v1/peacekeeping/snapshots")
# Paths whose requests may run long statements (whole files, reports over every record,
# exports): their sessions take WPS_DB_LONG_STATEMENT_TIMEOUT_SECONDS, not a request's budget.
LONG_WORK_PATHS = (*BULK_PATHS, "/api/v1/reports/", "/api/v1/exports/")

DESCRIPTION = """The service of record for the Women, Peace and Security work of the Bureau of
Political-Military Affairs: programs, partner countries, trainings, IMET nominations, funding,
UN peacekeeping figures and the four WPS outcomes. Errors are RFC 9457 problem+json."""


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated contract plus the problem+json schemas every error response refers to."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem.pop("$defs", {}))
        components["Problem"] = problem
        app.openapi_schema = finish(schema, app.routes)
    return app.openapi_schema


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    transactions.register()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from app.apikeys.service import ensure_bootstrap_key

        if settings.bootstrap_admin_key is not None:
            try:
                async with transaction(app.state.sessionmaker) as session:
                    await ensure_bootstrap_key(
                        session,
                        settings.bootstrap_admin_key.get_secret_value(),
                        settings.bootstrap_admin_owner,
                    )
            except Exception as exc:  # the service still starts; /readyz reports the database
                logger.error(
                    "could not ensure the bootstrap admin key", extra={"error": type(exc).__name__}
                )
        purging = None
        if settings.idempotency_purge_interval_seconds > 0:
            purging = asyncio.create_task(purge_periodically(app.state.sessionmaker, settings))
        delivering = None
        if settings.webhook_worker_in_serve:
            from app.integrations.webhooks.worker import Worker

            worker = Worker(app.state.sessionmaker, settings)
            delivering = asyncio.create_task(worker.run_forever())
        yield
        for task in (purging, delivering):
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        await app.state.engine.dispose()
        await app.state.long_engine.dispose()

    app = FastAPI(
        title="WPS Program Tracker",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by install_docs, from files shipped with the service
        redoc_url=None,
    )
    engine = create_engine(settings)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.long_engine = create_engine(settings, long_work=True)
    app.state.long_sessionmaker = create_sessionmaker(app.state.long_engine)
    app.state.long_work_paths = LONG_WORK_PATHS
    app.state.key_cache = KeyCache(settings.key_cache_seconds)
    app.state.load_principal = load_principal
    app.state.codes = CodeLookups(program=program_code, partner=partner_code)
    app.state.rate_limiter = create_rate_limiter(settings.redis_url)
    app.state.metrics = Metrics()

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    install_error_handlers(app)
    install_replay_handler(app)
    app.include_router(health.router)
    install_docs(app)
    install_dashboard(app)
    api.mount(app)

    app.add_middleware(
        ProblemCORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "X-Request-ID",
            "Accept",
        ],
        expose_headers=[
            "ETag",
            "Link",
            "Location",
            "Retry-After",
            "X-Request-ID",
            "Idempotent-Replayed",
        ],
    )
    app.add_middleware(
        RequestContextMiddleware,
        metrics=app.state.metrics,
        max_body_bytes=settings.max_body_bytes,
        max_import_bytes=settings.max_import_bytes,
        csv_paths=BULK_PATHS,
    )
    return app
