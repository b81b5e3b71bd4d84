"""Property-based contract test: schemathesis drives every operation of the contract.

The schema is generated from the code (so routers added later are covered without
editing this file); requests go in-process to the session's app, with a valid admin key
and reference data plus a few memberships and a benchmark in the database. Inputs are
both valid (positive) and invalid (negative, NUL characters included): no response may be
a server error, break its declared schema, or use an undeclared status code.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import update

from app.apikeys.models import ApiKey
from app.apikeys.service import create_key
from app.cli import contract
from app.core.security import Role, hash_secret
from tests.conftest import Seeded, reset_database

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_dict(json.loads(contract()))
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    allow_x00=True,
    # The Authorization header is ours (a valid admin key); generated ones would be 401s.
    with_security_parameters=False,
)

schema.config.phases.update(phases=["examples", "fuzzing"])


@dataclass
class Fuzzing:
    """The admin key the fuzzer uses, and what the service answered, per backend."""

    admin_key: str
    statuses: Counter[int] = field(default_factory=Counter)
    operations: set[str] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)


RUNS: dict[str, Fuzzing] = {}
FUZZ_TEST = "test_api_conforms_to_its_contract"


@pytest.fixture(scope="module")
async def fuzzing(app: Any, backend: str, seeded: Seeded) -> AsyncIterator[Fuzzing]:
    """One clean database per backend for the whole module (hypothesis runs many
    examples inside one test function, so the function-scoped fixtures do not fit)."""
    state = app.state
    await reset_database(state, seeded)
    async with state.sessionmaker() as session, session.begin():
        _, secret = await create_key(session, None, name="schemathesis", role=Role.admin)
    state.key_cache.clear()
    state.rate_limiter.reset()
    run = Fuzzing(admin_key=secret)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        admin = {"Authorization": f"Bearer {secret}"}
        for code, program, start, end in [
            ("KEN", "GPOI", "2008-01-01", None),
            ("GHA", "GPOI", "2010-01-01", "2020-01-01"),
            ("KEN", "IMET", "2015-01-01", None),
        ]:
            added = await http.post(
                f"/api/v1/partners/{code}/memberships",
                json={"program": program, "start_date": start, "end_date": end},
                headers=admin,
            )
            assert added.status_code == 201, added.text
        put = await http.put(
            "/api/v1/partners/KEN/benchmarks/2026",
            json={"military_women_share_pct": 7.0, "source": "seeded for schemathesis"},
            headers=admin,
        )
        assert put.status_code == 201, put.text
    RUNS[backend] = run
    yield run


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    # The same examples on every run, so CI is reproducible; set WPS_FUZZ_EXPLORE=1 to search anew.
    derandomize=not os.environ.get("WPS_FUZZ_EXPLORE"),
    database=None if not os.environ.get("WPS_FUZZ_EXPLORE") else settings.default.database,
)
async def test_api_conforms_to_its_contract(app: Any, fuzzing: Fuzzing, case: Any) -> None:
    state = app.state
    # Fuzzing sends far more requests per minute than a key is allowed.
    state.rate_limiter.reset()
    kwargs = case.as_transport_kwargs(
        base_url="http://testserver", headers={"Authorization": f"Bearer {fuzzing.admin_key}"}
    )
    cookies = kwargs.pop("cookies", None)
    if kwargs.get("files"):  # a form field the fuzzer made a number: httpx sends only text
        kwargs["files"] = [
            (name, (part[0], part[1] if isinstance(part[1], str | bytes) else json.dumps(part[1])))
            for name, part in kwargs["files"]
        ]
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, cookies=cookies) as http:
        response = await http.request(**kwargs)
        await response.request.aread()  # a multipart body is streamed; the checks read it back
    fuzzing.statuses[response.status_code] += 1
    fuzzing.operations.add(f"{case.method} {case.path}")
    try:
        case.validate_response(response, checks=CHECKS)
    finally:
        if case.method == "DELETE" and case.path.startswith("/api/v1/api-keys"):
            # The fuzzer may have revoked its own key (If-Match: *): restore it.
            async with state.sessionmaker() as session, session.begin():
                await session.execute(
                    update(ApiKey)
                    .where(ApiKey.key_hash == hash_secret(fuzzing.admin_key))
                    .values(revoked_at=None)
                )
            state.key_cache.clear()


def test_fuzzing_was_meaningful(request: pytest.FixtureRequest, backend: str) -> None:
    """Every selected operation was exercised, and most answers came from the routes
    themselves, not from the auth layer (a broken key would make the run hollow)."""
    selected = {
        item.originalname.removeprefix(f"{FUZZ_TEST}[").removesuffix("]")
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.originalname.startswith(f"{FUZZ_TEST}[")
        and item.callspec.params.get("backend") == backend
    }
    if not selected:
        pytest.skip("the schemathesis test was deselected")
    run = RUNS.get(backend)
    assert run is not None, "the schemathesis test did not run"
    total = sum(run.statuses.values())
    denied = run.statuses[401] + run.statuses[403]
    print(  # the run's shape, shown with -s
        f"{backend}: {total} requests over {len(run.operations)} operations in "
        f"{time.monotonic() - run.started:.0f}s: {dict(sorted(run.statuses.items()))}"
    )
    assert run.operations == selected
    assert total >= len(selected) * 5
    assert denied <= total * 0.05, dict(run.statuses)
    succeeded = sum(n for status, n in run.statuses.items() if 200 <= status < 300)
    assert succeeded > 0
    if len(selected) >= 30:  # a full run; a few selected operations may all be 404s
        assert succeeded >= total * 0.05, dict(run.statuses)


def test_every_operation_of_the_contract_is_fuzzed() -> None:
    documented = {
        f"{method.upper()} {path}"
        for path, item in schema.raw_schema["paths"].items()
        for method in item
    }
    fuzzed = {result.ok().label for result in schema.get_all_operations()}  # type: ignore[union-attr]
    assert fuzzed == documented
    assert len(documented) >= 30
