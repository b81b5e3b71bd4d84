"""Uploading UN snapshots: stored whole or not at all, a snapshot per month, once per checksum
and month, every upload kept, read back with ETags."""

from __future__ import annotations

import hashlib

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.peacekeeping.models import Contribution, Snapshot
from tests.conftest import Keys
from tests.peacekeeping.helpers import SNAPSHOTS, csv_headers, un_csv

ROWS = [  # one month, its date written three ways
    ("Ghana", "GHA", "UNIFIL", "Troops", 800, 120, "31-Oct-26"),
    ("Ghana", "GHA", "UNIFIL", "Troops", 10, 5, "31/10/2026"),
    ("Ghana", "GHA", "UNIFIL", "Staff Officer", 12, 3, "31/10/2026"),
    ("Kenya", "KEN", "UNMISS", "Formed Police Units", 100, 20, "2026-10-31"),
]


async def test_upload_stores_the_aggregated_file_and_the_same_file_twice_returns_it(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    content = un_csv(ROWS)
    created = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("integration"))
    )
    assert created.status_code == 201, created.text
    upload = created.json()
    [body] = upload["snapshots"]
    assert body.pop("created") is True
    assert (upload["created"], upload["row_count"], upload["skipped_rows"]) == (True, 4, [])
    assert created.headers["location"] == f"{SNAPSHOTS}/{body['id']}"
    checksum = hashlib.sha256(content).hexdigest()
    assert upload["checksum"] == checksum
    assert body["checksum"] == checksum
    assert body["reporting_date"] == "2026-10-31"
    assert body["row_count"] == 4
    assert body["contribution_count"] == 3
    assert created.headers["etag"] == f'"{checksum}"'

    again = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("admin"))
    )
    assert again.status_code == 200, again.text
    assert "location" not in again.headers
    assert again.json() == {
        **upload,
        "created": False,
        "snapshots": [{**body, "created": False}],
    }
    body = {**body, "skipped_rows": []}

    listed = await client.get(SNAPSHOTS, headers=keys.headers("analyst"))
    assert [s["id"] for s in listed.json()["items"]] == [body["id"]]
    fetched = await client.get(f"{SNAPSHOTS}/{body['id']}", headers=keys.headers("analyst"))
    assert fetched.json() == body
    cached = await client.get(
        f"{SNAPSHOTS}/{body['id']}",
        headers=keys.headers("analyst", **{"If-None-Match": created.headers["etag"]}),
    )
    assert cached.status_code == 304

    stored = (
        await session.execute(
            select(
                Contribution.mission,
                Contribution.personnel_type,
                Contribution.male,
                Contribution.female,
            )
            .where(Contribution.snapshot_id == body["id"])
            .order_by(Contribution.personnel_type)
        )
    ).all()
    assert [tuple(r) for r in stored] == [
        ("UNMISS", "formed_police_unit", 100, 20),
        ("UNIFIL", "staff_officer", 12, 3),
        ("UNIFIL", "troops", 810, 125),
    ]
    await session.rollback()

    events = (
        await client.get(
            "/api/v1/audit-events?resource_type=peacekeeping_snapshot",
            headers=keys.headers("admin"),
        )
    ).json()["items"]
    assert [(e["action"], e["resource_id"]) for e in events] == [("create", str(body["id"]))]
    assert events[0]["details"]["checksum"] == checksum


async def test_row_errors_store_nothing(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    content = un_csv([*ROWS, ("Atlantis", "ATL", "UNIFIL", "Cooks", 5, 1, "31/10/2026")])
    refused = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("admin"))
    )
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["errors"] == [
        {
            "row": 5,
            "field": "Personnel_Type",
            "message": "unknown personnel type 'Cooks'",
            "detail": "unknown personnel type 'Cooks'",
            "pointer": "/rows/5/Personnel_Type",
        }
    ]
    assert "nothing was stored" in problem["detail"]
    assert await session.scalar(select(func.count()).select_from(Snapshot)) == 0
    assert await session.scalar(select(func.count()).select_from(Contribution)) == 0
    await session.rollback()

    # The corrected file is accepted (the refused one left no key or row behind).
    accepted = await client.post(
        SNAPSHOTS, content=un_csv(ROWS), headers=csv_headers(keys.headers("admin"))
    )
    assert accepted.status_code == 201


async def test_header_variants_whitespace_and_iso_dates_are_accepted(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    header = (
        "Contributing Country",
        "ISO Code 3",
        "mission_acronym",
        "PERSONNEL TYPE",
        "Male Personnel",
        "Female Personnel",
        "Last Reporting Date",
    )
    rows = [
        ("  Ghana ", " GHA ", " UNIFIL ", " Staff Officers ", " 7 ", " 2 ", " 2026-10-31 "),
        ("Kenya", "ke", "unmiss", "Experts on mission", "3", "1", "2026-10-31T00:00:00"),
    ]
    created = await client.post(
        SNAPSHOTS, content=un_csv(rows, header), headers=csv_headers(keys.headers("admin"))
    )
    assert created.status_code == 201, created.text
    [snapshot] = created.json()["snapshots"]
    assert snapshot["reporting_date"] == "2026-10-31"
    assert snapshot["contribution_count"] == 2


async def test_content_type_roles_and_missing_snapshots(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    as_json = await client.post(SNAPSHOTS, json={"rows": []}, headers=keys.headers("admin"))
    assert as_json.status_code == 415
    as_xml = await client.post(
        SNAPSHOTS,
        content=b"<rows/>",
        headers={**keys.headers("admin"), "Content-Type": "application/xml"},
    )
    assert as_xml.status_code == 415
    for role in ("analyst", "embassy"):
        refused = await client.post(
            SNAPSHOTS, content=un_csv(ROWS), headers=csv_headers(keys.headers(role))
        )
        assert refused.status_code == 403, role
    embassy_read = await client.get(SNAPSHOTS, headers=keys.headers("embassy"))
    assert embassy_read.status_code == 403
    missing = await client.get(f"{SNAPSHOTS}/999", headers=keys.headers("analyst"))
    assert missing.status_code == 404
    empty = await client.post(SNAPSHOTS, content=b"", headers=csv_headers(keys.headers("admin")))
    assert empty.status_code == 422
    listed = await client.get(SNAPSHOTS, headers=keys.headers("admin"))
    assert listed.json()["items"] == []


async def test_snapshots_list_latest_reporting_date_first_with_cursor(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = csv_headers(keys.headers("admin"))
    ids = {}
    for day in ("31/08/2026", "31/10/2026", "30/09/2026"):
        row = ("Ghana", "GHA", "UNIFIL", "Troops", 10, 1, day)
        response = await client.post(SNAPSHOTS, content=un_csv([row]), headers=admin)
        ids[day] = response.json()["snapshots"][0]["id"]
    first = await client.get(SNAPSHOTS, params={"limit": 2}, headers=keys.headers("admin"))
    assert [s["id"] for s in first.json()["items"]] == [ids["31/10/2026"], ids["30/09/2026"]]
    rest = await client.get(
        SNAPSHOTS,
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=keys.headers("admin"),
    )
    assert [s["id"] for s in rest.json()["items"]] == [ids["31/08/2026"]]
    assert rest.json()["next_cursor"] is None


async def test_idempotency_key_replays_the_upload(client: httpx.AsyncClient, keys: Keys) -> None:
    headers = csv_headers(keys.headers("integration", **{"Idempotency-Key": "un-2026-10"}))
    first = await client.post(SNAPSHOTS, content=un_csv(ROWS), headers=headers)
    again = await client.post(SNAPSHOTS, content=un_csv(ROWS), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    other_body = await client.post(SNAPSHOTS, content=un_csv(ROWS[:1]), headers=headers)
    assert other_body.status_code == 422
