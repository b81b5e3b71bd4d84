"""CWD teams and rosters: create, read with ETags, composition as of dates before, between and
after roster reports, the rules of rosters, PATCH and DELETE with If-Match, embassy scope and
the audit trail."""

from __future__ import annotations

import csv
import io

import httpx

from tests.conftest import Keys
from tests.cwd.helpers import TEAMS, make_team, members, post_roster, roster, team
from tests.projects.helpers import make_project


async def test_create_answers_201_with_location_etag_and_the_team(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await client.post(TEAMS, json=team(partner="ke"), headers=keys.headers("integration"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body == {
        "id": body["id"],
        "program": "CWD",
        "project": None,
        "name": "Team 7",
        "activity": "clearance",
        "partner": "KEN",
        "formed_on": "2021-03-01",
        "disbanded_on": None,
        "as_of": body["as_of"],
        "composition": "unknown",
        "roster_as_of": None,
        "women": 0,
        "men": 0,
        "unreported": 0,
        "women_in_leadership": 0,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert created.headers["location"] == f"{TEAMS}/{body['id']}"
    assert created.headers["etag"] == '"1"'
    read = await client.get(created.headers["location"], headers=keys.headers("analyst"))
    assert read.status_code == 200
    assert read.json() == body
    cached = await client.get(
        created.headers["location"], headers=keys.headers("analyst", **{"If-None-Match": '"1"'})
    )
    assert cached.status_code == 304
    assert (await client.get(f"{TEAMS}/999999", headers=keys.headers("admin"))).status_code == 404


async def test_composition_as_of_dates_before_between_and_after_rosters(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    made = await make_team(client, keys)
    url = f"{TEAMS}/{made['id']}"
    first = await roster(client, keys, made["id"], "2022-03-31", members(women=9, leaders=1))
    assert first["women"] == 9 and first["women_in_leadership"] == 1
    await roster(client, keys, made["id"], "2022-09-30", members(women=6, men=4, leaders=2))
    admin = keys.headers("admin")

    async def as_of(day: str) -> dict[str, object]:
        response = await client.get(url, params={"as_of": day}, headers=admin)
        assert response.status_code == 200, response.text
        body = response.json()
        return {
            k: body[k]
            for k in ("as_of", "composition", "roster_as_of", "women", "men", "women_in_leadership")
        }

    assert await as_of("2022-03-30") == {
        "as_of": "2022-03-30",
        "composition": "unknown",
        "roster_as_of": None,
        "women": 0,
        "men": 0,
        "women_in_leadership": 0,
    }
    for day in ("2022-03-31", "2022-06-15", "2022-09-29"):
        assert await as_of(day) == {
            "as_of": day,
            "composition": "all_women",
            "roster_as_of": "2022-03-31",
            "women": 9,
            "men": 0,
            "women_in_leadership": 1,
        }
    for day in ("2022-09-30", "2024-01-01"):
        assert await as_of(day) == {
            "as_of": day,
            "composition": "mixed",
            "roster_as_of": "2022-09-30",
            "women": 6,
            "men": 4,
            "women_in_leadership": 2,
        }
    # The list filters on the composition as of its date.
    other = await make_team(client, keys, name="Team 8", activity="eore")
    await roster(client, keys, other["id"], "2022-01-31", members(men=5))
    for day, expected in (
        ("2022-02-01", {"all_women": [], "all_men": [other["id"]], "unknown": [made["id"]]}),
        ("2022-06-30", {"all_women": [made["id"]], "all_men": [other["id"]], "mixed": []}),
        ("2022-12-31", {"mixed": [made["id"]], "all_women": [], "unknown": []}),
    ):
        for composition, ids in expected.items():
            listed = await client.get(
                TEAMS, params={"as_of": day, "composition": composition}, headers=admin
            )
            assert listed.status_code == 200, listed.text
            assert [t["id"] for t in listed.json()["items"]] == ids, (day, composition)


async def test_unreported_people_make_a_team_mixed(client: httpx.AsyncClient, keys: Keys) -> None:
    made = await make_team(client, keys)
    await roster(
        client, keys, made["id"], "2022-01-01", [{"role": "medic", "women": 2, "unreported": 1}]
    )
    body = (await client.get(f"{TEAMS}/{made['id']}", headers=keys.headers("admin"))).json()
    assert (body["composition"], body["unreported"]) == ("mixed", 1)


async def test_roster_rules(client: httpx.AsyncClient, keys: Keys) -> None:
    made = await make_team(client, keys, disbanded_on="2023-12-31")
    team_id = made["id"]
    cases = [
        ("2022-01-01", [{"role": "deminer", "women": -1}], "/members/0/women"),
        ("2022-01-01", [{"role": "captain", "women": 1}], "/members/0/role"),
        (
            "2022-01-01",
            [{"role": "deminer", "women": 1}, {"role": "deminer", "men": 1}],
            "/members/1/role",
        ),
        ("2021-02-28", members(women=1), "/as_of"),  # before formed_on
        ("2024-01-01", members(women=1), "/as_of"),  # after disbanded_on
        ("2022-01-01", [], "/members"),
    ]
    for day, listed, pointer in cases:
        response = await post_roster(client, keys, team_id, day, listed)
        assert response.status_code == 422, (listed, response.text)
        assert pointer in [e.get("pointer") for e in response.json()["errors"]], response.text
    # The first and last days of the team's life take a roster.
    await roster(client, keys, team_id, "2021-03-01", members(women=1))
    await roster(client, keys, team_id, "2023-12-31", members(women=2))
    # One roster per team and date: a second POST is a 409, a PATCH replaces it.
    again = await post_roster(client, keys, team_id, "2023-12-31", members(men=3))
    assert again.status_code == 409, again.text
    assert "PATCH" in again.json()["detail"]
    url = f"{TEAMS}/{team_id}/rosters/2023-12-31"
    read = await client.get(url, headers=keys.headers("analyst"))
    assert read.status_code == 200 and read.headers["etag"] == '"1"'
    stale = await client.patch(
        url, json={"members": members(men=3)}, headers=keys.headers("admin", **{"If-Match": '"9"'})
    )
    assert stale.status_code == 412
    replaced = await client.patch(
        url,
        json={"members": members(men=3)},
        headers=keys.headers("admin", **{"If-Match": read.headers["etag"]}),
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.headers["etag"] == '"2"'
    assert (replaced.json()["women"], replaced.json()["men"]) == (0, 3)
    current = (
        await client.get(
            f"{TEAMS}/{team_id}", params={"as_of": "2024-06-01"}, headers=keys.headers("admin")
        )
    ).json()
    assert current["composition"] == "all_men"
    # The history, oldest first.
    history = await client.get(f"{TEAMS}/{team_id}/rosters", headers=keys.headers("admin"))
    assert [r["as_of"] for r in history.json()["items"]] == ["2021-03-01", "2023-12-31"]
    # A team's life cannot shrink past its rosters.
    etag = (await client.get(f"{TEAMS}/{team_id}", headers=keys.headers("admin"))).headers["etag"]
    for body, pointer in (
        ({"formed_on": "2021-03-02"}, "/formed_on"),
        ({"disbanded_on": "2023-12-30"}, "/disbanded_on"),
        ({"disbanded_on": "2020-01-01"}, "/disbanded_on"),
    ):
        refused = await client.patch(
            f"{TEAMS}/{team_id}", json=body, headers=keys.headers("admin", **{"If-Match": etag})
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["pointer"] == pointer


async def test_a_roster_change_moves_the_team_etag(client: httpx.AsyncClient, keys: Keys) -> None:
    made = await make_team(client, keys)
    url = f"{TEAMS}/{made['id']}"
    await roster(client, keys, made["id"], "2022-01-01", members(women=3))
    read = await client.get(url, headers=keys.headers("admin", **{"If-None-Match": '"1"'}))
    assert read.status_code == 200 and read.headers["etag"] == '"2"'
    assert read.json()["composition"] == "all_women"


async def test_team_names_are_unique_per_country_and_lives_ordered(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    first = await make_team(client, keys)
    again = await client.post(TEAMS, json=team(), headers=keys.headers("admin"))
    assert again.status_code == 409
    assert again.json()["existing_team"] == first["id"]
    await make_team(client, keys, partner="GHA")  # the same name elsewhere is another team
    backwards = await client.post(
        TEAMS, json=team(name="T2", disbanded_on="2020-01-01"), headers=keys.headers("admin")
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["pointer"] == "/disbanded_on"
    for field, value in (("activity", "knitting"), ("partner", "ZZZ"), ("program", "NOPE")):
        bad = await client.post(
            TEAMS, json=team(name="T3", **{field: value}), headers=keys.headers("admin")
        )
        assert bad.status_code == 422, bad.text
        assert bad.json()["errors"][0]["pointer"] == f"/{field}"


async def test_patch_and_delete_with_if_match_are_audited(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    made = await make_team(client, keys)
    url = f"{TEAMS}/{made['id']}"
    await roster(client, keys, made["id"], "2022-01-01", members(women=3))
    admin = keys.headers("admin")
    etag = (await client.get(url, headers=admin)).headers["etag"]
    changed = await client.patch(
        url,
        json={"name": "Team Seven", "activity": "survey"},
        headers=keys.headers("admin", **{"If-Match": etag}),
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["name"], changed.json()["activity"]) == ("Team Seven", "survey")
    gone = await client.delete(
        url, headers=keys.headers("admin", **{"If-Match": changed.headers["etag"]})
    )
    assert gone.status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404
    assert (await client.get(f"{url}/rosters", headers=admin)).status_code == 404
    events = (await client.get("/api/v1/audit-events", params={"limit": 500}, headers=admin)).json()
    seen = [
        (e["action"], e["resource_type"])
        for e in events["items"]
        if e["resource_type"] in ("cwd_team", "cwd_roster")
    ]
    assert sorted(seen) == sorted(
        [
            ("create", "cwd_team"),
            ("create", "cwd_roster"),
            ("update", "cwd_team"),
            ("delete", "cwd_team"),
        ]
    )


async def test_embassy_reads_only_its_own_country(client: httpx.AsyncClient, keys: Keys) -> None:
    own = await make_team(client, keys)
    other = await make_team(client, keys, partner="GHA")
    for made in (own, other):
        await roster(client, keys, made["id"], "2022-01-01", members(women=2))
    embassy = keys.headers("embassy")
    listed = await client.get(TEAMS, headers=embassy)
    assert [t["id"] for t in listed.json()["items"]] == [own["id"]]
    exported = await client.get(TEAMS, params={"format": "csv"}, headers=embassy)
    assert {r["partner"] for r in csv.DictReader(io.StringIO(exported.text))} == {"KEN"}
    assert (await client.get(f"{TEAMS}/{own['id']}", headers=embassy)).status_code == 200
    for path in ("", "/rosters", "/rosters/2022-01-01"):
        response = await client.get(f"{TEAMS}/{other['id']}{path}", headers=embassy)
        assert response.status_code == 404, (path, response.text)
    assert (
        await client.get(f"{TEAMS}/{own['id']}/rosters/2022-01-01", headers=embassy)
    ).status_code == 200
    # Writes are admin and integration.
    refused = await post_roster(
        client, keys, own["id"], "2022-02-01", members(women=1), role="embassy"
    )
    assert refused.status_code == 403
    refused = await client.post(TEAMS, json=team(name="Mine"), headers=embassy)
    assert refused.status_code == 403


async def test_list_filters_and_csv(client: httpx.AsyncClient, keys: Keys) -> None:
    first = await make_team(client, keys)
    second = await make_team(client, keys, name="Survey 1", activity="survey", partner="GHA")
    await roster(client, keys, first["id"], "2022-01-01", members(women=3, leaders=1))
    await roster(client, keys, first["id"], "2022-06-30", members(women=4, men=1, leaders=1))
    admin = keys.headers("admin")
    for params, ids in (
        ({"partner": "GH"}, [second["id"]]),
        ({"activity": "clearance"}, [first["id"]]),
        ({"program": "cwd"}, [first["id"], second["id"]]),
        ({"program": "GPOI"}, []),
    ):
        listed = await client.get(TEAMS, params=params, headers=admin)
        assert listed.status_code == 200, listed.text
        assert [t["id"] for t in listed.json()["items"]] == ids, params
    bad = await client.get(TEAMS, params={"composition": "some"}, headers=admin)
    assert bad.status_code == 422
    exported = await client.get(
        TEAMS, params={"format": "csv", "as_of": "2022-03-01"}, headers=admin
    )
    assert exported.status_code == 200
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["name"], r["as_of"], r["role"], r["women"], r["composition"]) for r in lines] == [
        ("Team 7", "2022-01-01", "deminer", "2", "all_women"),
        ("Team 7", "2022-01-01", "team_leader", "1", "all_women"),
        ("Team 7", "2022-06-30", "deminer", "3", "all_women"),
        ("Team 7", "2022-06-30", "team_leader", "1", "all_women"),
        ("Survey 1", "", "", "", "unknown"),
    ]
    rosters = await client.get(
        f"{TEAMS}/{first['id']}/rosters", params={"format": "csv"}, headers=admin
    )
    assert rosters.text.splitlines()[0] == "as_of,role,women,men,unreported"


async def test_a_team_names_a_project_of_its_program(client: httpx.AsyncClient, keys: Keys) -> None:
    await make_project(client, keys)  # CWD-AFG-01, program CWD
    await make_project(client, keys, code="GPOI-GHA-01", program="GPOI", partner="GHA")
    admin = keys.headers("admin")
    made = await make_team(client, keys, partner="AFG", project="cwd-afg-01")
    assert made["project"] == "CWD-AFG-01"
    for body, pointer in (
        (team(name="T2", project="GPOI-GHA-01"), "/project"),  # another program's
        (team(name="T3", project="CWD-NONE-99"), "/project"),
        (team(name="T4", program="GPOI", project="CWD-AFG-01"), "/project"),
    ):
        refused = await client.post(TEAMS, json=body, headers=admin)
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["pointer"] == pointer
    other = await make_team(client, keys, name="No award")
    listed = await client.get(TEAMS, params={"project": "CWD-AFG-01"}, headers=admin)
    assert [t["id"] for t in listed.json()["items"]] == [made["id"]]
    unknown = await client.get(TEAMS, params={"project": "CWD-NONE-99"}, headers=admin)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["parameter"] == "project"
    # Moving a team to another program must leave the project's program behind.
    url = f"{TEAMS}/{made['id']}"
    etag = (await client.get(url, headers=admin)).headers["etag"]
    moved = await client.patch(
        url, json={"program": "GPOI"}, headers=keys.headers("admin", **{"If-Match": etag})
    )
    assert moved.status_code == 422 and moved.json()["errors"][0]["pointer"] == "/project"
    cleared = await client.patch(
        url, json={"project": None}, headers=keys.headers("admin", **{"If-Match": etag})
    )
    assert cleared.status_code == 200 and cleared.json()["project"] is None
    linked = await client.patch(
        f"{TEAMS}/{other['id']}",
        json={"project": "CWD-AFG-01"},
        headers=keys.headers("admin", **{"If-Match": '"1"'}),
    )
    assert linked.json()["project"] == "CWD-AFG-01"
    # A project that teams name is not deleted.
    project_etag = (await client.get("/api/v1/projects/CWD-AFG-01", headers=admin)).headers["etag"]
    kept = await client.delete(
        "/api/v1/projects/CWD-AFG-01", headers=keys.headers("admin", **{"If-Match": project_etag})
    )
    assert kept.status_code == 409
