"""Every error is RFC 9457 problem+json; bad input is a 4xx (never a 500); no database → 503."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from app.cli import migrate
from tests.conftest import PG_URL, Keys
from tests.core.apps import side_client

LEAKS = ("Traceback", 'File "', "sqlalchemy", "SELECT ", "INSERT ", "asyncpg", "sqlite3")


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert isinstance(body["type"], str) and body["type"].startswith("https://")
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["instance"] == response.headers["x-request-id"]
    for leak in LEAKS:
        assert leak not in response.text, leak
    return body


def pointers(body: dict[str, object]) -> list[str | None]:
    return [e.get("pointer") for e in body["errors"]]  # type: ignore[attr-defined, union-attr]


def parameters(body: dict[str, object]) -> list[str | None]:
    return [e.get("parameter") for e in body["errors"]]  # type: ignore[attr-defined, union-attr]


async def test_404_for_unknown_routes_and_resources(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    assert_problem(await client.get("/api/v1/nowhere", headers=analyst), 404)
    assert_problem(await client.get("/nowhere"), 404)
    assert_problem(await client.get("/api/v1/partners/ZZZ", headers=analyst), 404)
    assert_problem(await client.get("/api/v1/programs/NOPE", headers=analyst), 404)
    assert_problem(await client.get("/api/v1/partners/KEN/memberships/999", headers=analyst), 404)
    assert_problem(await client.get("/api/v1/partners/KEN/benchmarks/2026", headers=analyst), 404)
    body = assert_problem(
        await client.get(
            "/api/v1/api-keys/424242", headers={**keys.headers("admin"), "X-Request-ID": "r-404"}
        ),
        404,
    )
    assert body["instance"] == "r-404"


async def test_405_names_the_allowed_methods(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await client.delete("/api/v1/programs", headers=keys.headers("admin"))
    assert_problem(response, 405)
    assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert_problem(
        await client.put("/api/v1/outcomes/1", json={}, headers=keys.headers("admin")), 405
    )


async def test_413_when_the_body_is_over_the_cap(database_url: str, keys: Keys) -> None:
    async with side_client(database_url, max_body_bytes=2048, max_import_bytes=8192) as http:
        admin = keys.headers("admin")
        big = {"code": "BIG-1", "name": "x", "description": "d" * 4000}
        assert_problem(await http.post("/api/v1/programs", json=big, headers=admin), 413)
        # Import endpoints have their own, larger cap.
        rows = [{"title": "t" * 40, "n": i} for i in range(60)]  # about 3 KB
        imported = await http.post(
            "/api/v1/imports/trainings?dry_run=true", json=rows, headers=admin
        )
        assert imported.status_code not in (413, 415), imported.text
        assert imported.status_code < 500
        too_many = [{"title": "t" * 40, "n": i} for i in range(200)]  # about 10 KB
        assert_problem(
            await http.post("/api/v1/imports/trainings?dry_run=true", json=too_many, headers=admin),
            413,
        )

        async def chunks():  # no Content-Length: the cap applies while reading
            for _ in range(10):
                yield b" " * 1000
            yield b'{"code": "BIG-2", "name": "x"}'

        streamed = await http.post(
            "/api/v1/programs",
            content=chunks(),
            headers={**admin, "Content-Type": "application/json"},
        )
        assert_problem(streamed, 413)
        small = await http.post(
            "/api/v1/programs", json={"code": "SMALL", "name": "fits"}, headers=admin
        )
        assert small.status_code == 201
        listing = await http.get("/api/v1/programs?limit=500", headers=admin)
        assert {p["code"] for p in listing.json()["items"]} & {"BIG-1", "BIG-2"} == set()


async def test_415_for_bodies_that_are_not_json(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    for content_type in (
        "text/plain",
        "text/csv",
        "application/x-www-form-urlencoded",
        "application/xml",
    ):
        response = await client.post(
            "/api/v1/programs",
            content=b'{"code": "TXT", "name": "x"}',
            headers={**admin, "Content-Type": content_type},
        )
        assert_problem(response, 415)
    no_type = await client.post(
        "/api/v1/programs", content=b'{"code": "TXT", "name": "x"}', headers=admin
    )
    assert_problem(no_type, 415)
    charset = await client.post(
        "/api/v1/programs",
        content=b'{"code": "TXT", "name": "x"}',
        headers={**admin, "Content-Type": "application/json; charset=utf-8"},
    )
    assert charset.status_code == 201


async def test_422_points_at_each_bad_field(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    url = "/api/v1/programs"
    unknown = assert_problem(
        await client.post(url, json={"code": "ABC", "name": "x", "colour": "red"}, headers=admin),
        422,
    )
    assert pointers(unknown) == ["/colour"]
    read_only = assert_problem(
        await client.post(
            url,
            json={"code": "ABC", "name": "x", "created_at": "2020-01-01T00:00:00Z"},
            headers=admin,
        ),
        422,
    )
    assert pointers(read_only) == ["/created_at"]
    nul = assert_problem(
        await client.post(url, json={"code": "ABC", "name": "bad\u0000name"}, headers=admin), 422
    )
    assert pointers(nul) == ["/name"]
    nul_code = assert_problem(
        await client.post(url, json={"code": "A\u0000C", "name": "x"}, headers=admin), 422
    )
    assert pointers(nul_code) == ["/code"]
    huge = assert_problem(
        await client.post(
            url, json={"code": "ABC", "name": "x", "outcomes": [10**30]}, headers=admin
        ),
        422,
    )
    assert pointers(huge) == ["/outcomes/0"]
    benchmark = assert_problem(
        await client.put(
            "/api/v1/partners/KEN/benchmarks/2026",
            json={"military_women_share_pct": 10**30, "source": "x"},
            headers=admin,
        ),
        422,
    )
    assert pointers(benchmark) == ["/military_women_share_pct"]
    nested = assert_problem(
        await client.post(
            "/api/v1/partners/KEN/memberships",
            json={"program": "GPOI", "start_date": "2008-02-30"},
            headers=admin,
        ),
        422,
    )
    assert pointers(nested) == ["/start_date"]
    wrong_shape = assert_problem(await client.post(url, json=[1, 2], headers=admin), 422)
    assert wrong_shape["errors"]


@pytest.mark.parametrize(
    "payload",
    [
        b"{",
        b'{"code": "ABC",}',
        b"\xff\xfe",
        b"null",
        b"",
        b'"text"',
        b"NaN",
        b'{"code": 1e999999}',
    ],
)
async def test_invalid_json_is_a_422(client: httpx.AsyncClient, keys: Keys, payload: bytes) -> None:
    response = await client.post(
        "/api/v1/programs",
        content=payload,
        headers={**keys.headers("admin"), "Content-Type": "application/json"},
    )
    body = assert_problem(response, 422)
    assert body["errors"]


async def test_out_of_range_numbers_in_paths_and_queries(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    analyst = keys.headers("analyst")
    huge = str(10**30)
    for url, parameter in [
        (f"/api/v1/outcomes/{huge}", "number"),
        ("/api/v1/outcomes/-1", "number"),
        (f"/api/v1/partners/KEN/memberships/{huge}", "membership_id"),
        (f"/api/v1/partners/KEN/benchmarks/{huge}", "fiscal_year"),
        (f"/api/v1/partners/KEN/benchmarks/{huge}.5", "fiscal_year"),
        (f"/api/v1/partners?limit={huge}", "limit"),
        ("/api/v1/partners?updated_since=yesterday", "updated_since"),
        ("/api/v1/partners?updated_since=99999-01-01", "updated_since"),
        # Valid ISO 8601, but beyond year 9999 once in UTC.
        ("/api/v1/partners?updated_since=9999-12-31T23:59:59-14:00", "updated_since"),
        ("/api/v1/partners?updated_since=0001-01-01T00:00:00%2B14:00", "updated_since"),
        ("/api/v1/programs?updated_since=9999-12-31T23:00:00-10:00", "updated_since"),
        (f"/api/v1/audit-events?actor_key_id={huge}", "actor_key_id"),
        ("/api/v1/partners?q=%00", "q"),
        ("/api/v1/partners?region=MARS", "region"),
        ("/api/v1/partners?as_of=2021-13-01", "as_of"),
        ("/api/v1/partners/K%00N", "code"),
    ]:
        headers = keys.headers("admin") if "audit" in url else analyst
        body = assert_problem(await client.get(url, headers=headers), 422)
        assert parameters(body) == [parameter], url


async def test_nul_and_control_characters_never_cause_a_500(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    for url in (
        "/api/v1/programs/%00",
        "/api/v1/partners/%00%00",
        "/api/v1/partners?q=" + "%01" * 3,
        "/api/v1/audit-events?resource_id=%00",
        "/api/v1/partners/%E2%82%AC",
    ):
        response = await client.get(url, headers=admin)
        assert 400 <= response.status_code < 500, (url, response.text)
        assert_problem(response, response.status_code)
    patch = await client.patch(
        "/api/v1/outcomes/1", json={"text": "a\u0000b"}, headers={**admin, "If-Match": "*"}
    )
    assert pointers(assert_problem(patch, 422)) == ["/text"]


async def test_unreachable_database_is_a_quick_503(keys: Keys) -> None:
    started = time.monotonic()
    async with side_client(
        "postgresql+asyncpg://postgres@127.0.0.1:1/x",
        db_connect_timeout_seconds=2,
        bootstrap_admin_key="wps_bootstrap-" + "c" * 40,  # the start does not wait on it
    ) as http:
        response = await http.get("/api/v1/programs", headers=keys.headers("analyst"))
        body = assert_problem(response, 503)
        assert int(response.headers["retry-after"]) > 0
        assert "database" in str(body["detail"])
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        assert (await http.get("/healthz")).status_code == 200
    assert time.monotonic() - started < 8


async def test_sqlite_file_that_appears_later_is_picked_up_without_restart(
    tmp_path: Path, keys: Keys
) -> None:
    folder = tmp_path / "later"
    url = f"sqlite+aiosqlite:///{folder / 'wps.db'}"
    async with side_client(url) as http:
        assert_problem(await http.get("/api/v1/programs", headers=keys.headers("analyst")), 503)
        assert (await http.get("/readyz")).status_code == 503
        folder.mkdir()
        await asyncio.to_thread(migrate, "heads", database_url=url)
        ready = await http.get("/readyz")
        assert ready.status_code == 200, ready.text
        # Reachable, but the key is unknown to this new database: 401, no longer 503.
        assert (
            await http.get("/api/v1/programs", headers=keys.headers("analyst"))
        ).status_code == 401


class TcpProxy:
    """A TCP forwarder we can stop and restart, standing in for a database that goes away."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        with contextlib.suppress(Exception):
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()


async def test_postgres_outage_is_503_and_recovers_without_restart(
    backend: str, keys: Keys
) -> None:
    if backend != "postgresql":
        pytest.skip("a TCP outage applies to PostgreSQL; SQLite recovery is tested above")
    assert PG_URL is not None
    parts = urlsplit(PG_URL)
    proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await proxy.start()
    netloc = f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}"
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    analyst = keys.headers("analyst")
    try:
        async with side_client(url, db_pool_size=2, db_connect_timeout_seconds=2) as http:
            assert (await http.get("/api/v1/programs", headers=analyst)).status_code == 200
            await proxy.stop()
            for _ in range(3):
                started = time.monotonic()
                down = await http.get("/api/v1/programs", headers=analyst)
                assert_problem(down, 503)
                assert down.headers["retry-after"]
                assert time.monotonic() - started < 6
            assert (await http.get("/readyz")).status_code == 503
            await proxy.start()
            back = await http.get("/api/v1/programs", headers=analyst)
            assert back.status_code == 200, back.text
            assert (await http.get("/readyz")).status_code == 200
            created = await http.post(
                "/api/v1/programs",
                json={"code": "BACK", "name": "Back"},
                headers=keys.headers("admin"),
            )
            assert created.status_code == 201, created.text
    finally:
        with contextlib.suppress(Exception):
            await proxy.stop()
