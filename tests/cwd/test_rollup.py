"""The rollup behind the cwd-teams report gives exactly what the records give: after random
writes (teams created, edited and deleted, rosters added, replaced and deleted, imports) for
every date around each change, grouping and filter, and through the report (people and
suppress_below too) against the same report asked as known now, which sums the records."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from itertools import combinations
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.cwd import rollup
from app.cwd.service import GROUPS, TeamFigureFilters, teams_by
from app.partners.service import find_partner
from tests.conftest import Keys
from tests.cwd.helpers import IMPORTS, REPORT, TEAMS, make_team, members, roster, team
from tests.history.rollups import rows_as_known
from tests.history.test_point_in_time import instant

PARTNERS = ["KEN", "GHA", "NGA"]
ACTIVITIES = ["clearance", "survey", "eore"]
FIRST = date(2021, 1, 1)


def day(n: int) -> str:
    return (FIRST + timedelta(days=n)).isoformat()


def random_members(rng: random.Random) -> list[dict[str, Any]]:
    """Women, men or both (sometimes people of unreported sex, sometimes nobody)."""
    kind = rng.randrange(5)
    women = rng.randint(1, 6) if kind in (0, 2) else 0
    men = rng.randint(1, 6) if kind in (1, 2) else 0
    listed = [
        {"role": "team_leader", "women": min(women, 1), "men": 0, "unreported": 0},
        {"role": "deminer", "women": women - min(women, 1), "men": men, "unreported": 0},
    ]
    if kind == 3:
        listed.append({"role": "medic", "women": 0, "men": 0, "unreported": rng.randint(1, 2)})
    return listed


def random_team(rng: random.Random, name: str) -> dict[str, Any]:
    formed = rng.randint(0, 400)
    return team(
        name=name,
        partner=rng.choice(PARTNERS),
        activity=rng.choice(ACTIVITIES),
        formed_on=day(formed),
        disbanded_on=day(formed + rng.randint(0, 300)) if rng.random() < 0.4 else None,
    )


async def etag(client: httpx.AsyncClient, headers: dict[str, str], path: str) -> str:
    return (await client.get(path, headers=headers)).headers["etag"]


async def random_writes(client: httpx.AsyncClient, keys: Keys, rng: random.Random) -> None:
    admin = keys.headers("admin")
    teams: dict[int, dict[str, Any]] = {}
    for step in range(70):
        action = rng.random()
        if action < 0.2 or not teams:
            created = await client.post(TEAMS, json=random_team(rng, f"T{step}"), headers=admin)
            assert created.status_code == 201, created.text
            teams[created.json()["id"]] = created.json()
        elif action < 0.5:
            team_id = rng.choice(list(teams))
            added = await client.post(
                f"{TEAMS}/{team_id}/rosters",
                json={"as_of": day(rng.randint(0, 700)), "members": random_members(rng)},
                headers=admin,
            )
            assert added.status_code in (201, 409, 422), added.text
        elif action < 0.65:
            team_id = rng.choice(list(teams))
            listed = await client.get(f"{TEAMS}/{team_id}/rosters", headers=admin)
            if not listed.json()["items"]:
                continue
            path = f"{TEAMS}/{team_id}/rosters/{rng.choice(listed.json()['items'])['as_of']}"
            match = {**admin, "If-Match": await etag(client, admin, path)}
            if rng.random() < 0.6:
                changed = await client.patch(
                    path, json={"members": random_members(rng)}, headers=match
                )
                assert changed.status_code == 200, changed.text
            else:
                assert (await client.delete(path, headers=match)).status_code == 204
        elif action < 0.8:
            team_id = rng.choice(list(teams))
            body = random_team(rng, f"T{step}")
            patch = {k: body[k] for k in rng.sample(["partner", "activity", "disbanded_on"], 2)}
            if rng.random() < 0.3:
                patch["formed_on"] = body["formed_on"]
            path = f"{TEAMS}/{team_id}"
            changed = await client.patch(
                path, json=patch, headers={**admin, "If-Match": await etag(client, admin, path)}
            )
            assert changed.status_code in (200, 409, 422), changed.text
        elif action < 0.9:
            team_id = rng.choice(list(teams))
            path = f"{TEAMS}/{team_id}"
            match = {**admin, "If-Match": await etag(client, admin, path)}
            assert (await client.delete(path, headers=match)).status_code == 204
            del teams[team_id]
        else:
            rows = []
            for n in range(4):
                body = random_team(rng, f"T{rng.randint(0, step)}" if n % 2 else f"I{step}-{n}")
                formed = date.fromisoformat(body["formed_on"])
                dates = {formed + timedelta(days=rng.randint(0, 200)) for _ in range(3)}
                ends = body["disbanded_on"]
                body["rosters"] = [
                    {"as_of": d.isoformat(), "members": random_members(rng)}
                    for d in sorted(dates)
                    if ends is None or d.isoformat() <= ends
                ]
                rows.append(body)
            unique = list({(r["partner"], r["name"]): r for r in rows}.values())
            imported = await client.post(IMPORTS, json=unique, headers=admin)
            assert imported.status_code == 200, imported.text
            listed = await client.get(f"{TEAMS}?limit=500", headers=admin)
            teams = {t["id"]: t for t in listed.json()["items"]}


async def change_days(client: httpx.AsyncClient, keys: Keys) -> list[date]:
    """Every day a team's figures change, the day before and the day after."""
    admin = keys.headers("admin")
    found: set[date] = set()
    for listed in (await client.get(f"{TEAMS}?limit=500", headers=admin)).json()["items"]:
        days = [listed["formed_on"], listed["disbanded_on"]]
        rosters = await client.get(f"{TEAMS}/{listed['id']}/rosters?limit=500", headers=admin)
        days += [r["as_of"] for r in rosters.json()["items"]]
        for text in filter(None, days):
            found |= {date.fromisoformat(text) + timedelta(days=k) for k in (-1, 0, 1)}
    return sorted(found)


def groupings() -> list[list[str]]:
    return [[], *([g] for g in GROUPS), *(list(pair) for pair in combinations(GROUPS, 2))]


async def test_random_writes_keep_the_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    rng = random.Random(11)
    await random_writes(client, keys, rng)
    days = await change_days(client, keys)
    assert len(days) > 30
    async with session.begin():
        assert await rollup.stored(session) == await rollup.from_records(session)
        kenya = await find_partner(session, "KEN")
        assert kenya is not None
        filters = [
            TeamFigureFilters(),
            TeamFigureFilters(partner_id=kenya.id),
            TeamFigureFilters(activity="survey"),
        ]
        compared = 0
        for as_of in days:
            for groups in rng.sample(groupings(), 3):
                for only in filters:
                    expected = await teams_by(session, None, as_of, groups, only, from_records=True)
                    assert await teams_by(session, None, as_of, groups, only) == expected
                    compared += bool(expected and expected[0]["teams"])
        assert compared > 50  # most of them counted some team
        # Rebuilding changes nothing: the writes kept it exact.
        before = await rollup.stored(session)
        await rollup.rebuild(session)
        assert await rollup.stored(session) == before
    at = await instant()
    for as_of in days[:: max(1, len(days) // 8)]:
        for role in ("analyst", "embassy"):
            for params in (
                {"group_by": "composition,partner"},
                {"group_by": "activity", "suppress_below": "5"},
                {"group_by": "program,composition", "partner": "KEN"},
            ):
                asked = {"as_of": as_of.isoformat(), **params}
                await rows_as_known(client, REPORT, asked, keys.headers(role), at)


async def report_totals(client: httpx.AsyncClient, keys: Keys, as_of: str) -> dict[str, Any]:
    answer = await client.get(
        REPORT, params={"as_of": as_of, "group_by": "composition"}, headers=keys.headers("admin")
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return {
        "totals": (body["totals"]["teams"], body["totals"]["women"], body["totals"]["men"]),
        "rows": {r["composition"]: r["teams"] for r in body["rows"]},
    }


async def test_roster_on_the_day_counts_that_day(client: httpx.AsyncClient, keys: Keys) -> None:
    made = await make_team(client, keys, formed_on="2022-01-01")
    await roster(client, keys, made["id"], "2022-03-01", members(women=4))
    await roster(client, keys, made["id"], "2022-06-01", members(women=2, men=2))
    assert await report_totals(client, keys, "2021-12-31") == {"totals": (0, 0, 0), "rows": {}}
    assert await report_totals(client, keys, "2022-01-01") == {
        "totals": (1, 0, 0),
        "rows": {"unknown": 1},
    }
    assert await report_totals(client, keys, "2022-03-01") == {
        "totals": (1, 4, 0),
        "rows": {"all_women": 1},
    }
    assert await report_totals(client, keys, "2022-05-31") == {
        "totals": (1, 4, 0),
        "rows": {"all_women": 1},
    }
    assert await report_totals(client, keys, "2022-06-01") == {
        "totals": (1, 2, 2),
        "rows": {"mixed": 1},
    }


async def test_a_team_counts_through_its_last_day_only(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    made = await make_team(client, keys, formed_on="2022-01-01", disbanded_on="2022-08-31")
    await roster(client, keys, made["id"], "2022-01-01", members(men=3))
    assert (await report_totals(client, keys, "2022-08-31"))["totals"] == (1, 0, 3)
    assert await report_totals(client, keys, "2022-09-01") == {"totals": (0, 0, 0), "rows": {}}
    # Disbanded later: it counts again until then; then never disbanded.
    path = f"{TEAMS}/{made['id']}"
    admin = keys.headers("admin")
    for end, counted in (("2022-12-31", 1), (None, 1)):
        changed = await client.patch(
            path,
            json={"disbanded_on": end},
            headers={**admin, "If-Match": await etag(client, admin, path)},
        )
        assert changed.status_code == 200, changed.text
        assert (await report_totals(client, keys, "2022-12-31"))["totals"][0] == counted
    assert (await report_totals(client, keys, "2030-01-01"))["totals"] == (1, 0, 3)


async def test_deleting_a_roster_or_team_takes_it_out(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    made = await make_team(client, keys, formed_on="2022-01-01")
    await roster(client, keys, made["id"], "2022-02-01", members(women=5))
    await roster(client, keys, made["id"], "2022-04-01", members(men=5))
    admin = keys.headers("admin")
    path = f"{TEAMS}/{made['id']}/rosters/2022-04-01"
    gone = await client.delete(path, headers={**admin, "If-Match": await etag(client, admin, path)})
    assert gone.status_code == 204
    assert (await report_totals(client, keys, "2022-05-01"))["rows"] == {"all_women": 1}
    path = f"{TEAMS}/{made['id']}"
    gone = await client.delete(path, headers={**admin, "If-Match": await etag(client, admin, path)})
    assert gone.status_code == 204
    assert await report_totals(client, keys, "2022-05-01") == {"totals": (0, 0, 0), "rows": {}}
    async with session.begin():
        assert await rollup.stored(session) == {}


async def test_concurrent_writes_keep_the_rollup_exact(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    """Rosters posted at once to teams of one group (the same rollup rows), and to one team
    (whose writes take turns or are refused as stale, never both counted from one start)."""
    made = [(await make_team(client, keys, name=f"C{n}"))["id"] for n in range(8)]
    responses = await asyncio.gather(
        *(
            client.post(
                f"{TEAMS}/{team_id}/rosters",
                json={"as_of": "2022-01-01", "members": members(women=3)},
                headers=keys.headers("integration"),
            )
            for team_id in made
        ),
        *(
            client.post(
                f"{TEAMS}/{made[0]}/rosters",
                json={"as_of": day(500 + n), "members": members(men=n + 1)},
                headers=keys.headers("integration"),
            )
            for n in range(6)
        ),
    )
    assert [r.status_code for r in responses[:8]] == [201] * 8
    assert all(r.status_code < 500 for r in responses), [r.text for r in responses]
    totals = await report_totals(client, keys, "2022-01-01")
    assert totals["totals"] == (8, 24, 0)
    async with session.begin():
        assert await rollup.stored(session) == await rollup.from_records(session)
