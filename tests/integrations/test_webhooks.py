"""Webhooks: subscriptions, signed at-least-once delivery, retries, leases, URL rules."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.integrations.webhooks.models import Message
from app.integrations.webhooks.worker import Worker
from tests.conftest import Keys
from tests.imet.nominations.helpers import GIVEN_NAME, move, nominate
from tests.integrations.receiver import receiver
from tests.trainings.helpers import TRAININGS, training

WEBHOOKS = "/api/v1/webhooks"
FAST = {
    "webhook_retry_base_seconds": 0.01,
    "webhook_retry_cap_seconds": 0.02,
    "webhook_lease_seconds": 0.3,
    "webhook_timeout_seconds": 2.0,
}


@pytest.fixture
async def private(app: Any) -> AsyncIterator[None]:
    """WPS_WEBHOOK_ALLOW_PRIVATE=true for this test: the receiver is on the loopback."""
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"webhook_allow_private": True})
    yield
    app.state.settings = settings


def worker(app: Any, **overrides: Any) -> Worker:
    settings = app.state.settings.model_copy(update={**FAST, **overrides})
    return Worker(app.state.sessionmaker, settings)


async def subscribe(
    client: httpx.AsyncClient, keys: Keys, url: str, role: str = "admin", **extra: Any
) -> dict[str, Any]:
    body = {"url": url, "events": ["nomination.created", "nomination.status_changed"], **extra}
    response = await client.post(WEBHOOKS, json=body, headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def deliver(runner: Worker) -> int:
    try:
        return await runner.run_once()
    finally:
        await runner.aclose()


async def test_a_failed_delivery_is_retried_with_the_same_id_and_a_valid_signature(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver(script=[500]) as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        assert hook["secret"].startswith("whsec_") and hook["enabled"] is True
        assert (
            "secret"
            not in (
                await client.get(f"{WEBHOOKS}/{hook['id']}", headers=keys.headers("admin"))
            ).json()
        )
        nomination = await nominate(client, keys)
        runner = worker(app)
        assert await deliver(runner) == 1  # answered 500
        await asyncio.sleep(0.05)
        assert await deliver(runner) == 1  # the retry, answered 200
        assert await deliver(runner) == 0
    first, retry = endpoint.received
    assert first.headers["webhook-id"] == retry.headers["webhook-id"]
    assert first.headers["webhook-id"].startswith("msg_")
    for sent in (first, retry):
        payload = Webhook(hook["secret"]).verify(sent.body, sent.headers)
        assert GIVEN_NAME.encode() not in sent.body
    assert payload["type"] == "nomination.created"
    assert payload["data"]["id"] == str(nomination["id"])
    assert payload["data"]["status"] == "submitted"
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 43 + "=").verify(retry.body, retry.headers)

    deliveries = await client.get(
        f"{WEBHOOKS}/{hook['id']}/deliveries", headers=keys.headers("admin")
    )
    assert deliveries.status_code == 200, deliveries.text
    items = deliveries.json()["items"]
    assert [(d["succeeded"], d["status_code"]) for d in items] == [(True, 200), (False, 500)]
    assert {d["webhook_id"] for d in items} == {first.headers["webhook-id"]}
    assert items[0]["message_state"] == "delivered"


async def test_status_changes_reach_only_subscribers_who_may_read_them(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as kenya_end, receiver() as ghana_end:
        kenya = await subscribe(client, keys, kenya_end.url, "embassy")
        await subscribe(client, keys, ghana_end.url, "embassy_gha")
        assert kenya["partner"] == "KEN"
        nomination = await nominate(client, keys)
        assert (await move(client, keys, nomination["id"], "under_review")).status_code == 200
        assert await deliver(worker(app)) == 2
    assert ghana_end.received == []
    types = [orjson.loads(r.body) for r in kenya_end.received]
    assert sorted(p["type"] for p in types) == ["nomination.created", "nomination.status_changed"]
    changed = next(p for p in types if p["type"] == "nomination.status_changed")
    assert (changed["data"]["from"], changed["data"]["to"]) == ("submitted", "under_review")
    # Another country's subscription is a 404; the list shows only one's own.
    other = await client.get(f"{WEBHOOKS}/{kenya['id']}", headers=keys.headers("embassy_gha"))
    assert other.status_code == 404
    listed = await client.get(WEBHOOKS, headers=keys.headers("embassy_gha"))
    assert [h["partner"] for h in listed.json()["items"]] == ["GHA"]
    assert len((await client.get(WEBHOOKS, headers=keys.headers("admin"))).json()["items"]) == 2


async def test_a_killed_worker_loses_no_event(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as endpoint:
        await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        crashed = worker(app, webhook_lease_seconds=2.0)
        assert len(await crashed.claim()) == 1  # then dies before sending or marking
        other = worker(app, webhook_lease_seconds=2.0)
        assert await deliver(other) == 0  # leased to the dead worker
        await asyncio.sleep(2.1)
        assert await deliver(other) == 1  # the lease ran out: delivered by the other
    assert len(endpoint.received) == 1
    async with app.state.sessionmaker() as session:
        states = (await session.scalars(select(Message.state))).all()
    assert states == ["delivered"]


async def test_an_endpoint_that_keeps_failing_is_disabled_until_its_owner_enables_it(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver(script=[500, 302]) as endpoint:
        hook = await subscribe(client, keys, endpoint.url, "embassy")
        await nominate(client, keys)
        runner = worker(app, webhook_max_attempts=2)
        assert await deliver(runner) == 1
        await asyncio.sleep(0.05)
        assert await deliver(runner) == 1
        path = f"{WEBHOOKS}/{hook['id']}"
        stored = await client.get(path, headers=keys.headers("embassy"))
        assert stored.json()["enabled"] is False
        assert "disabled after 2 failed attempts" in stored.json()["disabled_reason"]
        deliveries = (
            await client.get(f"{path}/deliveries", headers=keys.headers("embassy"))
        ).json()
        assert "redirects are not followed" in deliveries["items"][0]["error"]
        assert deliveries["items"][0]["message_state"] == "failed"
        assert len(endpoint.received) == 2  # the redirect was not followed

        enabled = await client.patch(
            path,
            json={"enabled": True},
            headers={**keys.headers("embassy"), "If-Match": stored.headers["etag"]},
        )
        assert enabled.status_code == 200, enabled.text
        assert (enabled.json()["enabled"], enabled.json()["disabled_reason"]) == (True, None)
        again = await client.post(
            f"{path}/deliveries/{deliveries['items'][0]['id']}/redeliver",
            headers=keys.headers("embassy"),
        )
        assert again.status_code == 202, again.text
        assert await deliver(runner) == 1
    assert len(endpoint.received) == 3
    assert len({r.headers["webhook-id"] for r in endpoint.received}) == 1


async def test_a_rotated_secret_signs_the_next_deliveries(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        rotated = await client.post(
            f"{WEBHOOKS}/{hook['id']}/rotate-secret", headers=keys.headers("admin")
        )
        assert rotated.status_code == 200, rotated.text
        secret = rotated.json()["secret"]
        assert secret.startswith("whsec_") and secret != hook["secret"]
        await nominate(client, keys)
        assert await deliver(worker(app)) == 1
    (sent,) = endpoint.received
    Webhook(secret).verify(sent.body, sent.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(hook["secret"]).verify(sent.body, sent.headers)


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.org/wps",
        "https://127.0.0.1/hook",
        "https://localhost:8443/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://100.64.0.1/hook",
        "https://user:pw@hooks.example.org/wps",
        "ftp://hooks.example.org/wps",
    ],
)
async def test_private_and_plain_http_urls_are_refused(
    client: httpx.AsyncClient, keys: Keys, url: str
) -> None:
    response = await client.post(
        WEBHOOKS, json={"url": url, "events": ["training.created"]}, headers=keys.headers("admin")
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["pointer"] == "/url"


async def test_a_private_url_is_checked_again_when_delivering(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        assert await deliver(worker(app, webhook_allow_private=False)) == 1
    assert endpoint.received == []
    deliveries = await client.get(
        f"{WEBHOOKS}/{hook['id']}/deliveries", headers=keys.headers("admin")
    )
    (attempt,) = deliveries.json()["items"]
    assert attempt["succeeded"] is False and attempt["error"].startswith("not sent")


async def test_a_subscription_deleted_mid_delivery_leaves_the_rest_of_the_batch_recorded(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as endpoint:
        kept = await subscribe(client, keys, endpoint.url)
        gone = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        runner = worker(app)
        claimed = await runner.claim()
        assert len(claimed) == 2
        deleted = await client.delete(
            f"{WEBHOOKS}/{gone['id']}", headers={**keys.headers("admin"), "If-Match": '"1"'}
        )
        assert deleted.status_code == 204, deleted.text
        await runner.record([await runner.send(one) for one in claimed])
        await runner.aclose()
    deliveries = await client.get(
        f"{WEBHOOKS}/{kept['id']}/deliveries", headers=keys.headers("admin")
    )
    (attempt,) = deliveries.json()["items"]
    assert (attempt["succeeded"], attempt["message_state"]) == (True, "delivered")


async def test_a_create_replayed_with_one_idempotency_key_makes_one_subscription(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    body = {"url": "https://93.184.216.34/hook", "events": ["training.created"]}
    headers = {**keys.headers("embassy"), "Idempotency-Key": "hook-create-1"}
    first = await client.post(WEBHOOKS, json=body, headers=headers)
    again = await client.post(WEBHOOKS, json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert again.headers.get("idempotent-replayed") == "true"
    assert (again.status_code, again.json()) == (201, first.json())
    listed = await client.get(WEBHOOKS, headers=keys.headers("embassy"))
    assert [h["id"] for h in listed.json()["items"]] == [first.json()["id"]]
    other = await client.post(WEBHOOKS, json=body, headers=keys.headers("embassy"))
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


async def test_every_route_that_writes_messages_wakes_the_worker_at_once(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as endpoint:
        events = ["training.created", "nomination.created"]
        await subscribe(client, keys, endpoint.url, events=events)
        runner = worker(app, webhook_poll_seconds=30.0)  # no poll within this test
        running = asyncio.create_task(runner.run_forever())
        try:
            await asyncio.sleep(0.3)  # waiting for a commit
            # (An import writes one "import" change per file, no webhook event.)
            writes = (
                lambda: client.post(TRAININGS, json=training(), headers=keys.headers("admin")),
                lambda: nominate(client, keys),
            )
            for number, write in enumerate(writes, start=1):
                await write()
                began = time.monotonic()
                while len(endpoint.received) < number:
                    assert time.monotonic() - began < 2.0, f"write {number} did not wake it"
                    await asyncio.sleep(0.01)
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
    kinds = [orjson.loads(r.body)["type"] for r in endpoint.received]
    assert kinds == ["training.created", "nomination.created"]
