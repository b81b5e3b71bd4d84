"""Upgrades and engagements name the award (project) they belong to: a project of their own
program, else 422 naming `project`; the list filters on it; a named project is not deleted."""

from __future__ import annotations

import httpx

from tests.conftest import Keys
from tests.facilities.helpers import IMPORTS, UPGRADES, add_center, add_upgrade, patch, upgrade
from tests.gdrp.helpers import ENGAGEMENTS, add, engagement
from tests.projects.helpers import make_project


async def test_an_upgrade_names_a_project_of_its_program(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await make_project(client, keys, code="GPOI-GHA-01", program="GPOI", partner="GHA")
    await make_project(client, keys, code="CWD-AFG-01", program="CWD", partner="AFG")
    await add_center(client, keys)
    admin = keys.headers("admin")
    made = (await add_upgrade(client, keys, project="gpoi-gha-01")).json()
    assert made["project"] == "GPOI-GHA-01"
    for body in (upgrade(project="CWD-AFG-01"), upgrade(project="NOPE-1")):
        refused = await client.post(UPGRADES, json=body, headers=admin)
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["pointer"] == "/project"
    path = f"{UPGRADES}/{made['id']}"
    # moving the upgrade to IMET while it keeps a GPOI project is refused the same way
    moved = await patch(client, keys, path, {"program": "IMET"})
    assert moved.status_code == 422 and moved.json()["errors"][0]["pointer"] == "/project"
    both = await patch(client, keys, path, {"program": "CWD", "project": "CWD-AFG-01"})
    assert both.status_code == 200 and both.json()["project"] == "CWD-AFG-01"
    listed = await client.get(UPGRADES, params={"project": "cwd-afg-01"}, headers=admin)
    assert [u["id"] for u in listed.json()["items"]] == [made["id"]]
    unknown = await client.get(UPGRADES, params={"project": "NOPE-1"}, headers=admin)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["parameter"] == "project"
    imported = await client.post(
        IMPORTS, json=[upgrade(project="CWD-AFG-01", external_ref="X-1")], headers=admin
    )
    assert imported.status_code == 422
    assert imported.json()["errors"][0]["field"] == "/project"
    etag = (await client.get("/api/v1/projects/CWD-AFG-01", headers=admin)).headers["etag"]
    kept = await client.delete("/api/v1/projects/CWD-AFG-01", headers={**admin, "If-Match": etag})
    assert kept.status_code == 409


async def test_an_engagement_names_a_project_of_its_program(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await make_project(client, keys, code="GDRP-UKR-01", program="GDRP", partner="UKR")
    await make_project(client, keys, code="CWD-AFG-01", program="CWD", partner="AFG")
    made = await add(client, keys, ENGAGEMENTS, engagement(project="GDRP-UKR-01"))
    assert made["project"] == "GDRP-UKR-01"
    refused = await client.post(
        ENGAGEMENTS, json=engagement(project="CWD-AFG-01"), headers=keys.headers("admin")
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["pointer"] == "/project"
    cleared = await patch(client, keys, f"{ENGAGEMENTS}/{made['id']}", {"project": None})
    assert cleared.status_code == 200 and cleared.json()["project"] is None
    listed = await client.get(
        ENGAGEMENTS, params={"project": "GDRP-UKR-01"}, headers=keys.headers("admin")
    )
    assert listed.json()["items"] == []
