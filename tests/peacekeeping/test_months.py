"""The UN file as the UN publishes it: many months in one upload, skipped rows, every upload
of a month kept, choosing and deleting snapshots, multipart and UTF-16 bodies."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.peacekeeping.models import Contribution, Snapshot
from tests.conftest import Keys
from tests.peacekeeping.helpers import (
    SHARE,
    SNAPSHOTS,
    UN_MONTHS,
    UN_MONTHS_SKIPPED,
    csv_headers,
    un_published,
)


async def _gpoi(client: httpx.AsyncClient, keys: Keys, *codes: str) -> None:
    for code in codes:
        response = await client.post(
            f"/api/v1/partners/{code}/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
            headers=keys.headers("admin"),
        )
        assert response.status_code == 201, response.text


async def _share(client: httpx.AsyncClient, keys: Keys, **params: Any) -> Any:
    response = await client.get(
        SHARE, params={"program": "GPOI", **params}, headers=keys.headers("analyst")
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _stored(session: AsyncSession, snapshot_id: int) -> list[tuple[Any, ...]]:
    rows = await session.execute(
        select(
            Contribution.mission,
            Contribution.personnel_type,
            Contribution.male,
            Contribution.female,
        )
        .where(Contribution.snapshot_id == snapshot_id)
        .order_by(Contribution.mission, Contribution.personnel_type)
    )
    return [tuple(row) for row in rows]


async def test_a_multi_month_file_becomes_a_snapshot_per_month(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    content = un_published(UN_MONTHS)
    checksum = hashlib.sha256(content).hexdigest()
    created = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("integration"))
    )
    assert created.status_code == 201, created.text
    upload = created.json()
    assert created.headers["location"] == f"{SNAPSHOTS}?checksum={checksum}"
    assert created.headers["etag"] == f'"{checksum}"'
    assert (upload["checksum"], upload["created"], upload["row_count"]) == (checksum, True, 11)
    assert (upload["skipped_count"], upload["skipped_rows"]) == (2, UN_MONTHS_SKIPPED)
    months = [
        (s["reporting_date"], s["row_count"], s["contribution_count"], s["skipped_count"])
        for s in upload["snapshots"]
    ]
    assert months == [("2021-07-31", 3, 2, 1), ("2021-08-31", 3, 3, 0), ("2021-09-30", 5, 3, 1)]
    assert all(s["created"] and s["checksum"] == checksum for s in upload["snapshots"])
    july, august, september = (s["id"] for s in upload["snapshots"])

    # Each month holds its own rows only (nothing summed across months).
    assert await _stored(session, july) == [
        ("UNIFIL", "troops", 800, 120),
        ("UNMISS", "staff_officer", 20, 5),
    ]
    assert await _stored(session, august) == [
        ("UNIFIL", "experts_on_mission", 3, 1),
        ("UNIFIL", "troops", 810, 130),
        ("UNMISS", "staff_officer", 21, 6),
    ]
    assert await _stored(session, september) == [
        ("UNIFIL", "troops", 800, 144),
        ("UNMISS", "staff_officer", 2, 1),  # Kosovo (XKX) is a country here
        ("UNMISS", "troops", 400, 60),
    ]
    stored_skips = await session.scalar(select(Snapshot.skipped_rows).where(Snapshot.id == july))
    assert stored_skips == UN_MONTHS_SKIPPED[:1]
    await session.rollback()

    fetched = await client.get(f"{SNAPSHOTS}/{september}", headers=keys.headers("analyst"))
    assert fetched.json()["skipped_rows"] == UN_MONTHS_SKIPPED[1:]
    listed = await client.get(
        SNAPSHOTS, params={"checksum": checksum.upper()}, headers=keys.headers("analyst")
    )
    assert [s["id"] for s in listed.json()["items"]] == [september, august, july]

    # The same bytes again: the same snapshots, said so, nothing new stored.
    again = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("integration"))
    )
    assert again.status_code == 200, again.text
    assert again.json()["created"] is False
    assert [(s["id"], s["created"]) for s in again.json()["snapshots"]] == [
        (july, False),
        (august, False),
        (september, False),
    ]
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "peacekeeping_snapshot"},
        headers=keys.headers("admin"),
    )
    assert sorted(int(e["resource_id"]) for e in events.json()["items"]) == [
        july,
        august,
        september,
    ]


async def test_a_report_for_a_month_reads_only_that_months_snapshot(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await _gpoi(client, keys, "GHA")
    response = await client.post(
        SNAPSHOTS, content=un_published(UN_MONTHS), headers=csv_headers(keys.headers("admin"))
    )
    july, august, september = response.json()["snapshots"]

    report = await _share(client, keys, as_of="2021-08-31")
    assert report["snapshot"] == {k: august[k] for k in ("id", "reporting_date", "checksum")}
    assert (report["partner_women"], report["all_women"], report["all_countries"]) == (131, 137, 2)
    assert report["stale"] is False
    assert "0 row(s) of the file for that month were left out" in report["method"]

    report = await _share(client, keys, as_of="2021-09-30")
    assert report["snapshot"]["id"] == september["id"]
    assert (report["partner_women"], report["all_women"], report["all_countries"]) == (144, 205, 3)
    assert report["women_share_pct"] == 70.2
    assert report["stale"] is False
    assert "1 row(s) of the file for that month were left out" in report["method"]

    # Mid-September: August's snapshot, flagged; a later month: September's, flagged.
    mid = await _share(client, keys, as_of="2021-09-15")
    assert (mid["snapshot"]["id"], mid["stale"]) == (august["id"], True)
    later = await _share(client, keys, as_of="2021-12-31")
    assert (later["snapshot"]["id"], later["stale"]) == (september["id"], True)
    # A snapshot asked for by id, whatever as_of says.
    chosen = await _share(client, keys, as_of="2021-09-30", snapshot=july["id"])
    assert (chosen["snapshot"]["id"], chosen["partner_women"], chosen["stale"]) == (
        july["id"],
        120,
        True,
    )
    assert "as asked (snapshot=)" in chosen["method"]
    missing = await client.get(
        SHARE, params={"program": "GPOI", "snapshot": 999_999}, headers=keys.headers("analyst")
    )
    assert missing.status_code == 404


async def test_every_upload_of_a_month_is_kept_and_the_newest_is_used(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    await _gpoi(client, keys, "GHA")
    admin = csv_headers(keys.headers("admin"))
    first_file = un_published([("Ghana", "GHA", "UNIFIL", "Troops", 90, 10, "30-Sep-21")])
    second_file = un_published([("Ghana", "GHA", "UNIFIL", "Troops", 80, 20, "30-Sep-21")])
    first = (await client.post(SNAPSHOTS, content=first_file, headers=admin)).json()
    second = (await client.post(SNAPSHOTS, content=second_file, headers=admin)).json()
    first_id, second_id = first["snapshots"][0]["id"], second["snapshots"][0]["id"]

    listed = await client.get(
        SNAPSHOTS, params={"reporting_date": "2021-09-30"}, headers=keys.headers("analyst")
    )
    assert [s["id"] for s in listed.json()["items"]] == [second_id, first_id]
    assert (await _share(client, keys, as_of="2021-09-30"))["partner_women"] == 20
    # Re-posting the first file answers its snapshot; the newest upload stays current.
    again = await client.post(SNAPSHOTS, content=first_file, headers=admin)
    assert again.status_code == 200
    assert again.json()["snapshots"][0] == {**first["snapshots"][0], "created": False}
    assert (await _share(client, keys, as_of="2021-09-30"))["snapshot"]["id"] == second_id
    chosen = await _share(client, keys, as_of="2021-09-30", snapshot=first_id)
    assert chosen["partner_women"] == 10

    # Deleting the newest makes the earlier upload current again.
    url = f"{SNAPSHOTS}/{second_id}"
    etag = (await client.get(url, headers=keys.headers("admin"))).headers["etag"]
    assert etag == f'"{second["checksum"]}"'
    writer = await client.delete(url, headers=keys.headers("integration", **{"If-Match": etag}))
    assert writer.status_code == 403
    without = await client.delete(url, headers=keys.headers("admin"))
    assert without.status_code == 428
    stale = await client.delete(url, headers=keys.headers("admin", **{"If-Match": '"0"'}))
    assert stale.status_code == 412
    deleted = await client.delete(url, headers=keys.headers("admin", **{"If-Match": etag}))
    assert deleted.status_code == 204
    assert (await client.get(url, headers=keys.headers("admin"))).status_code == 404
    assert await _stored(session, second_id) == []
    await session.rollback()
    report = await _share(client, keys, as_of="2021-09-30")
    assert (report["snapshot"]["id"], report["partner_women"]) == (first_id, 10)
    events = await client.get(
        "/api/v1/audit-events",
        params={"resource_type": "peacekeeping_snapshot", "action": "delete"},
        headers=keys.headers("admin"),
    )
    [event] = [e for e in events.json()["items"] if e["action"] == "delete"]
    assert event["resource_id"] == str(second_id)
    assert event["details"] == {"checksum": second["checksum"], "reporting_date": "2021-09-30"}
    gone = await client.delete(url, headers=keys.headers("admin", **{"If-Match": etag}))
    assert gone.status_code == 404


async def test_snapshot_list_filters(client: httpx.AsyncClient, keys: Keys) -> None:
    response = await client.post(
        SNAPSHOTS, content=un_published(UN_MONTHS), headers=csv_headers(keys.headers("admin"))
    )
    july, august, september = (s["id"] for s in response.json()["snapshots"])
    analyst = keys.headers("analyst")

    async def ids(**params: str) -> list[int]:
        listed = await client.get(SNAPSHOTS, params=params, headers=analyst)
        assert listed.status_code == 200, listed.text
        return [s["id"] for s in listed.json()["items"]]

    assert await ids(reporting_date="2021-08-31") == [august]
    assert await ids(from_date="2021-08-01") == [september, august]
    assert await ids(to_date="2021-08-31") == [august, july]
    assert await ids(from_date="2021-08-01", to_date="2021-08-31") == [august]
    assert await ids(updated_since="2000-01-01T00:00:00Z") == [september, august, july]
    assert await ids(updated_since="2999-01-01T00:00:00Z") == []
    first = await client.get(SNAPSHOTS, params={"limit": 2}, headers=analyst)
    rest = await client.get(
        SNAPSHOTS, params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=analyst
    )
    assert [s["id"] for s in rest.json()["items"]] == [july]
    bad = await client.get(SNAPSHOTS, params={"checksum": "abc"}, headers=analyst)
    assert bad.status_code == 422


async def test_multipart_utf16_and_files_that_are_not_csv(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    admin = keys.headers("admin")
    rows = UN_MONTHS[:3]
    form = await client.post(
        SNAPSHOTS, files={"file": ("gender.csv", un_published(rows), "text/csv")}, headers=admin
    )
    assert form.status_code == 201, form.text
    [july] = form.json()["snapshots"]
    assert (july["reporting_date"], july["contribution_count"]) == ("2021-07-31", 2)
    assert form.json()["skipped_count"] == 1
    # The same rows saved by Excel as "Unicode Text": UTF-16 with a byte order mark.
    utf16 = await client.post(
        SNAPSHOTS,
        files={"file": ("gender.txt", un_published(rows, "utf-16"), "application/octet-stream")},
        headers=admin,
    )
    assert utf16.status_code == 201, utf16.text
    assert utf16.json()["snapshots"][0]["contribution_count"] == 2
    as_body = await client.post(
        SNAPSHOTS, content=un_published(rows, "utf-16"), headers=csv_headers(admin)
    )
    assert as_body.status_code == 200  # the same bytes as the form's file

    no_file = await client.post(SNAPSHOTS, files={"other": ("x.csv", b"a")}, headers=admin)
    assert no_file.status_code == 422
    assert no_file.json()["errors"] == [{"pointer": "/file", "detail": "required"}]
    assert "the route accepts the UN's CSV file" in no_file.json()["detail"]
    workbook = await client.post(
        SNAPSHOTS, files={"file": ("gender.xlsx", b"PK\x03\x04\x14\x00rest")}, headers=admin
    )
    assert workbook.status_code == 422
    assert workbook.json()["detail"].startswith("the file is an Excel workbook (.xlsx)")
    assert (
        "text/csv body or as the `file` field of multipart/form-data" in (workbook.json()["detail"])
    )
    xml = await client.post(
        SNAPSHOTS, content=b"<rows/>", headers={**admin, "Content-Type": "application/xml"}
    )
    assert xml.status_code == 415
    assert "multipart/form-data" in xml.json()["detail"]


async def test_an_ambiguous_count_is_refused_with_row_column_and_value(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    content = un_published(
        [
            ("Ghana", "GHA", "UNIFIL", "Troops", 800, 120, "31-Jan-21"),
            ("Kenya", "KEN", "UNMISS", "Troops", "1,234", 7, "31-Jan-21"),
        ]
    )
    refused = await client.post(
        SNAPSHOTS, content=content, headers=csv_headers(keys.headers("admin"))
    )
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    [error] = refused.json()["errors"]
    assert (error["row"], error["field"], error["pointer"]) == (
        2,
        "Male_Personnel",
        "/rows/2/Male_Personnel",
    )
    assert error["detail"].startswith("'1,234' could be read two ways")
    assert await session.scalar(select(Snapshot.id).limit(1)) is None
    await session.rollback()
    only_skipped = un_published([("#N/A", "#N/A", "UNMISS", "Troops", 7, 2, "31-Jul-21")])
    nothing = await client.post(
        SNAPSHOTS, content=only_skipped, headers=csv_headers(keys.headers("admin"))
    )
    assert nothing.status_code == 422
    assert "nothing is left to store" in nothing.json()["detail"]


# Issue 24 point 7: the UN's file has months reported on two days (July 2003: the 30th and the
# 31st). Three rows dated 30-Dec-20 beside the 31-Dec-20 rows are December, all of them.
UN_TWO_DAYS = [
    ("Ghana", "GHA", "UNIFIL", "Troops", 700, 100, "30-Nov-20"),
    ("Ghana", "GHA", "UNIFIL", "Troops", 800, 120, "31-Dec-20"),
    ("Kenya", "KEN", "UNMISS", "Troops", 400, 60, "31-Dec-20"),
    ("Ghana", "GHA", "UNMISS", "Staff Officer", 20, 5, "30-Dec-20"),
    ("Ghana", "GHA", "UNIFIL", "Troops", 10, 4, "30-Dec-20"),
    ("Kenya", "KEN", "MINUSCA", "Experts on Mission", 3, 1, "30-Dec-20"),
]


async def test_a_month_reported_on_two_days_is_one_snapshot_naming_both(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    await _gpoi(client, keys, "GHA")
    created = await client.post(
        SNAPSHOTS, content=un_published(UN_TWO_DAYS), headers=csv_headers(keys.headers("admin"))
    )
    assert created.status_code == 201, created.text
    months = [
        (s["reporting_date"], s["reporting_dates"], s["row_count"], s["contribution_count"])
        for s in created.json()["snapshots"]
    ]
    assert months == [
        ("2020-11-30", ["2020-11-30"], 1, 1),
        ("2020-12-31", ["2020-12-30", "2020-12-31"], 5, 4),
    ]
    december = created.json()["snapshots"][1]["id"]
    read = await client.get(f"{SNAPSHOTS}/{december}", headers=keys.headers("analyst"))
    assert read.status_code == 200, read.text
    assert read.json()["reporting_dates"] == ["2020-12-30", "2020-12-31"]

    # December's figure holds every December row: Ghana 129 of 190 military women.
    report = await _share(client, keys, as_of="2020-12-31")
    assert report["snapshot"]["id"] == december
    assert (report["partner_women"], report["all_women"]) == (129, 190)
    assert "merges the rows reported on 2020-12-30, 2020-12-31" in report["method"]
    # The 30th is not a snapshot of its own: it reads November's, flagged stale.
    before = await _share(client, keys, as_of="2020-12-30")
    assert before["snapshot"]["reporting_date"] == "2020-11-30"
    assert before["stale"] is True
    assert (before["partner_women"], before["all_women"]) == (100, 100)
    # The 30th's rows are in December's snapshot, summed with the 31st's where they coincide.
    assert await _stored(session, december) == [
        ("MINUSCA", "experts_on_mission", 3, 1),
        ("UNIFIL", "troops", 810, 124),
        ("UNMISS", "staff_officer", 20, 5),
        ("UNMISS", "troops", 400, 60),
    ]
