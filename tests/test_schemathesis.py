"""Property-based contract test: schemathesis drives every operation of the contract.

The schema is generated from the code (so routers added later are covered without
editing this file); requests go in-process to the session's app, with a valid admin key
and reference data plus a few memberships and a benchmark in the database. Inputs are
both valid (positive) and invalid (negative, NUL characters included): no response may be
a server error, break its declared schema or headers, or use an undeclared status code.
Contract = behaviour: data the contract admits is accepted and data it refuses is refused,
apart from the state-dependent answers declared once in STATE_DEPENDENT.
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
from schemathesis.config._checks import NegativeDataRejectionConfig, PositiveDataAcceptanceConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import update

from app.apikeys.models import ApiKey
from app.apikeys.service import create_key
from app.cli import contract
from app.core.commit import transaction
from app.core.security import Role, hash_secret
from tests.conftest import Seeded, reset_database

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    missing_required_header,
]
# Contract = behaviour, counted per check and answer rather than shrunk case by case (a run
# stays ~1 minute per backend); test_contract_states_what_the_server_accepts asserts zero.
DATA_CHECKS = [positive_data_acceptance, negative_data_rejection]
# Answers that depend on the database's state, not on the request's shape, so the contract
# cannot rule them out for valid data: a record that does not exist (404), a duplicate or a
# workflow rule (409), a stale or missing version (412/428), a spent creation budget (429).
STATE_DEPENDENT = ["2xx", "3xx", "401", "403", "404", "409", "412", "428", "429"]

schema = schemathesis.openapi.from_dict(json.loads(contract()))
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    allow_x00=True,
    # The Authorization header is ours (a valid admin key); generated ones would be 401s.
    with_security_parameters=False,
)

# 422s to data the contract admits, each for a reason the contract states in words but JSON
# Schema cannot: (pointer or parameter, start of the detail). Declared here, and only here.
DECLARED_REFUSALS = [
    ("cursor", "invalid cursor"),  # a cursor is opaque: a made-up one is stale or forged
    ("Idempotency-Key", "reused with a different request"),  # the fuzzer repeats its keys
    ("", "unknown"),  # which partner and program codes exist is reference data
    ("/fiscal_year", "must be between"),  # nominations: a window around today
    ("", "Input should be a valid integer"),  # 85.0 is a JSON Schema integer; point 11 refuses it
    ("", "end_date must"),  # date order across two fields
    ("to_fy", "must not be before from_fy"),  # fiscal-year order across two fields
    ("", "topics must not repeat"),
    ("", "purposes must not repeat"),
    ("", "outcomes must not repeat"),
    ("/partner", "partner is required for embassy keys"),  # depends on `role`
    ("/owner", "owner is required for admin and integration keys"),  # depends on `role`
    ("/partner", "required: the nominating country"),  # admins name it, embassies may not
    ("", "a count result"),  # a result's fields follow its indicator's measure
    ("", "required for a"),
    ("", "required column is missing"),  # a CSV body's header row
    ("", "missing column"),
    ("", "the file "),  # an upload's bytes: empty, binary or a workbook
    ("group_by", ""),  # a comma-separated list of group names
    ("", "must be a date from"),  # JSON Schema states no date range (FY 1990..2100)
    ("", "must be the id of an exported record"),  # whether an import's id exists is state
    ("/completed_on", ""),  # follows status: required when completed, absent otherwise
    ("/engagement", ""),  # whether the engagement exists and is the partner's is state
    ("", "features must not repeat"),
    ("", "focus must not repeat"),
    # CWD teams: a team's life orders two dates; its rosters must fall within it (state).
    ("", "must not be before"),
    ("", "must not be after"),
    ("", "the team has a roster"),
    ("", "this role is already listed"),  # roles are items of a list: each once
    ("as_known_on", "is no calendar date"),  # JSON Schema's pattern cannot tell 2021-02-30
    ("as_known_on", "must not be in the future"),  # depends on the clock
    ("/metric", "a derived indicator names its metric"),  # fields follow `source`
    ("/baseline", "a decrease indicator needs a baseline"),  # and `direction`
    ("/value", "a count must be a whole number"),  # follows the indicator's measure (state)
    ("/url", "must "),  # a webhook URL: https, and a public address (what the host resolves to)
    ("after", "is beyond the last committed change"),  # the change feed's end is state
]


def _declared_acceptance(case: Any, response: httpx.Response) -> bool:
    """A dry-run import answers 200 with the invalid rows in its summary (declared so)."""
    dry_run = str((case.query or {}).get("dry_run", "")).lower() == "true"
    return dry_run and response.status_code == 200 and bool(response.json().get("errors"))


def _declared(response: httpx.Response) -> bool:
    if response.status_code != 422:
        return False
    problem = response.json()
    for error in problem.get("errors") or [problem]:
        where = error.get("pointer") or error.get("parameter") or ""
        detail = error.get("detail", "")
        if not any(
            where.startswith(place)
            and (text in detail if text == "unknown" else detail.startswith(text))
            for place, text in DECLARED_REFUSALS
        ):
            return False
    return True


schema.config.phases.update(phases=["examples", "fuzzing"])
schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
    expected_statuses=STATE_DEPENDENT
)
schema.config.checks.negative_data_rejection = NegativeDataRejectionConfig(
    expected_statuses=[
        "400",
        "401",
        "403",
        "404",
        "405",
        "406",
        "409",
        "412",
        "413",
        "415",
        "422",
        "428",
        "429",
    ]
)


@dataclass
class Fuzzing:
    """The admin key the fuzzer uses, and what the service answered, per backend."""

    admin_key: str
    statuses: Counter[int] = field(default_factory=Counter)
    data_failures: Counter[str] = field(default_factory=Counter)
    declared_refusals: int = 0
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
    async with transaction(state.sessionmaker) as session:
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
    # A change-feed long poll would sleep through each `wait` the fuzzer picks (tested apart).
    settings = state.settings
    state.settings = settings.model_copy(update={"changes_wait_cap_seconds": 0})
    yield run
    state.settings = settings


def _first_error(response: httpx.Response) -> str:
    """What a refusal said (its first error), so a mismatch report says why."""
    if response.headers.get("content-type") != "application/problem+json":
        return ""
    problem = response.json()
    first = (problem.get("errors") or [problem])[0]
    where = first.get("pointer") or first.get("parameter") or ""
    return f"{where}: {first.get('detail', '')}"[:90]


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
        try:
            case.validate_response(response, checks=DATA_CHECKS)
        except (AssertionError, FailureGroup) as failed:
            for failure in getattr(failed, "exceptions", [failed]):
                what = type(failure).__name__
                if (what == "RejectedPositiveData" and _declared(response)) or (
                    what == "AcceptedNegativeData" and _declared_acceptance(case, response)
                ):
                    fuzzing.declared_refusals += 1
                    continue
                where = f"{what} {case.method} {case.path} {response.status_code}"
                fuzzing.data_failures[f"{where} {_first_error(response)}"] += 1
        case.validate_response(response, checks=CHECKS)
    finally:
        if case.method == "DELETE" and case.path.startswith("/api/v1/api-keys"):
            # The fuzzer may have revoked its own key (If-Match: *): restore it.
            async with transaction(state.sessionmaker) as session:
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


def test_contract_states_what_the_server_accepts(
    request: pytest.FixtureRequest, backend: str
) -> None:
    """positive_data_acceptance and negative_data_rejection found nothing but the declared
    state-dependent answers."""
    run = RUNS.get(backend)
    if run is None:
        pytest.skip("the schemathesis test did not run")
    print(
        f"{backend}: {run.declared_refusals} declared refusals of positive data; "
        f"mismatches: {dict(run.data_failures)}"
    )
    assert not run.data_failures, dict(run.data_failures.most_common())
