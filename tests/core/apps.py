"""Extra app instances for tests that need other settings than the shared app's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from app.main import create_app
from tests.conftest import make_settings


@asynccontextmanager
async def running_app(database_url: str, **overrides: object) -> AsyncIterator[FastAPI]:
    """An app over `database_url` with `overrides` applied to its settings, lifespan run."""
    application = create_app(make_settings(database_url, **overrides))
    async with application.router.lifespan_context(application):
        yield application


@asynccontextmanager
async def client_for(application: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@asynccontextmanager
async def side_client(database_url: str, **overrides: object) -> AsyncIterator[httpx.AsyncClient]:
    async with (
        running_app(database_url, **overrides) as application,
        client_for(application) as http,
    ):
        yield http
