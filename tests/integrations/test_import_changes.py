"""Bulk imports are changes like any other: one change per record created or updated, in the
admin's feed and in the feed of each embassy that reads the record, and the webhook events
that follow; an import that changes nothing, or fails, records nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.integrations.webhooks.models import Message
from tests.conftest import Keys
from tests.cwd.helpers import TEAMS, team
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.integrations.test_changes import feed
from tests.trainings.helpers import TRAININGS, training

WEBHOOKS = "/api/v1/webhooks"
N = 50  # records of Kenya's; Ghana's are a fifth of that
GHANA = N // 5


def a_training(i: int, partner: str) -> dict[str, Any]:
    return training(
        external_ref=f"IMP-{partner}-{i}",
        host_country=partner,
        participants=[{"partner": partner, "women": 1 + i % 3, "men": 2}],
    )


def an_obligation(i: int, partner: str) -> dict[str, Any]:
    return obligation(program="GPOI", partner=partner, source_ref=f"IMP-{partner}-{i}")


def a_team(i: int, partner: str) -> dict[str, Any]:
    return team(name=f"Team {partner} {i}", partner=partner)


@dataclass(frozen=True)
class Kind:
    name: str  # the import's path word
    resource_type: str
    listing: str
    make: Callable[[int, str], dict[str, Any]]
    change: Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]]  # an edit, its fields


KINDS = [
    Kind(
        "trainings",
        "training",
        TRAININGS,
        a_training,
        lambda row: ({**row, "title": "Renamed", "topics": []}, ["title", "topics"]),
    ),
    Kind(
        "obligations",
        "obligation",
        OBLIGATIONS,
        an_obligation,
        lambda row: ({**row, "amount_usd": "0.10"}, ["amount_usd"]),
    ),
    Kind(
        "cwd-teams",
        "cwd_team",
        TEAMS,
        a_team,
        lambda row: ({**row, "activity": "survey"}, ["activity"]),
    ),
]


async def import_(
    client: httpx.AsyncClient, keys: Keys, kind: Kind, body: list[dict[str, Any]]
) -> httpx.Response:
    return await client.post(
        f"/api/v1/imports/{kind.name}", json=body, headers=keys.headers("integration")
    )


async def listed_ids(client: httpx.AsyncClient, keys: Keys, kind: Kind, role: str) -> set[str]:
    response = await client.get(kind.listing, params={"limit": 200}, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return {str(item["id"]) for item in response.json()["items"]}


async def changes(
    client: httpx.AsyncClient, keys: Keys, role: str, after: str
) -> list[tuple[str, str, str]]:
    page = await feed(client, keys, role, after=after, limit=500)
    return [(c["type"], c["id"], c["action"]) for c in page["items"]]


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
async def test_an_import_records_a_change_per_record_for_those_who_read_it(
    client: httpx.AsyncClient, keys: Keys, kind: Kind
) -> None:
    start = (await feed(client, keys))["next_cursor"]
    body = [kind.make(i, "KEN") for i in range(N)] + [kind.make(i, "GHA") for i in range(GHANA)]
    done = await import_(client, keys, kind, body)
    assert done.status_code == 200, done.text
    assert done.json()["created"] == N + GHANA

    everything = await listed_ids(client, keys, kind, "admin")
    kenyas = await listed_ids(client, keys, kind, "embassy")
    assert len(everything) == N + GHANA and len(kenyas) == N
    admin_seen = await changes(client, keys, "admin", start)
    assert sorted(admin_seen) == sorted((kind.resource_type, i, "create") for i in everything)
    # Each embassy reads the changes of its own country's records, and only those.
    kenya_seen = await changes(client, keys, "embassy", start)
    assert sorted(kenya_seen) == sorted((kind.resource_type, i, "create") for i in kenyas)
    ghana_seen = await changes(client, keys, "embassy_gha", start)
    assert {i for _, i, _ in ghana_seen} == everything - kenyas

    # The same file again changes nothing: no change.
    cursor = (await feed(client, keys))["next_cursor"]
    again = await import_(client, keys, kind, body)
    assert again.json()["unchanged"] == N + GHANA
    assert await changes(client, keys, "admin", cursor) == []

    # One record edited: one update, naming the fields it changed, as a PATCH would.
    edited, fields = kind.change(body[0])
    updated = await import_(client, keys, kind, [edited, *body[1:]])
    assert updated.json()["updated"] == 1, updated.text
    page = await feed(client, keys, after=cursor)
    assert [(c["type"], c["action"], c["changed_fields"]) for c in page["items"]] == [
        (kind.resource_type, "update", fields)
    ]
    assert page["items"][0]["id"] in kenyas

    # A file with one invalid record writes nothing and records nothing.
    cursor = page["next_cursor"]
    bad = [kind.make(i, "KEN") for i in range(N, N + 5)] + [kind.make(0, "XX")]
    refused = await import_(client, keys, kind, bad)
    assert refused.status_code == 422, refused.text
    assert await changes(client, keys, "admin", cursor) == []
    assert await listed_ids(client, keys, kind, "admin") == everything


async def outbox(app: Any, subscription_id: int) -> list[tuple[str, str]]:
    """The (event type, record id) of the outbox messages of one subscription."""
    async with app.state.sessionmaker() as session:
        found = await session.execute(
            select(Message.event_type, Message.payload).where(
                Message.subscription_id == subscription_id
            )
        )
        return [(event, payload["data"]["id"]) for event, payload in found.all()]


async def subscribe(client: httpx.AsyncClient, keys: Keys, role: str, path: str) -> int:
    body = {"url": f"https://hooks.example.org/{path}", "events": ["training.created"]}
    response = await client.post(WEBHOOKS, json=body, headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def test_an_import_of_trainings_sends_training_created_to_each_subscriber_who_reads_it(
    app: Any, client: httpx.AsyncClient, keys: Keys
) -> None:
    kind = KINDS[0]
    everyone = await subscribe(client, keys, "admin", "all")
    kenya = await subscribe(client, keys, "embassy", "kenya")
    body = [kind.make(i, "KEN") for i in range(N)] + [kind.make(i, "GHA") for i in range(GHANA)]
    assert (await import_(client, keys, kind, body)).status_code == 200

    everything = await listed_ids(client, keys, kind, "admin")
    kenyas = await listed_ids(client, keys, kind, "embassy")
    assert sorted(await outbox(app, everyone)) == sorted(
        ("training.created", i) for i in everything
    )
    assert sorted(await outbox(app, kenya)) == sorted(("training.created", i) for i in kenyas)

    # Re-importing the file, or a file that fails, sends nothing more.
    assert (await import_(client, keys, kind, body)).json()["unchanged"] == N + GHANA
    refused = await import_(client, keys, kind, [*body, kind.make(0, "XX")])
    assert refused.status_code == 422
    async with app.state.sessionmaker() as session:
        total = await session.scalar(select(func.count()).select_from(Message))
    assert total == N + GHANA + N
