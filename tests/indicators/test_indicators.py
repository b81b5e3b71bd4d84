"""Indicator definitions: create, read, filter, edit, delete; targets; the seeded default set."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import delete, func, select

from app.audit.models import AuditEvent
from app.core.commit import transaction
from app.indicators.models import Indicator, Target
from app.seed import seed_reference_data
from tests.conftest import Keys
from tests.indicators.helpers import INDICATORS, create, manual, pointers, put_target

# The CWD indicators derived from teams' rosters (outcome 3).
CWD_DERIVED = {"CWD-ALL-WOMEN-TEAMS", "CWD-MIXED-TEAMS", "CWD-WOMEN-LEADERS", "CWD-WOMEN-PERSONNEL"}
SEEDED = {
    *CWD_DERIVED,
    "CWD-WOMEN-TEAMS",
    "GDRP-POLICY-MILESTONES",
    "GDRP-WOMEN-COUNTERPARTS",
    "GPOI-FACILITY-UPGRADES",
    "GPOI-WOMEN-BEDS",
    "GPOI-NIO-STUDENTS",
    "GPOI-PK-WOMEN-SHARE",
    "GPOI-WOMEN-TRAINED",
    "IMET-WOMEN-OBLIGATED",
    "IMET-WOMEN-TRAINED",
}


async def test_create_read_and_list(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await client.post(
        INDICATORS,
        json={
            "code": "GPOI-WOMEN-TRAINED-2",
            "name": "Women peacekeepers trained through GPOI",
            "outcome": 1,
            "program": "GPOI",
            "measure": "count",
            "direction": "increase",
            "aggregation": "cumulative",
            "source": "derived",
            "metric": "women_trained",
            "metric_filters": {"program": "gpoi", "partner": "ke"},
            "baseline": 0,
        },
        headers=keys.headers("admin"),
    )
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"{INDICATORS}/GPOI-WOMEN-TRAINED-2"
    assert response.headers["etag"] == '"1"'
    body = response.json()
    assert body["metric_filters"] == {"program": "GPOI", "partner": "KEN"}  # normalized
    assert (body["baseline"], body["locked_fiscal_years"], body["program"]) == ("0", [], "GPOI")
    got = await client.get(f"{INDICATORS}/gpoi-women-trained-2", headers=keys.headers("embassy"))
    assert got.status_code == 200 and got.json() == body
    again = await client.get(
        f"{INDICATORS}/GPOI-WOMEN-TRAINED-2",
        headers=keys.headers("analyst", **{"If-None-Match": '"1"'}),
    )
    assert again.status_code == 304

    await create(client, keys, code="NO-PROGRAM", program=None)
    listed = await client.get(
        INDICATORS, params={"include_total": "true"}, headers=keys.headers("analyst")
    )
    codes = [i["code"] for i in listed.json()["items"]]
    assert codes == sorted(SEEDED | {"GPOI-WOMEN-TRAINED-2", "NO-PROGRAM"})
    assert listed.json()["total"] == len(SEEDED) + 2
    filters: list[tuple[dict[str, Any], set[str]]] = [
        ({"outcome": 3}, {*CWD_DERIVED, "CWD-WOMEN-TEAMS", "IMET-WOMEN-OBLIGATED", "NO-PROGRAM"}),
        ({"program": "imet"}, {"IMET-WOMEN-OBLIGATED", "IMET-WOMEN-TRAINED"}),
        ({"source": "manual"}, {"CWD-WOMEN-TEAMS", "NO-PROGRAM"}),
    ]
    for params, expected in filters:
        found = await client.get(INDICATORS, params=params, headers=keys.headers("analyst"))
        assert {i["code"] for i in found.json()["items"]} == expected, params
    # issue 8: an unknown program is the client's error (it was an empty 200)
    unknown = await client.get(
        INDICATORS, params={"program": "NOPE"}, headers=keys.headers("analyst")
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["parameter"] == "program"
    later = await client.get(
        INDICATORS, params={"updated_since": "2999-01-01T00:00:00Z"}, headers=keys.headers("admin")
    )
    assert later.json()["items"] == []


async def test_definition_rules(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    cases = [
        (manual(code="bad code"), "/code"),
        (manual(code="X"), "/code"),
        (manual(surprise=1), "/surprise"),
        (manual(outcome=5), "/outcome"),
        (manual(measure="ratio"), "/measure"),
        (manual(program="NOPE"), "/program"),
        (manual(source="derived"), "/metric"),
        (manual(metric="women_trained"), "/metric"),
        (manual(source="derived", metric="obligations"), "/metric"),  # currency, not count
        (
            manual(source="derived", metric="women_trained", metric_filters={"purpose": "other"}),
            "/metric_filters/purpose",
        ),
        (
            manual(source="derived", metric="women_trained", metric_filters={"program": "NOPE"}),
            "/metric_filters/program",
        ),
        (
            manual(source="derived", metric="women_trained", metric_filters={"topic": "cooking"}),
            "/metric_filters/topic",
        ),
        (
            manual(measure="percent", source="derived", metric="peacekeeping_partner_women_share"),
            "/metric_filters/program",
        ),
        (manual(direction="decrease"), "/baseline"),
        (manual(baseline="1.5"), "/baseline"),  # a count baseline is whole
        (manual(baseline="1.005"), "/baseline"),
        (manual(measure="percent", aggregation="cumulative"), "/aggregation"),
        (manual(measure="qualitative", source="derived", metric="women_trained"), "/metric"),
    ]
    for body, pointer in cases:
        response = await client.post(INDICATORS, json=body, headers=admin)
        assert response.status_code == 422, (body, response.text)
        assert pointer in pointers(response), (body, response.json())
    await create(client, keys)
    duplicate = await client.post(INDICATORS, json=manual(), headers=admin)
    assert duplicate.status_code == 409
    refused = await client.post(
        INDICATORS, json=manual(code="OTHER"), headers=keys.headers("integration")
    )
    assert refused.status_code == 403


async def test_patch_and_delete(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    await create(client, keys)
    url = f"{INDICATORS}/CWD-TEST-COUNT"
    assert (await client.patch(url, json={"name": "x"}, headers=admin)).status_code == 428
    stale = await client.patch(url, json={"name": "x"}, headers={**admin, "If-Match": '"9"'})
    assert stale.status_code == 412
    fixed = await client.patch(
        url, json={"measure": "percent"}, headers={**admin, "If-Match": '"1"'}
    )
    assert fixed.status_code == 422  # measure is fixed once created
    no_baseline = await client.patch(
        url, json={"direction": "decrease"}, headers={**admin, "If-Match": '"1"'}
    )
    assert no_baseline.status_code == 422 and "/baseline" in pointers(no_baseline)
    patched = await client.patch(
        url,
        json={"direction": "decrease", "baseline": "120", "outcome": 2, "program": None},
        headers={**admin, "If-Match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert (body["direction"], body["baseline"], body["outcome"], body["program"]) == (
        "decrease",
        "120",
        2,
        None,
    )
    assert patched.headers["etag"] == '"2"'

    await put_target(client, keys, "CWD-TEST-COUNT", 2022, 100)
    result = await client.post(
        f"{url}/results", json={"fiscal_year": 2022, "value": 90}, headers=admin
    )
    assert result.status_code == 201
    blocked = await client.delete(url, headers={**admin, "If-Match": '"2"'})
    assert blocked.status_code == 409 and "result" in blocked.json()["detail"]
    gone = await client.delete(
        f"{url}/results/{result.json()['id']}", headers={**admin, "If-Match": '"1"'}
    )
    assert gone.status_code == 204
    deleted = await client.delete(url, headers={**admin, "If-Match": '"2"'})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "indicator", "resource_id": "CWD-TEST-COUNT"},
        headers=admin,
    )
    assert [e["action"] for e in events.json()["items"]] == ["delete", "update", "create"]


async def test_targets(client: httpx.AsyncClient, keys: Keys) -> None:
    admin = keys.headers("admin")
    await create(client, keys)
    url = f"{INDICATORS}/CWD-TEST-COUNT/targets/2022"
    made = await client.put(url, json={"value": "150"}, headers=admin)
    assert made.status_code == 201, made.text
    assert made.json()["value"] == "150" and made.json()["partner"] is None
    assert made.headers["location"] == url
    replaced = await client.put(url, json={"value": 160}, headers=admin)
    assert replaced.status_code == 200 and replaced.json()["value"] == "160"
    assert replaced.headers["etag"] == '"2"'
    stale = await client.put(url, json={"value": 170}, headers={**admin, "If-Match": '"1"'})
    assert stale.status_code == 412
    kenya = await client.put(url, json={"value": 40, "partner": "ke"}, headers=admin)
    assert kenya.status_code == 201 and kenya.json()["partner"] == "KEN"
    assert (await client.get(url, headers=keys.headers("analyst"))).json()["value"] == "160"
    # An embassy reads its own country's target only.
    own = await client.get(url, headers=keys.headers("embassy"))
    assert own.status_code == 200 and own.json() == kenya.json()
    other = await client.get(url, params={"partner": "GHA"}, headers=keys.headers("embassy"))
    assert other.status_code == 403
    none = await client.get(url, headers=keys.headers("embassy_gha"))
    assert none.status_code == 404
    for body, pointer in [
        ({"value": "1.5"}, "/value"),
        ({"value": -1}, "/value"),
        ({"value": "NaN"}, "/value"),
        ({"value": 1, "partner": "QQ"}, "/partner"),
        ({"value": 1, "extra": True}, "/extra"),
        ({}, "/value"),
    ]:
        response = await client.put(url, json=body, headers=admin)
        assert response.status_code == 422, body
        assert pointer in pointers(response), (body, response.json())
    await create(client, keys, code="CWD-STORY", measure="qualitative")
    story = await client.put(
        f"{INDICATORS}/CWD-STORY/targets/2022", json={"value": 1}, headers=admin
    )
    assert story.status_code == 422
    money = await client.put(
        f"{INDICATORS}/IMET-WOMEN-OBLIGATED/targets/2023",
        json={"value": "2500000.5"},
        headers=admin,
    )
    assert money.status_code == 201 and money.json()["value"] == "2500000.50"


async def test_seeded_default_set(client: httpx.AsyncClient, keys: Keys) -> None:
    analyst = keys.headers("analyst")
    items = (await client.get(INDICATORS, headers=analyst)).json()["items"]
    by_code = {i["code"]: i for i in items}
    assert set(by_code) == SEEDED
    gpoi = by_code["GPOI-WOMEN-TRAINED"]
    assert (gpoi["source"], gpoi["metric"], gpoi["aggregation"], gpoi["metric_filters"]) == (
        "derived",
        "women_trained",
        "cumulative",
        {"program": "GPOI"},
    )
    nio = by_code["GPOI-NIO-STUDENTS"]
    assert (nio["metric"], nio["metric_filters"]) == (
        "participants_trained",
        {"program": "GPOI", "topic": "nio"},
    )
    money = by_code["IMET-WOMEN-OBLIGATED"]
    assert (money["measure"], money["metric"], money["aggregation"]) == (
        "currency",
        "obligations",
        "per_period_sum",
    )
    assert money["metric_filters"] == {
        "program": "IMET",
        "purpose": "women_training",
        "type": "obligation",
    }
    assert by_code["GPOI-PK-WOMEN-SHARE"]["measure"] == "percent"
    assert by_code["IMET-WOMEN-TRAINED"]["metric"] == "imet_women_completed"
    assert (by_code["CWD-WOMEN-TEAMS"]["source"], by_code["CWD-WOMEN-TEAMS"]["metric"]) == (
        "manual",
        None,
    )
    target = await client.get(f"{INDICATORS}/IMET-WOMEN-OBLIGATED/targets/2022", headers=analyst)
    assert target.status_code == 200 and target.json()["value"] == "3000000.00"
    # Definitions and the known target only: no results were invented.
    results = await client.get(f"{INDICATORS}/CWD-WOMEN-TEAMS/results", headers=analyst)
    assert results.json()["items"] == []


async def test_seeding_indicators_is_idempotent_and_keeps_edits(
    app: object, client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    sessionmaker = app.state.sessionmaker  # type: ignore[attr-defined]

    async def counts() -> tuple[int, int, int]:
        async with transaction(sessionmaker) as session:
            return (
                int(await session.scalar(select(func.count()).select_from(Indicator)) or 0),
                int(await session.scalar(select(func.count()).select_from(Target)) or 0),
                int(await session.scalar(select(func.count()).select_from(AuditEvent)) or 0),
            )

    before = await counts()
    assert before[:2] == (len(SEEDED), 1)
    renamed = await client.patch(
        f"{INDICATORS}/GPOI-WOMEN-TRAINED",
        json={"name": "GPOI women trained (edited)"},
        headers={**admin, "If-Match": "*"},
    )
    assert renamed.status_code == 200
    moved = await put_target(client, keys, "IMET-WOMEN-OBLIGATED", 2022, "3500000.00")
    assert moved.status_code == 200
    after_edits = await counts()
    for _ in range(2):
        async with transaction(sessionmaker) as session:
            await seed_reference_data(session)
        assert await counts() == after_edits  # nothing added, not even an audit event
    name = (await client.get(f"{INDICATORS}/GPOI-WOMEN-TRAINED", headers=admin)).json()["name"]
    assert name == "GPOI women trained (edited)"
    target = await client.get(f"{INDICATORS}/IMET-WOMEN-OBLIGATED/targets/2022", headers=admin)
    assert target.json()["value"] == "3500000.00"

    # A missing default comes back (with its known target); the others stay as they are.
    async with transaction(sessionmaker) as session:
        indicator_id = await session.scalar(
            select(Indicator.id).where(Indicator.code == "IMET-WOMEN-OBLIGATED")
        )
        await session.execute(delete(Target).where(Target.indicator_id == indicator_id))
        await session.execute(delete(Indicator).where(Indicator.id == indicator_id))
    async with transaction(sessionmaker) as session:
        await seed_reference_data(session)
    target = await client.get(f"{INDICATORS}/IMET-WOMEN-OBLIGATED/targets/2022", headers=admin)
    assert target.json()["value"] == "3000000.00"
    assert (await counts())[:2] == (len(SEEDED), 1)
