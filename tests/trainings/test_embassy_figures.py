"""An embassy key reads only its own country's figures on a training it may see: its own
participant row and that row's totals, in the record, the JSON list and the CSV list. Every
other key reads every row (each test checks the analyst beside the embassies)."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

IMPORTS = "/api/v1/imports/trainings"
GHA_ROW = {"partner": "GHA", "women": 6, "men": 18, "unreported": 0, "total": 24}
KEN_ROW = {"partner": "KEN", "women": 3, "men": 7, "unreported": 0, "total": 10}
NONE = {"women": 0, "men": 0, "unreported": 0, "total": 0}


def totals(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in ("women", "men", "unreported", "total")}


async def seed(client: httpx.AsyncClient, keys: Keys) -> dict[str, int]:
    """S: shared by GHA and KEN, hosted in GHA; H: hosted in GHA, only NGA took part."""
    rows = [
        training(external_ref="S", host_country="GHA"),  # the example: GHA 6/18, KEN 3/7
        training(
            external_ref="H",
            host_country="GHA",
            start_date="2023-05-01",
            end_date="2023-05-03",
            participants=[{"partner": "NGA", "women": 4, "men": 1}],
        ),
    ]
    imported = await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))
    assert imported.status_code == 200, imported.text
    listed = await client.get(TRAININGS, headers=keys.headers("admin"))
    return {t["external_ref"]: t["id"] for t in listed.json()["items"]}


async def read(client: httpx.AsyncClient, keys: Keys, role: str, training_id: int) -> Any:
    response = await client.get(f"{TRAININGS}/{training_id}", headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return response.json()


async def listed(client: httpx.AsyncClient, keys: Keys, role: str) -> dict[str, Any]:
    response = await client.get(TRAININGS, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return {t["external_ref"]: t for t in response.json()["items"]}


async def csv_lines(client: httpx.AsyncClient, keys: Keys, role: str) -> list[tuple[str, ...]]:
    response = await client.get(
        f"{TRAININGS}?format=csv&sort=start_date", headers=keys.headers(role)
    )
    assert response.status_code == 200, response.text
    return [
        (row["external_ref"], row["partner"], row["women"], row["men"], row["total"])
        for row in csv.DictReader(io.StringIO(response.text))
    ]


async def test_embassy_reads_only_its_own_row_of_a_shared_training(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    ids = await seed(client, keys)
    shared = await read(client, keys, "analyst", ids["S"])
    assert shared["participants"] == [GHA_ROW, KEN_ROW]
    assert shared["totals"] == {"women": 9, "men": 25, "unreported": 0, "total": 34}
    assert (await listed(client, keys, "analyst"))["S"] == shared
    for role, row in (("embassy", KEN_ROW), ("embassy_gha", GHA_ROW)):
        one = await read(client, keys, role, ids["S"])
        assert one["participants"] == [row], role
        assert one["totals"] == totals(row), role
        assert one["host_country"] == "GHA"
        assert (await listed(client, keys, role))["S"] == one, role


async def test_embassy_csv_has_only_its_own_row(client: httpx.AsyncClient, keys: Keys) -> None:
    await seed(client, keys)
    assert await csv_lines(client, keys, "analyst") == [
        ("S", "GHA", "6", "18", "24"),
        ("S", "KEN", "3", "7", "10"),
        ("H", "NGA", "4", "1", "5"),
    ]
    assert await csv_lines(client, keys, "embassy") == [("S", "KEN", "3", "7", "10")]
    assert await csv_lines(client, keys, "embassy_gha") == [
        ("S", "GHA", "6", "18", "24"),
        ("H", "", "", "", ""),  # hosted only: the training, no participant figures
    ]


async def test_hosting_embassy_sees_no_other_country_rows(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    ids = await seed(client, keys)
    everything = await read(client, keys, "analyst", ids["H"])
    assert everything["participants"] == [
        {"partner": "NGA", "women": 4, "men": 1, "unreported": 0, "total": 5}
    ]
    hosted = await read(client, keys, "embassy_gha", ids["H"])
    assert hosted["participants"] == []
    assert hosted["totals"] == NONE
    assert hosted["host_country"] == "GHA"
    assert (await listed(client, keys, "embassy_gha"))["H"] == hosted
    missing = await client.get(f"{TRAININGS}/{ids['H']}", headers=keys.headers("embassy"))
    assert missing.status_code == 404  # KEN neither took part nor hosted
