"""Bulk import: dry run, all-or-nothing, upsert on (program, external_ref), CSV, round trip."""

from __future__ import annotations

import csv
import io

import httpx
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.trainings.models import Training, WomenTrainedRollup
from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, assert_rollup_consistent, training

IMPORTS = "/api/v1/imports/trainings"
REPORT = "/api/v1/reports/women-trained"


def batch(n: int) -> list[dict]:
    return [
        training(
            external_ref=f"I{i}",
            start_date=f"20{10 + i % 12}-0{1 + i % 9}-01",
            end_date=f"20{10 + i % 12}-0{1 + i % 9}-20",
            topics=["peacekeeping"] if i % 2 else ["nio", "leadership"],
            participants=[
                {"partner": "KEN", "women": i % 7, "men": i % 5},
                {"partner": ["GH", "NGA", "FRA"][i % 3], "women": 1, "unreported": i % 2},
            ],
        )
        for i in range(n)
    ]


async def count(client: httpx.AsyncClient, keys: Keys) -> int:
    listed = await client.get(f"{TRAININGS}?include_total=true", headers=keys.headers("admin"))
    return int(listed.json()["total"])


async def test_dry_run_reports_and_writes_nothing(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("integration")
    first = await client.post(IMPORTS, json=batch(3), headers=admin)
    assert first.json() == {
        "dry_run": False,
        "received": 3,
        "trainings": 3,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    rows = batch(5)
    rows[1]["title"] = "Changed title"
    bad = [*rows, training(external_ref="bad", participants=[{"partner": "XX"}])]
    dry = await client.post(f"{IMPORTS}?dry_run=true", json=bad, headers=admin)
    assert dry.status_code == 200, dry.text
    assert dry.json() == {
        "dry_run": True,
        "received": 6,
        "trainings": 6,
        "would_create": 2,
        "would_update": 1,
        "unchanged": 2,
        "errors": [
            {"row": 6, "field": "/participants/0/partner", "message": "unknown country code 'XX'"}
        ],
    }
    assert await count(client, keys) == 3
    stored = await client.get(f"{TRAININGS}?sort=created", headers=admin)
    assert stored.json()["items"][1]["title"] == "UN Staff Officer Course"
    events = await client.get(
        "/api/v1/audit-events?resource_type=training", headers=keys.headers("admin")
    )
    # One event per training created by the first import; the dry run wrote none.
    assert [e["action"] for e in events.json()["items"]] == ["create"] * 3

    real = await client.post(IMPORTS, json=rows, headers=admin)
    assert real.json()["created"] == 2
    assert real.json()["updated"] == 1
    assert real.json()["unchanged"] == 2
    await assert_rollup_consistent(session)


async def test_one_bad_row_in_a_thousand_writes_nothing(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    rows = batch(1000)
    rows[736]["participants"][0]["women"] = -4
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("integration"))
    assert response.status_code == 422
    body = response.json()
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(737, "/participants/0/women")]
    assert "greater than or equal to 0" in body["errors"][0]["message"]
    assert "nothing was imported" in body["detail"]
    assert await count(client, keys) == 0
    assert (await client.get(REPORT, headers=keys.headers("admin"))).json()["rows"] == []
    await assert_rollup_consistent(session)


async def test_repeated_reference_and_shape_errors_name_row_and_field(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = [training(), training(title="again"), {"title": 5}, "not an object"]
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))
    assert response.status_code == 422
    errors = {(e["row"], e["field"]) for e in response.json()["errors"]}
    assert (2, "/external_ref") in errors
    assert {(3, "/title"), (3, "/program"), (4, "")} <= errors
    not_array = await client.post(IMPORTS, json={"a": 1}, headers=keys.headers("admin"))
    assert not_array.status_code == 422


async def test_import_upserts_and_keeps_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    assert (await client.post(IMPORTS, json=batch(40), headers=admin)).status_code == 200
    rows = batch(40)
    rows[3]["participants"] = [{"partner": "UGA", "women": 9}]
    rows[4]["topics"] = []
    rows[5]["start_date"] = "2005-01-01"
    rows[6]["program"] = "CWD"  # a new training: the key is (program, external_ref)
    response = await client.post(IMPORTS, json=rows, headers=admin)
    assert response.json()["created"] == 1
    assert response.json()["updated"] == 3
    assert response.json()["unchanged"] == 36
    await assert_rollup_consistent(session)
    listed = await client.get(f"{TRAININGS}?partner=UGA", headers=admin)
    (updated,) = listed.json()["items"]
    assert updated["participants"] == [
        {"partner": "UGA", "women": 9, "men": 0, "unreported": 0, "total": 9}
    ]
    # An updated training's version (and so its ETag) moved.
    etag = (await client.get(f"{TRAININGS}/{updated['id']}", headers=admin)).headers["etag"]
    assert etag == '"2"'
    events = await client.get(
        "/api/v1/audit-events?resource_type=training&action=update", headers=admin
    )
    # One event per training updated, naming what the row changed, as a PATCH would.
    changed = sorted(e["changed_fields"] for e in events.json()["items"])
    assert changed == [["participants"], ["start_date"], ["topics"]]
    created = await client.get(
        "/api/v1/audit-events?resource_type=training&action=create&limit=100", headers=admin
    )
    assert len(created.json()["items"]) == 41


async def test_csv_import_groups_lines_of_one_training(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    text = (
        "program,external_ref,title,kind,topics,start_date,end_date,host_country,partner,women,men\n"
        "GPOI,X1,Course,course,nio;peacekeeping,2021-10-04,2021-10-05,GHA,GHA,3,4\n"
        "GPOI,X1,Course,course,nio;peacekeeping,2021-10-04,2021-10-05,GHA,KE,1,0\n"
        "GPOI,X2,Other,workshop,,2021-11-04,2021-11-05,,,,\n"
    )
    headers = keys.headers("integration", **{"Content-Type": "text/csv"})
    response = await client.post(IMPORTS, content=text.encode(), headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["received"] == 3
    assert response.json()["trainings"] == 2
    assert response.json()["created"] == 2
    items = (await client.get(f"{TRAININGS}?sort=created", headers=headers)).json()["items"]
    assert [p["partner"] for p in items[0]["participants"]] == ["GHA", "KEN"]
    assert items[0]["topics"] == ["nio", "peacekeeping"]
    assert items[1]["participants"] == []
    await assert_rollup_consistent(session)

    bad = (
        "program,external_ref,title,kind,start_date,end_date,partner,women,colour\n"
        "GPOI,Y,T,course,2021-10-04,2021-10-05,GHA,x,red\n"
    )
    refused = await client.post(IMPORTS, content=bad.encode(), headers=headers)
    assert refused.status_code == 422
    assert [(e["row"], e["field"], e["message"]) for e in refused.json()["errors"]] == [
        (0, "colour", "unknown column")
    ]
    bad = (
        "program,external_ref,title,kind,start_date,end_date,partner,women\n"
        "GPOI,Y,T,course,2021-10-04,2021-10-05,GHA,x\n"
        "GPOI,Y,T2,course,2021-10-04,2021-10-05,KEN,1\n"
        "GPOI,Z,T,course,2021-10-04,2021-10-01,ZZ,1\n"
    )
    refused = await client.post(IMPORTS, content=bad.encode(), headers=headers)
    assert refused.status_code == 422
    assert [(e["row"], e["field"]) for e in refused.json()["errors"]] == [
        (1, "women"),
        (2, "title"),
        (3, "end_date"),
    ]
    assert await count(client, keys) == 2


async def test_export_import_round_trip_gives_the_same_report_bytes(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    admin = keys.headers("admin")
    rows = batch(60)
    rows[0]["external_ref"] = None  # no upsert key: its lines are one training by their id
    rows[1]["participants"] = []
    rows[2]["host_country"] = None
    rows[2]["title"] = 'Quotes "and", commas'
    assert (await client.post(IMPORTS, json=rows, headers=admin)).status_code == 200
    queries = [
        "group_by=fiscal_year",
        "group_by=fiscal_year,partner",
        "group_by=topic,program",
        "group_by=region&kind=course",
    ]
    before = [(await client.get(f"{REPORT}?{q}", headers=admin)).content for q in queries]
    exported = await client.get(f"{TRAININGS}?format=csv", headers=admin)
    assert (
        len(list(csv.reader(io.StringIO(exported.text)))) == 1 + 59 * 2 + 1
    )  # header, two partners each, one without

    async with session.begin():
        await session.execute(delete(Training))
        await session.execute(delete(WomenTrainedRollup))
    assert await count(client, keys) == 0

    headers = keys.headers("integration", **{"Content-Type": "text/csv"})
    imported = await client.post(IMPORTS, content=exported.content, headers=headers)
    assert imported.status_code == 200, imported.text
    after = [(await client.get(f"{REPORT}?{q}", headers=admin)).content for q in queries]
    assert after == before
    await assert_rollup_consistent(session)
    again = await client.post(IMPORTS, content=exported.content, headers=headers)
    assert again.status_code == 200, again.text
    assert again.json()["unchanged"] == 60, again.json()  # the one without external_ref: by id
    assert again.json()["created"] == 0


async def test_create_honours_idempotency_key(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = keys.headers("integration", **{"Idempotency-Key": "abc-1"})
    first = await client.post(TRAININGS, json=training(), headers=headers)
    assert first.status_code == 201
    replay = await client.post(TRAININGS, json=training(), headers=headers)
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    different = await client.post(TRAININGS, json=training(title="Other"), headers=headers)
    assert different.status_code == 422
    assert await count(client, keys) == 1
