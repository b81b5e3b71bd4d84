"""One plausible range for every date the service stores (the days of the fiscal years its
filters select): outside it, a 422 naming the field, wherever the date comes in."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from app.core.fiscal_year import FIRST_DATE, FIRST_FISCAL_YEAR, LAST_DATE, LAST_FISCAL_YEAR
from app.core.fiscal_year import fiscal_year as fiscal_year_of
from app.core.schemas import out_of_range
from tests.conftest import Keys
from tests.imet.nominations.helpers import nominate, set_vetting
from tests.peacekeeping.helpers import SNAPSHOTS, csv_headers, un_csv
from tests.trainings.helpers import TRAININGS, training

IMPLAUSIBLE = ["2202-01-01", "0001-01-01", "9999-10-01"]
MESSAGE = "must be a date from 1989-10-01 to 2100-09-30"


def test_the_range_is_the_fiscal_years_the_filters_select() -> None:
    assert (fiscal_year_of(FIRST_DATE), fiscal_year_of(LAST_DATE)) == (
        FIRST_FISCAL_YEAR,
        LAST_FISCAL_YEAR,
    )
    assert out_of_range(FIRST_DATE) is None and out_of_range(LAST_DATE) is None
    assert out_of_range(date(1989, 9, 30)) == MESSAGE
    assert out_of_range(date(2100, 10, 1)) == MESSAGE


def named(response: httpx.Response) -> list[str]:
    assert response.status_code == 422, response.text
    found = [
        e.get("pointer") or e.get("field") or e.get("parameter") for e in response.json()["errors"]
    ]
    assert any(MESSAGE in e.get("detail", e.get("message", "")) for e in response.json()["errors"])
    return found


@pytest.mark.parametrize("day", IMPLAUSIBLE)
async def test_training_dates(client: httpx.AsyncClient, keys: Keys, day: str) -> None:
    headers = keys.headers("admin")
    created = await client.post(
        TRAININGS, json=training(start_date=day, end_date="2100-01-01"), headers=headers
    )
    assert named(created) == ["/start_date"]
    created = await client.post(TRAININGS, json=training(), headers=headers)
    assert created.status_code == 201
    changed = await client.patch(
        f"{TRAININGS}/{created.json()['id']}",
        json={"end_date": day},
        headers={**headers, "If-Match": created.headers["etag"]},
    )
    assert named(changed) == ["/end_date"]
    imported = await client.post(
        "/api/v1/imports/trainings",
        json=[training(start_date=day, end_date=day)],
        headers=headers,
    )
    assert set(named(imported)) == {"/start_date", "/end_date"}


async def test_membership_and_vetting_dates(client: httpx.AsyncClient, keys: Keys) -> None:
    membership = await client.post(
        "/api/v1/partners/KEN/memberships",
        json={"program": "GPOI", "start_date": "2202-01-01"},
        headers=keys.headers("admin"),
    )
    assert named(membership) == ["/start_date"]
    nomination = await nominate(client, keys)
    vetted = await set_vetting(client, keys, nomination["id"], expires_at="0001-01-01")
    assert named(vetted) == ["/expires_at"]


async def test_snapshot_reporting_date(client: httpx.AsyncClient, keys: Keys) -> None:
    rows = [
        ("Ghana", "GHA", "UNIFIL", "Troops", 800, 120, "31-Oct-26"),
        ("Kenya", "KEN", "UNMISS", "Troops", 500, 60, "2202-10-31"),
    ]
    uploaded = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert named(uploaded) == ["/rows/2/Last_Reporting_Date"]
