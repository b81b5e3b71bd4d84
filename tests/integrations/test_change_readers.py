"""Who reads which changes: every resource type the audit writer is given has a rule in the
registry (app/visibility.py), and an embassy key follows, in the change feed and by webhook,
every kind of record it can GET of its own country, and none of another country's."""

from __future__ import annotations

import ast
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select

from app.core import visibility
from app.integrations.webhooks.events import EventType
from app.integrations.webhooks.models import Message
from app.partners.models import Partner
from tests.conftest import ROOT, Keys
from tests.cwd.helpers import TEAMS, members, team
from tests.facilities.helpers import CENTERS, UPGRADES, center, upgrade
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.gdrp.helpers import ENGAGEMENTS, MILESTONES, engagement, milestone
from tests.imet.history.helpers import HISTORY, history
from tests.imet.nominations.helpers import NOMINATIONS, body, idem
from tests.indicators.helpers import INDICATORS, manual
from tests.projects.helpers import IMPLEMENTERS, PROJECTS, implementer, project
from tests.trainings.helpers import TRAININGS, training

CHANGES = "/api/v1/changes"
WEBHOOKS = "/api/v1/webhooks"
APP = ROOT / "app"
# The audit writer's functions that take a resource type, and its position among their arguments
# (`Audited` declares a record type's audited writes: app/audit/edits.py).
WRITERS = {"record": 3, "record_created": 2, "Audited": 0}
# The audit modules that pass their callers' types on, so they are not walked.
PASSING_ON = {APP / "audit" / "writer.py", APP / "audit" / "edits.py"}


# --- every recorded resource type has a rule --------------------------------------------------


def _constants(tree: ast.Module) -> dict[str, str]:
    """A module's top-level string constants (RESOURCE = "training", ...)."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def recorded_types() -> set[str]:
    """Every resource type passed to the audit writer in app/: the resource type argument of
    each `record(...)`, `record_created(...)` or `Audited(...)` call (a literal, or a module
    constant, here or imported), and each bulk importer's `resource_type` (the import flow
    hands it to the writer). The audit modules that pass their callers' types on are not
    walked."""
    trees = {path: ast.parse(path.read_text()) for path in APP.rglob("*.py")}
    constants = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts): _constants(tree)
        for path, tree in trees.items()
    }
    found: set[str] = set()
    unresolved: list[str] = []
    for path, tree in trees.items():
        if path in PASSING_ON:
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        names = dict(constants[module])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in constants:
                for alias in node.names:
                    if alias.name in constants[node.module]:
                        names[alias.asname or alias.name] = constants[node.module][alias.name]
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and any(
                            isinstance(t, ast.Name) and t.id == "resource_type"
                            for t in item.targets
                        )
                        and isinstance(item.value, ast.Constant)
                    ):
                        found.add(str(item.value.value))
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in WRITERS
            ):
                continue
            given = [k.value for k in node.keywords if k.arg == "resource_type"]
            arg = given[0] if given else node.args[WRITERS[node.func.id]]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in names:
                found.add(names[arg.id])
            else:
                unresolved.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not unresolved, f"resource types this test cannot resolve: {unresolved}"
    return found


def test_every_recorded_resource_type_has_a_change_readers_rule(app: Any) -> None:
    recorded = recorded_types()
    # The walk finds what it should (a broken walk would find nothing and pass).
    assert {"training", "nomination", "cwd_team", "policy_milestone", "api_key"} <= recorded
    missing = recorded - visibility.declared()
    assert not missing, f"no change readers rule (add one to app/visibility.py): {missing}"
    stale = visibility.declared() - recorded
    assert not stale, f"rules for resource types nothing records: {stale}"


# --- an embassy follows its own country's records ----------------------------------------------


class Api:
    """The steps of a case: the admin key (or `role`) writing, the ETag read first."""

    def __init__(self, client: httpx.AsyncClient, keys: Keys) -> None:
        self.client, self.keys = client, keys

    async def post(self, path: str, json: dict[str, Any], role: str = "admin") -> dict[str, Any]:
        headers = self.keys.headers(role)
        response = await self.client.post(path, json=json, headers=idem(headers))
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def put(self, path: str, json: dict[str, Any]) -> None:
        response = await self.client.put(path, json=json, headers=self.keys.headers("admin"))
        assert response.status_code in (200, 201), response.text

    async def _versioned(
        self, method: str, path: str, json: dict[str, Any] | None, role: str
    ) -> httpx.Response:
        headers = self.keys.headers(role)
        etag = (await self.client.get(path, headers=headers)).headers["etag"]
        return await self.client.request(
            method, path, json=json, headers={**headers, "If-Match": etag}
        )

    async def patch(self, path: str, json: dict[str, Any], role: str = "admin") -> None:
        response = await self._versioned("PATCH", path, json, role)
        assert response.status_code == 200, response.text

    async def delete(self, path: str, role: str = "admin") -> None:
        response = await self._versioned("DELETE", path, None, role)
        assert response.status_code == 204, response.text


# A case writes a record of Kenya (the `embassy` key's country) and gives its type and id.
Case = Callable[[Api], Awaitable[tuple[str, str]]]


async def _nomination(api: Api) -> tuple[str, str]:
    made = await api.post(NOMINATIONS, body(), role="embassy")
    await api.patch(f"{NOMINATIONS}/{made['id']}", {"ecl_score": 88}, role="embassy")
    response = await api.client.post(
        f"{NOMINATIONS}/{made['id']}/transitions",
        json={"to": "under_review"},
        headers=api.keys.headers("admin"),
    )
    assert response.status_code == 200, response.text
    return "nomination", str(made["id"])


async def _training(api: Api) -> tuple[str, str]:
    kenyan = [{"partner": "KEN", "women": 3, "men": 7}]
    made = await api.post(
        TRAININGS, training(host_country="KEN", location="Nairobi", participants=kenyan)
    )
    path = f"{TRAININGS}/{made['id']}"
    await api.patch(path, {"hours": 40})
    await api.delete(path)
    return "training", str(made["id"])


async def _by_path(api: Api, collection: str, made: dict[str, Any], key: str, change: Any) -> str:
    path = f"{collection}/{made[key]}"
    await api.patch(path, change)
    await api.delete(path)
    return str(made[key])


async def _imet_history(api: Api) -> tuple[str, str]:
    made = await api.post(HISTORY, history())
    return "imet_history", await _by_path(api, HISTORY, made, "id", {"women": 4})


async def _obligation(api: Api) -> tuple[str, str]:
    made = await api.post(OBLIGATIONS, obligation(partner="KEN"))
    change = {"source_ref": "FA-2022-0001-B"}
    return "obligation", await _by_path(api, OBLIGATIONS, made, "id", change)


async def _project(api: Api) -> tuple[str, str]:
    await api.post(IMPLEMENTERS, implementer())
    made = await api.post(PROJECTS, project(partner="KEN", implementer="HALO"))
    change = {"award_ref": "SPMWRA20CA0001-M2"}
    return "project", await _by_path(api, PROJECTS, made, "code", change)


async def _cwd_team(api: Api) -> tuple[str, str]:
    made = await api.post(TEAMS, team())
    return "cwd_team", await _by_path(api, TEAMS, made, "id", {"name": "Team 8"})


async def _cwd_roster(api: Api) -> tuple[str, str]:
    made = await api.post(TEAMS, team())
    rosters = f"{TEAMS}/{made['id']}/rosters"
    await api.post(rosters, {"as_of": "2022-03-31", "members": members(2, 5)})
    path = f"{rosters}/2022-03-31"
    await api.patch(path, {"members": members(3, 5)})
    await api.delete(path)
    return "cwd_roster", ""  # the id is not in the reply: any of the type


async def _training_center(api: Api) -> tuple[str, str]:
    made = await api.post(CENTERS, center(code="KEN-IPSTC", partner="KEN", location="Karen"))
    return "training_center", await _by_path(api, CENTERS, made, "code", {"location": "Nairobi"})


async def _facility_upgrade(api: Api) -> tuple[str, str]:
    await api.post(CENTERS, center(code="KEN-IPSTC", partner="KEN", location="Karen"))
    made = await api.post(UPGRADES, upgrade(training_center="KEN-IPSTC"))
    return "facility_upgrade", await _by_path(api, UPGRADES, made, "id", {"women_beds_added": 30})


async def _advisory_engagement(api: Api) -> tuple[str, str]:
    made = await api.post(ENGAGEMENTS, engagement(partner="KEN"))
    change = {"institution": "Ministry of Defence (Kenya)"}
    return "advisory_engagement", await _by_path(api, ENGAGEMENTS, made, "id", change)


async def _policy_milestone(api: Api) -> tuple[str, str]:
    made = await api.post(MILESTONES, milestone(partner="KEN"))
    change = {"title": "National Action Plan, revised"}
    return "policy_milestone", await _by_path(api, MILESTONES, made, "id", change)


async def _indicator_result(api: Api) -> tuple[str, str]:
    code = (await api.post(INDICATORS, manual()))["code"]
    results = f"{INDICATORS}/{code}/results"
    # One result deleted; one approved (a webhook event).
    gone = await api.post(results, {"fiscal_year": 2021, "partner": "KEN", "value": 9})
    await _by_path(api, results, gone, "id", {"value": 8})
    made = await api.post(results, {"fiscal_year": 2022, "partner": "KEN", "value": 10})
    await api.patch(f"{results}/{made['id']}", {"value": 12})
    # Four eyes: an admin of another owner than the one who entered and edited it approves it.
    reviewer = await api.post("/api/v1/api-keys", {"name": "r", "role": "admin", "owner": "R"})
    api.keys["reviewer"] = reviewer["key"]
    for role, to in (("integration", "submitted"), ("reviewer", "approved")):
        response = await api.client.post(
            f"{results}/{made['id']}/transitions",
            json={"to": to},
            headers=api.keys.headers(role),
        )
        assert response.status_code == 200, response.text
    return "indicator_result", str(made["id"])


async def _indicator_target(api: Api) -> tuple[str, str]:
    code = (await api.post(INDICATORS, manual()))["code"]
    await api.put(f"{INDICATORS}/{code}/targets/2026", {"value": "10", "partner": "KEN"})
    await api.put(f"{INDICATORS}/{code}/targets/2026", {"value": "12", "partner": "KEN"})
    return "indicator_target", ""  # the id is not in the reply: any of the type


async def _membership(api: Api) -> tuple[str, str]:
    path = "/api/v1/partners/KEN/memberships"
    made = await api.post(path, {"program": "CWD", "start_date": "2010-01-01"})
    await api.patch(f"{path}/{made['id']}", {"end_date": "2020-01-01"})
    return "membership", str(made["id"])


async def _benchmark(api: Api) -> tuple[str, str]:
    path = "/api/v1/partners/KEN/benchmarks/2026"
    await api.put(path, {"military_women_share_pct": 7.0, "source": "MoD 2025"})
    await api.put(path, {"military_women_share_pct": 7.5, "source": "MoD 2026"})
    return "benchmark", ""


async def _partner(api: Api) -> tuple[str, str]:
    await api.patch("/api/v1/partners/KEN", {"name": "Republic of Kenya"})
    return "partner", "KEN"


async def _webhook(api: Api) -> tuple[str, str]:
    hook = {"url": "https://hooks.example.org/ken-2", "events": ["training.created"]}
    made = await api.post(WEBHOOKS, hook, role="embassy")
    path = f"{WEBHOOKS}/{made['id']}"
    await api.patch(path, {"enabled": False}, role="embassy")
    await api.delete(path, role="embassy")
    return "webhook", str(made["id"])


OWN_COUNTRY: dict[str, Case] = {
    "nomination": _nomination,
    "training": _training,
    "imet_history": _imet_history,
    "obligation": _obligation,
    "project": _project,
    "cwd_team": _cwd_team,
    "cwd_roster": _cwd_roster,
    "training_center": _training_center,
    "facility_upgrade": _facility_upgrade,
    "advisory_engagement": _advisory_engagement,
    "policy_milestone": _policy_milestone,
    "indicator_result": _indicator_result,
    "indicator_target": _indicator_target,
    "membership": _membership,
    "benchmark": _benchmark,
    "partner": _partner,
    "webhook": _webhook,
}
# The webhook events each case's changes make (the rest make none).
EVENTS: dict[str, set[str]] = {
    "nomination": {EventType.nomination_created, EventType.nomination_status_changed},
    "training": {EventType.training_created, EventType.training_updated},
    "indicator_result": {EventType.result_approved},
}


async def _changes(client: httpx.AsyncClient, keys: Keys, role: str, after: str) -> list[Any]:
    response = await client.get(CHANGES, params={"after": after}, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def _subscribe(client: httpx.AsyncClient, keys: Keys, role: str) -> int:
    hook = {"url": f"https://hooks.example.org/{role}", "events": [str(e) for e in EventType]}
    response = await client.post(WEBHOOKS, json=hook, headers=keys.headers(role))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _messages(app: Any, subscription_id: int, resource_type: str) -> list[tuple[str, str]]:
    async with app.state.sessionmaker() as session:
        rows = await session.scalars(
            select(Message).where(Message.subscription_id == subscription_id).order_by(Message.id)
        )
        return [
            (m.event_type, m.payload["data"]["id"])
            for m in rows
            if m.payload["data"]["resource"] == resource_type
        ]


@pytest.mark.parametrize("kind", sorted(OWN_COUNTRY))
async def test_an_embassy_follows_its_own_countrys_records_and_no_other(
    app: Any, client: httpx.AsyncClient, keys: Keys, kind: str
) -> None:
    start = (await client.get(CHANGES, headers=keys.headers("admin"))).json()["next_cursor"]
    kenya_hook = await _subscribe(client, keys, "embassy")
    ghana_hook = await _subscribe(client, keys, "embassy_gha")

    resource_type, resource_id = await OWN_COUNTRY[kind](Api(client, keys))

    def of_it(items: list[Any]) -> list[tuple[str, str]]:
        return [
            (c["id"], c["action"])
            for c in items
            if c["type"] == resource_type and resource_id in ("", c["id"])
        ]

    every = of_it(await _changes(client, keys, "admin", start))
    assert every, f"the case recorded no {resource_type} change"
    if resource_type not in {"partner", "membership", "benchmark"}:  # no create, or no update
        assert {"create", "update"} <= {a for _, a in every}, every
    assert of_it(await _changes(client, keys, "embassy", start)) == every
    assert of_it(await _changes(client, keys, "embassy_gha", start)) == []

    ours = await _messages(app, kenya_hook, resource_type)
    assert {e for e, _ in ours} == EVENTS.get(resource_type, set()), ours
    assert await _messages(app, ghana_hook, resource_type) == []


# --- reference records: every embassy ------------------------------------------------------------


async def _program(api: Api) -> tuple[str, str]:
    made = await api.post("/api/v1/programs", {"code": "WPSX", "name": "WPS exchange"})
    await api.patch("/api/v1/programs/WPSX", {"name": "WPS exchanges"})
    return "program", str(made["code"])


async def _outcome(api: Api) -> tuple[str, str]:
    await api.patch("/api/v1/outcomes/1", {"title": "Women participate, renamed"})
    return "outcome", "1"


async def _indicator(api: Api) -> tuple[str, str]:
    made = await api.post(INDICATORS, manual())
    return "indicator", await _by_path(api, INDICATORS, made, "code", {"name": "Women deminers"})


async def _implementer(api: Api) -> tuple[str, str]:
    made = await api.post(IMPLEMENTERS, implementer())
    return "implementer", await _by_path(api, IMPLEMENTERS, made, "code", {"name": "HALO (UK)"})


EVERY_EMBASSY: dict[str, Case] = {
    "program": _program,
    "outcome": _outcome,
    "indicator": _indicator,
    "implementer": _implementer,
}


def test_the_reference_records_are_those_declared_read_by_every_embassy() -> None:
    assert visibility.every_embassy() == set(EVERY_EMBASSY)
    # And every other type an embassy can GET is its own country's (tested above).
    assert not set(OWN_COUNTRY) & visibility.every_embassy()


@pytest.mark.parametrize("kind", sorted(EVERY_EMBASSY))
async def test_every_embassy_follows_the_reference_records(
    client: httpx.AsyncClient, keys: Keys, kind: str
) -> None:
    start = (await client.get(CHANGES, headers=keys.headers("admin"))).json()["next_cursor"]
    resource_type, resource_id = await EVERY_EMBASSY[kind](Api(client, keys))

    def of_it(items: list[Any]) -> list[tuple[str, str]]:
        return [(c["id"], c["action"]) for c in items if c["type"] == resource_type]

    every = of_it(await _changes(client, keys, "admin", start))
    assert every and all(i == resource_id for i, _ in every), every
    assert of_it(await _changes(client, keys, "embassy", start)) == every
    assert of_it(await _changes(client, keys, "embassy_gha", start)) == every


async def test_no_embassy_follows_keys_or_peacekeeping_snapshots(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    start = (await client.get(CHANGES, headers=keys.headers("admin"))).json()["next_cursor"]
    made = await client.post(
        "/api/v1/api-keys",
        json={"name": "kenya 2", "role": "embassy", "partner": "KEN"},
        headers=keys.headers("admin"),
    )
    assert made.status_code == 201, made.text
    every = await _changes(client, keys, "admin", start)
    assert [c["type"] for c in every] == ["api_key"]
    for role in ("embassy", "embassy_gha"):
        assert await _changes(client, keys, role, start) == []


# --- one statement per kind of record -------------------------------------------------------------


async def test_readers_of_a_batch_take_one_statement_per_kind_of_record_and_chunk(
    app: Any, client: httpx.AsyncClient, keys: Keys
) -> None:
    api = Api(client, keys)
    kenyan = str((await api.post(TEAMS, team()))["id"])
    ghanaian = str((await api.post(TEAMS, team(partner="GHA", name="Team 9")))["id"])
    gone = str((await api.post(TEAMS, team(name="Team 10")))["id"])
    await api.delete(f"{TEAMS}/{gone}")
    unknown = [str(10**6 + i) for i in range(2 * visibility.CHUNK)]
    asked = [
        ("cwd_team", kenyan),
        ("cwd_team", ghanaian),
        ("cwd_team", gone),  # deleted: the readers of its last change
        ("program", "GPOI"),  # every embassy: no readers of its own
        ("api_key", "1"),
        ("cwd_team", "import"),  # an import's summary names no record
        *[("cwd_team", i) for i in unknown],
        ("cwd_team", kenyan),
    ]
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        statements.append(sql)

    async with app.state.sessionmaker() as session:
        ids = {code: pid for code, pid in await session.execute(select(Partner.code, Partner.id))}
        engine = session.bind.sync_engine
        event.listen(engine, "before_cursor_execute", count)
        try:
            found = await session.run_sync(lambda s: visibility.readers(s, asked))
        finally:
            event.remove(engine, "before_cursor_execute", count)
    ken, gha = frozenset({ids["KEN"]}), frozenset({ids["GHA"]})
    assert found[:6] == [ken, gha, ken, frozenset(), frozenset(), frozenset()]
    assert found[6:-1] == [frozenset()] * len(unknown) and found[-1] == ken
    # 2 + len(unknown) distinct team ids (+ "import"), CHUNK per statement: the records, then
    # those not found (all but two) among the last changes.
    chunks = -(-(len(unknown) + 4) // visibility.CHUNK)
    missing = -(-(len(unknown) + 2) // visibility.CHUNK)
    assert len(statements) == chunks + missing, statements
