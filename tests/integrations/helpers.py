"""Webhooks with delivery attempts, for the tests that walk every route and collection."""

from __future__ import annotations

from typing import Any

import httpx

from app.integrations.webhooks.worker import Worker
from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

WEBHOOKS = "/api/v1/webhooks"


async def webhook_with_deliveries(app: Any, client: httpx.AsyncClient, keys: Keys) -> int:
    """Two subscriptions; the first has two delivery attempts (to an in-process endpoint)."""
    admin = keys.headers("admin")
    made = []
    for path in ("wps", "other"):
        body = {"url": f"https://hooks.example.org/{path}", "events": ["training.created"]}
        response = await client.post(WEBHOOKS, json=body, headers=admin)
        assert response.status_code == 201, response.text
        made.append(response.json()["id"])
    await client.patch(
        f"{WEBHOOKS}/{made[1]}",
        json={"enabled": False},
        headers={**admin, "If-Match": '"1"'},
    )
    for ref in ("HOOK-1", "HOOK-2"):
        created = await client.post(TRAININGS, json=training(external_ref=ref), headers=admin)
        assert created.status_code == 201, created.text
    endpoint = httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(204)))
    # Allowed private: no lookup of the example host, the mock endpoint answers.
    settings = app.state.settings.model_copy(update={"webhook_allow_private": True})
    runner = Worker(app.state.sessionmaker, settings, client=endpoint)
    try:
        assert await runner.run_once() == 2
    finally:
        await runner.aclose()
    return int(made[0])
