"""Webhook receivers that attack the service: a huge reply, a trickled one, a redirect inward,
a name that rebinds to the loopback, and addresses in IPv6 disguise. All traffic stays on the
loopback: names resolve through a stub, and connections to any other address are refused."""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import socket
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio
import httpx
import pytest

from app.integrations.webhooks.urls import not_public
from app.integrations.webhooks.worker import REPLY_PREFIX_BYTES, Claimed, Worker
from tests.conftest import Keys
from tests.imet.nominations.helpers import move, nominate
from tests.integrations.receiver import listener, receiver
from tests.integrations.test_webhooks import WEBHOOKS, deliver, private, subscribe, worker

__all__ = ["private"]  # the fixture, used by name

MiB = 1024 * 1024
PUBLIC = "93.184.216.34"  # never connected to: `only_loopback` refuses it


async def attempts(client: httpx.AsyncClient, keys: Keys, hook: dict[str, Any]) -> list[Any]:
    path = f"{WEBHOOKS}/{hook['id']}/deliveries"
    return list((await client.get(path, headers=keys.headers("admin"))).json()["items"])


async def until(done: Callable[[], bool], seconds: float) -> float:
    """Waits until `done()`, at most `seconds`; how long it took."""
    started = time.monotonic()
    while not done():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        await asyncio.sleep(0.02)
    return time.monotonic() - started


@pytest.fixture
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every TCP connection the process opens by IP literal must be to the loopback (the
    others are refused, and listed); names resolve as the real resolver would."""
    tried: list[str] = []
    connect = anyio.connect_tcp

    async def guarded(remote_host: Any, remote_port: int, **kwargs: Any) -> Any:
        host = str(remote_host)
        try:
            ipaddress.ip_address(host)
        except ValueError:  # a name: resolved inside by the (stubbed) loop resolver
            return await connect(remote_host, remote_port, **kwargs)
        if host not in ("127.0.0.1", "::1"):
            tried.append(host)
            raise OSError(f"the test refuses a connection to {host}")
        return await connect(remote_host, remote_port, **kwargs)

    monkeypatch.setattr(anyio, "connect_tcp", guarded)
    return tried


@pytest.fixture
async def resolver(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[str]]:
    """Stubs the event loop's resolver: each lookup answers the next address of the list,
    then 127.0.0.1 (a rebinding name); no real name is ever resolved."""
    answers: list[str] = []
    loop = asyncio.get_running_loop()

    async def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        address = answers.pop(0) if answers else "127.0.0.1"
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, int(port or 443)))]

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    yield answers


async def test_a_huge_reply_is_never_read_into_memory(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    line = b"0123456789 abcdef\n"  # 18 bytes: the cut falls inside one
    with receiver(reply=line, reply_bytes=300 * MiB) as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        runner = worker(app, webhook_timeout_seconds=30.0)
        tracemalloc.start()
        try:
            started, _ = tracemalloc.get_traced_memory()
            assert await deliver(runner) == 1
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak - started < 50 * MiB, f"{(peak - started) // MiB} MiB held for a reply"
    (attempt,) = await attempts(client, keys, hook)
    assert (attempt["succeeded"], attempt["status_code"]) == (True, 200)
    # The delivery log keeps the first bytes read, exactly, and nothing more.
    first = (line * (REPLY_PREFIX_BYTES // len(line) + 1))[:REPLY_PREFIX_BYTES]
    assert attempt["response_prefix"] == first.decode()


async def test_a_short_reply_is_kept_whole_in_the_delivery_log(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver(reply='{"received": true, "note": "gracias, señor"}'.encode()) as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        assert await deliver(worker(app)) == 1
    (attempt,) = await attempts(client, keys, hook)
    assert (attempt["succeeded"], attempt["status_code"]) == (True, 200)
    assert attempt["response_prefix"] == '{"received": true, "note": "gracias, señor"}'


async def test_a_failed_reply_is_kept_too_and_an_empty_one_is_empty(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver([503], reply=b"try later") as failing, receiver() as silent:
        failed = await subscribe(client, keys, failing.url)
        empty = await subscribe(client, keys, silent.url)
        await nominate(client, keys)
        assert await deliver(worker(app)) == 2
    (attempt,) = await attempts(client, keys, failed)
    assert (attempt["error"], attempt["response_prefix"]) == ("HTTP 503", "try later")
    (attempt,) = await attempts(client, keys, empty)
    assert (attempt["succeeded"], attempt["response_prefix"]) == (True, "")


async def test_a_binary_reply_is_stored_without_its_control_characters(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    # NULs, terminal escapes (clear screen, set title, bell, a C1 CSI), invalid UTF-8.
    hostile = b"\x00\x01ok\x1b[2J\x1b]0;pwned\x07 \xc2\x9b31m\xff\xfe\r\n\tend\x7f\x00"
    with receiver(reply=hostile) as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        assert await deliver(worker(app)) == 1
    (attempt,) = await attempts(client, keys, hook)
    assert attempt["succeeded"] is True
    assert attempt["response_prefix"] == "ok[2J]0;pwned 31m\ufffd\ufffd\r\n\tend"


async def test_a_reply_a_transport_read_whole_is_cut_the_same(app: Any) -> None:
    # httpx's mock transport hands over a body already read: the log still keeps 4 KiB only.
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"\x1bx" * REPLY_PREFIX_BYTES)

    settings = app.state.settings.model_copy(update={"webhook_allow_private": True})
    mocked = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    runner = Worker(app.state.sessionmaker, settings, client=mocked)
    secret = "whsec_" + base64.b64encode(bytes(24)).decode()
    claimed = Claimed(1, "msg_1", 1, "http://127.0.0.1:9/hook", secret, {"seq": 1}, 0)
    try:
        outcome = await runner.send(claimed)
    finally:
        await runner.aclose()
    assert (outcome.status_code, outcome.error) == (200, None)
    assert outcome.response_prefix == "x" * (REPLY_PREFIX_BYTES // 2)


async def test_a_trickling_receiver_is_cut_at_its_deadline_and_delays_no_other(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    deadline = 1.5
    with receiver(trickle_seconds=30) as slow, receiver() as fast:
        slow_hook = await subscribe(client, keys, slow.url)
        await subscribe(client, keys, fast.url)
        runner = worker(
            app,
            webhook_timeout_seconds=deadline,
            webhook_poll_seconds=5.0,
            webhook_retry_base_seconds=60.0,
            webhook_retry_cap_seconds=60.0,
        )
        running = asyncio.create_task(runner.run_forever())
        try:
            await asyncio.sleep(0.3)  # the worker waits for a commit
            nomination = await nominate(client, keys)
            assert await until(lambda: len(fast.received) == 1, 2.0) < 2.0
            # The slow endpoint got it too (its server thread records it; under load a moment
            # later) and is still trickling its headers.
            assert await until(lambda: len(slow.received) == 1, 2.0) < 2.0
            # The next event reaches the other endpoint while the slow one is still held.
            assert (await move(client, keys, nomination["id"], "under_review")).status_code == 200
            assert await until(lambda: len(fast.received) == 2, 2.0) < 2.0
            tried: list[Any] = []

            async def recorded() -> bool:
                tried[:] = await attempts(client, keys, slow_hook)
                return bool(tried)

            started = time.monotonic()
            while not await recorded():
                assert time.monotonic() - started < deadline + 3, "the slow delivery is not cut"
                await asyncio.sleep(0.1)
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
    for attempt in tried:  # one for each event, each cut at the deadline
        assert (attempt["succeeded"], attempt["error"]) == (False, "timeout")
        assert attempt["response_prefix"] is None
        assert deadline * 1000 <= attempt["duration_ms"] < (deadline + 1) * 1000


async def test_a_redirect_inward_is_not_followed(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with receiver() as inside, receiver(script=[307], location=inside.url) as endpoint:
        hook = await subscribe(client, keys, endpoint.url)
        await nominate(client, keys)
        assert await deliver(worker(app)) == 1
    assert len(endpoint.received) == 1 and inside.received == []
    (attempt,) = await attempts(client, keys, hook)
    assert attempt["succeeded"] is False
    assert attempt["error"] == "HTTP 307 (redirects are not followed)"


async def test_a_name_that_rebinds_to_the_loopback_never_reaches_it(
    app: Any,
    client: httpx.AsyncClient,
    keys: Keys,
    resolver: list[str],
    only_loopback: list[str],
) -> None:
    with listener() as (port, accepted):
        resolver.append(PUBLIC)  # the check on create
        hook = await subscribe(client, keys, f"https://hooks.example.org:{port}/hook")
        await nominate(client, keys)
        resolver.append(PUBLIC)  # the check before sending; any later lookup: 127.0.0.1
        assert await deliver(worker(app)) == 1
        await asyncio.sleep(0.2)
    assert accepted == [0], "the delivery reached the loopback"
    assert only_loopback == [PUBLIC]  # it went to the address that was checked
    (attempt,) = await attempts(client, keys, hook)
    assert (attempt["succeeded"], attempt["error"]) == (False, "connection failed")


async def test_a_delivery_error_names_a_class_not_the_network(
    app: Any, client: httpx.AsyncClient, keys: Keys, private: None
) -> None:
    with listener() as (port, _):
        url = f"http://127.0.0.1:{port}/hook"
    hook = await subscribe(client, keys, url)  # the port is closed now
    await nominate(client, keys)
    assert await deliver(worker(app)) == 1
    (attempt,) = await attempts(client, keys, hook)
    assert (attempt["succeeded"], attempt["error"]) == (False, "connection refused")
    assert attempt["response_prefix"] is None  # no reply came


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible
        "::10.0.0.1",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:1::1",  # 6to4 of 192.168.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    ],
)
async def test_ipv6_forms_of_private_addresses_are_refused(
    client: httpx.AsyncClient, keys: Keys, resolver: list[str], address: str
) -> None:
    for url in (f"https://[{address}]/hook", "https://hooks.example.org/hook"):
        resolver[:] = [address]
        body = {"url": url, "events": ["training.created"]}
        response = await client.post(WEBHOOKS, json=body, headers=keys.headers("admin"))
        assert response.status_code == 422, (url, response.text)
        assert response.json()["errors"][0]["pointer"] == "/url"


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "2606:4700::1111"])
def test_ipv6_forms_of_public_addresses_are_accepted(address: str) -> None:
    assert not not_public(address)
