"""Liveness, readiness (database reachable, migrations at head) and Prometheus metrics."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx

from app.cli import migrate
from tests.conftest import Keys
from tests.core.apps import side_client


async def test_healthz_needs_no_key(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_200_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready"}


async def test_readyz_is_503_until_migrations_reach_head(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    async with side_client(url) as http:
        empty = await http.get("/readyz")
        assert empty.status_code == 503
        assert empty.headers["content-type"] == "application/problem+json"
        assert empty.headers["retry-after"]
        assert (await http.get("/healthz")).status_code == 200

        await asyncio.to_thread(migrate, "0001", database_url=url)
        partial = await http.get("/readyz")
        assert partial.status_code == 503
        assert "head" in partial.json()["detail"]

        await asyncio.to_thread(migrate, "heads", database_url=url)
        assert (await http.get("/readyz")).status_code == 200


def _samples(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(name + "{")]


def _value(text: str, labels: str) -> float:
    """One sample of wps_http_requests_total (0 when absent)."""
    for line in _samples(text, "wps_http_requests_total"):
        if line.startswith("wps_http_requests_total{" + labels + "}"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_count_requests_by_route_template(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    analyst = keys.headers("analyst")
    admin = keys.headers("admin")
    got = 'method="GET",route="/api/v1/partners/{code}",status="200"'
    missing = 'method="GET",route="/api/v1/partners/{code}",status="404"'
    unmatched = 'method="GET",route="unmatched",status="404"'
    before = (await client.get("/metrics", headers=admin)).text
    for code in ("KEN", "GHA", "gha", "ZZZ"):
        await client.get(f"/api/v1/partners/{code}", headers=analyst)
    await client.get("/api/v1/partners/KEN/memberships", headers=analyst)
    await client.get("/api/v1/no/such/path/123", headers=analyst)
    response = await client.get("/metrics", headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert _value(text, got) - _value(before, got) == 3
    assert _value(text, missing) - _value(before, missing) == 1
    assert _value(text, unmatched) - _value(before, unmatched) == 1
    assert _value(text, 'method="GET",route="/api/v1/partners/{code}/memberships",status="200"')
    # Raw paths never become labels: their number would grow without bound.
    assert not re.search(r'route="[^"]*(KEN|GHA|gha|ZZZ|123)', text)
    assert _samples(text, "wps_http_request_duration_seconds_bucket")


async def test_metrics_need_an_admin_key_without_a_token(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    anonymous = await client.get("/metrics")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"
    assert "wps_http_requests_total" not in anonymous.text
    for role in ("analyst", "integration", "embassy"):
        refused = await client.get("/metrics", headers=keys.headers(role))
        assert refused.status_code == 403, role
    assert (await client.get("/metrics", headers=keys.headers("admin"))).status_code == 200


async def test_metrics_token_lets_a_scraper_in(database_url: str, keys: Keys) -> None:
    token = "scrape-" + "t" * 40
    async with side_client(database_url, metrics_token=token) as http:
        scraped = await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert scraped.status_code == 200
        assert "wps_http_requests_total" in scraped.text
        assert (await http.get("/metrics")).status_code == 401
        wrong = await http.get("/metrics", headers={"Authorization": f"Bearer {token}x"})
        assert wrong.status_code == 401
        # The token opens /metrics only; an admin key still works there.
        assert (
            await http.get("/api/v1/programs", headers={"Authorization": f"Bearer {token}"})
        ).status_code == 401
        assert (await http.get("/metrics", headers=keys.headers("admin"))).status_code == 200
