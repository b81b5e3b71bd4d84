"""Bulk import of facility upgrades: dry run, all or nothing, upsert on (program,
external_ref), the workflow kept for stored upgrades, CSV with the export's columns."""

from __future__ import annotations

import httpx

from tests.conftest import Keys
from tests.facilities.helpers import IMPORTS, UPGRADES, add_center, upgrade


async def test_dry_run_then_import_then_update(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    admin = keys.headers("admin")
    rows = [upgrade(external_ref="U-1"), upgrade(external_ref="U-2", features=["childcare"])]
    dry = await client.post(IMPORTS, params={"dry_run": "true"}, json=rows, headers=admin)
    assert dry.json()["would_create"] == 2
    assert (await client.get(UPGRADES, headers=admin)).json()["items"] == []
    done = await client.post(IMPORTS, json=rows, headers=admin)
    assert (done.json()["created"], done.json()["unchanged"]) == (2, 0)
    rows[0]["status"] = "in_progress"
    again = await client.post(IMPORTS, json=rows, headers=admin)
    assert (again.json()["updated"], again.json()["unchanged"]) == (1, 1)
    # in_progress → planned is no move of the workflow: 409, nothing imported
    rows[0]["status"], rows[1]["women_beds_added"] = "planned", 99
    refused = await client.post(IMPORTS, json=rows, headers=admin)
    assert refused.status_code == 409 and "in_progress to planned" in refused.json()["detail"]
    listed = (await client.get(UPGRADES, headers=admin)).json()["items"]
    assert [(u["status"], u["women_beds_added"]) for u in listed] == [
        ("in_progress", 24),
        ("planned", 24),
    ]


async def test_any_invalid_row_imports_nothing(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    admin = keys.headers("admin")
    rows = [
        upgrade(),
        upgrade(training_center="NOPE-1"),
        upgrade(status="completed"),
        upgrade(cost_usd="1.001"),
    ]
    response = await client.post(IMPORTS, json=rows, headers=admin)
    assert response.status_code == 422
    errors = [(e["row"], e["field"]) for e in response.json()["errors"]]
    assert errors == [(2, "/training_center"), (3, "/completed_on"), (4, "/cost_usd")]
    assert (await client.get(UPGRADES, headers=admin)).json()["items"] == []


async def test_csv_with_the_export_columns(client: httpx.AsyncClient, keys: Keys) -> None:
    await add_center(client, keys)
    admin = keys.headers("admin")
    body = (
        "training_center,program,features,women_beds_added,status,completed_on,cost_usd\n"
        "gha-kaiptc,GPOI,showers;bathrooms,12,completed,2022-09-30,50000.50\n"
    )
    made = await client.post(IMPORTS, content=body, headers={**admin, "Content-Type": "text/csv"})
    assert made.status_code == 200 and made.json()["created"] == 1, made.text
    (stored,) = (await client.get(UPGRADES, headers=admin)).json()["items"]
    assert stored["features"] == ["bathrooms", "showers"]
    assert (stored["fiscal_year"], stored["cost_usd"]) == (2022, "50000.50")
