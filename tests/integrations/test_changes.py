"""The change feed: commit order, resuming, scoping, long polls, concurrent writers."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import httpx
from sqlalchemy import func, select

from app.audit.writer import record
from app.core.commit import transaction
from app.core.security import Principal, Role
from app.integrations.changes.models import Change
from app.integrations.changes.service import read
from tests.conftest import Keys
from tests.imet.nominations.helpers import move, nominate
from tests.trainings.helpers import TRAININGS, training

CHANGES = "/api/v1/changes"


async def feed(
    client: httpx.AsyncClient, keys: Keys, role: str = "admin", **params: Any
) -> dict[str, Any]:
    response = await client.get(CHANGES, params=params, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_changes_come_in_seq_order_and_a_cursor_resumes_after_them(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    start = (await feed(client, keys))["next_cursor"]
    made = await client.post(TRAININGS, json=training(), headers=keys.headers("admin"))
    assert made.status_code == 201, made.text
    nomination = await nominate(client, keys)
    assert (await move(client, keys, nomination["id"], "under_review")).status_code == 200

    page = await feed(client, keys, after=start)
    seen = [(c["type"], c["id"], c["action"]) for c in page["items"]]
    assert seen == [
        ("training", str(made.json()["id"]), "create"),
        ("nomination", str(nomination["id"]), "create"),
        ("nomination", str(nomination["id"]), "transition"),
    ]
    seqs = [c["seq"] for c in page["items"]]
    assert seqs == list(range(int(start) + 1, int(start) + 4))
    assert page["items"][2]["changed_fields"] == ["status"]
    assert page["next_cursor"] == str(seqs[-1])
    # Nothing left: the cursor stays, the page is empty.
    rest = await feed(client, keys, after=page["next_cursor"])
    assert rest == {"items": [], "next_cursor": page["next_cursor"]}
    # A small page ends at its last item; the next page starts right after it.
    first = await feed(client, keys, after=start, limit=2)
    assert [c["seq"] for c in first["items"]] == seqs[:2]
    second = await feed(client, keys, after=first["next_cursor"], limit=2)
    assert [c["seq"] for c in second["items"]] == seqs[2:]
    only = await feed(client, keys, after=start, types="training")
    assert [c["type"] for c in only["items"]] == ["training"]


async def test_an_embassy_reads_only_its_own_countrys_changes(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    start = (await feed(client, keys))["next_cursor"]
    kenya = await nominate(client, keys, "embassy")
    ghana = await nominate(client, keys, "embassy_gha")
    ours = await feed(client, keys, "embassy", after=start)
    assert [(c["type"], c["id"]) for c in ours["items"]] == [("nomination", str(kenya["id"]))]
    theirs = await feed(client, keys, "embassy_gha", after=start)
    assert [(c["type"], c["id"]) for c in theirs["items"]] == [("nomination", str(ghana["id"]))]
    # The cursor moves past what the caller may not read, so it is not read again.
    assert ours["next_cursor"] == theirs["next_cursor"]
    # Nominations are the embassy desk's: an analyst does not learn of them.
    assert (await feed(client, keys, "analyst", after=start))["items"] == []
    assert len((await feed(client, keys, "admin", after=start))["items"]) == 2


async def test_a_trainings_change_is_read_by_its_host_and_participants_embassies(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    start = (await feed(client, keys))["next_cursor"]
    hosted = await client.post(
        TRAININGS,
        json=training(host_country="GHA", participants=[{"partner": "KE", "women": 2, "men": 3}]),
        headers=keys.headers("admin"),
    )
    assert hosted.status_code == 201, hosted.text
    attended = await client.post(
        TRAININGS,
        json=training(
            external_ref="KEN-ONLY-1",
            host_country=None,
            participants=[{"partner": "KE", "women": 1, "men": 1}],
        ),
        headers=keys.headers("admin"),
    )
    assert attended.status_code == 201, attended.text
    ghana = await feed(client, keys, "embassy_gha", after=start)
    kenya = await feed(client, keys, "embassy", after=start)
    assert [c["id"] for c in ghana["items"]] == [str(hosted.json()["id"])]
    assert [c["id"] for c in kenya["items"]] == [
        str(hosted.json()["id"]),
        str(attended.json()["id"]),
    ]


async def test_a_long_poll_answers_as_soon_as_a_change_commits(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    start = (await feed(client, keys))["next_cursor"]
    began = time.monotonic()
    waiting = asyncio.create_task(feed(client, keys, after=start, wait=20))
    await asyncio.sleep(0.3)
    assert not waiting.done()
    made = await client.post(TRAININGS, json=training(), headers=keys.headers("admin"))
    page = await asyncio.wait_for(waiting, 10)
    assert time.monotonic() - began < 5
    assert [(c["type"], c["id"]) for c in page["items"]] == [("training", str(made.json()["id"]))]
    # Nothing new: the poll gives up after `wait` seconds with an empty page.
    began = time.monotonic()
    empty = await feed(client, keys, after=page["next_cursor"], wait=1)
    assert empty["items"] == [] and 0.9 <= time.monotonic() - began < 5


async def test_bad_cursors_and_waits_are_refused(client: httpx.AsyncClient, keys: Keys) -> None:
    for params in ({"after": "-1"}, {"after": "abc"}, {"wait": "31"}, {"types": "Nomination"}):
        response = await client.get(CHANGES, params=params, headers=keys.headers("admin"))
        assert response.status_code == 422, (params, response.text)
        assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_types_and_a_cursor_past_the_end_are_refused_not_skipped(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    end = int((await feed(client, keys))["next_cursor"])
    for params, named in (
        ({"types": "bogus"}, "bogus"),
        ({"types": "training,trainings,nominaton"}, "nominaton, trainings"),
        ({"after": str(end + 1)}, f"beyond the last committed change ({end})"),
        ({"after": "999999", "wait": "1"}, "beyond the last committed change"),
    ):
        response = await client.get(CHANGES, params=params, headers=keys.headers("analyst"))
        assert response.status_code == 422, (params, response.text)
        assert named in response.json()["detail"], response.text
    # A kind the key may not read is no typo: an empty page.
    assert (await feed(client, keys, "analyst", types="api_key"))["items"] == []
    assert (await feed(client, keys, after=str(end)))["next_cursor"] == str(end)


async def test_concurrent_writers_are_read_once_each_in_order_with_no_gap(
    app: Any, clean: None
) -> None:
    """Writers commit in an order other than the one they started in; a reader polling all
    the while sees every seq exactly once, ascending, and never skips a late commit."""
    sessionmaker = app.state.sessionmaker
    admin = Principal(key_id=0, role=Role.admin)
    writers, each = 8, 6
    async with sessionmaker() as session:
        start = int(await session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0)

    async def write(n: int) -> None:
        for i in range(each):
            async with transaction(sessionmaker) as session:
                record(session, None, "update", "program", f"W{n}-{i}", ["name"])
                await asyncio.sleep(random.uniform(0, 0.02))  # commits late, out of start order

    seen: list[int] = []
    done = asyncio.Event()

    async def poll() -> None:
        after = start
        while True:
            finished = done.is_set()
            async with sessionmaker() as session:
                page = await read(session, admin, after, ["program"], 500)
            seen.extend(c.seq for c in page.items)
            after = int(page.next_cursor)
            if finished:
                return
            await asyncio.sleep(0.005)

    reader = asyncio.create_task(poll())
    await asyncio.gather(*(write(n) for n in range(writers)))
    done.set()
    await reader
    assert seen == list(range(start + 1, start + 1 + writers * each))


async def test_one_transaction_numbers_its_changes_in_the_order_they_were_made(
    app: Any, clean: None
) -> None:
    """Several changes in one transaction: audit rows in the order they were noted, seqs
    consecutive in that order, each change's readers (given or looked up), and one outbox
    message per subscription that asked for the event and may read it."""
    from app.audit.models import AuditEvent
    from app.integrations.changes.models import ChangePartner
    from app.integrations.webhooks.models import Message, Subscription
    from app.partners.models import Partner

    sessionmaker = app.state.sessionmaker
    admin = Principal(key_id=7, role=Role.admin)
    async with transaction(sessionmaker) as session:
        kenya, ghana = [
            await session.scalar(select(Partner.id).where(Partner.code == code))
            for code in ("KEN", "GHA")
        ]
        everything, ghana_only, trainings_only, disabled = (
            Subscription(url="https://a.example/hook", events=events, secret="whsec_x", **more)
            for events, more in (
                (["nomination.created", "nomination.status_changed"], {}),
                (["nomination.created"], {"partner_id": ghana}),
                (["training.created"], {}),
                (["nomination.created"], {"enabled": False}),
            )
        )
        session.add_all([everything, ghana_only, trainings_only, disabled])
    async with sessionmaker() as session:
        start = int(await session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0)
        last_audit = int(await session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))))
    async with transaction(sessionmaker) as session:
        record(
            session,
            admin,
            "create",
            "nomination",
            9001,
            ["nominee"],
            {"partner": "KEN"},
            partners=[kenya],
        )
        record(session, admin, "update", "program", "GPOI", ["name"])  # readers: none
        record(
            session,
            admin,
            "transition",
            "nomination",
            9002,
            ["status"],
            {"from": "submitted", "to": "under_review"},
            partners=[ghana, kenya],
        )
    async with sessionmaker() as session:
        audit = (
            await session.execute(
                select(
                    AuditEvent.action,
                    AuditEvent.resource_id,
                    AuditEvent.actor_key_id,
                    AuditEvent.details,
                )
                .where(AuditEvent.id > last_audit)
                .order_by(AuditEvent.id)
            )
        ).all()
        changes = (
            await session.execute(
                select(Change.seq, Change.resource_id, Change.action, Change.changed_fields)
                .where(Change.seq > start)
                .order_by(Change.seq)
            )
        ).all()
        readers = (
            await session.execute(
                select(ChangePartner.seq, ChangePartner.partner_id)
                .where(ChangePartner.seq > start)
                .order_by(ChangePartner.seq, ChangePartner.partner_id)
            )
        ).all()
        messages = (
            await session.execute(
                select(Message.subscription_id, Message.seq, Message.event_type).order_by(
                    Message.seq, Message.subscription_id
                )
            )
        ).all()
    assert [tuple(a) for a in audit] == [
        ("create", "9001", 7, {"partner": "KEN"}),
        ("update", "GPOI", 7, None),
        ("transition", "9002", 7, {"from": "submitted", "to": "under_review"}),
    ]
    first = start + 1
    assert [tuple(c) for c in changes] == [
        (first, "9001", "create", ["nominee"]),
        (first + 1, "GPOI", "update", ["name"]),
        (first + 2, "9002", "transition", ["status"]),
    ]
    assert [tuple(r) for r in readers] == sorted(
        [(first, kenya), (first + 2, ghana), (first + 2, kenya)]
    )
    assert [tuple(m) for m in messages] == [
        (everything.id, first, "nomination.created"),
        (everything.id, first + 2, "nomination.status_changed"),
    ]
