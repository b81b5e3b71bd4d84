"""Every count of people a report publishes is a cell under the small-number rule, derived
ones included (issue 24, point 4): a walk over every report that takes `suppress_below`, on
records with small counts everywhere, finds no published count of people from 1 to K-1."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from tests.conftest import Keys
from tests.cwd.helpers import make_team, members, roster
from tests.imet.history.helpers import record
from tests.imet.nominations.helpers import CURRENT_FY
from tests.peacekeeping.helpers import SNAPSHOTS, csv_headers, un_csv
from tests.reports.test_imet import nominees
from tests.reports.test_suppression import _train

K = 5
REPORTS = "/api/v1/reports/"
# Each report taking suppress_below: the fields of its answer that count people (derived ones
# included: a running sum of women, the women among them in leadership) and a query. The
# scorecard's counts are indicator progress lines, checked by their measure below.
PEOPLE = ("women", "men", "unreported")
TABLES: dict[str, tuple[set[str] | None, dict[str, Any]]] = {
    "women-trained": (
        {*PEOPLE, "total", "cumulative_women"},
        {"group_by": "fiscal_year,partner"},
    ),
    "imet-parity": ({"women", "men", "nominations"}, {"fiscal_year": CURRENT_FY}),
    "imet-completions": ({"women", "men", "total"}, {"group_by": "partner"}),
    "peacekeeping-share": ({"partner_women", "all_women"}, {"program": "GPOI"}),
    "cwd-teams": (
        {*PEOPLE, "people", "women_in_leadership"},
        {"as_of": "2022-06-30", "group_by": "partner"},
    ),
    "scorecard": (None, {"fiscal_year": 2022}),
}


def small_counts(node: Any, fields: set[str], where: str = "") -> list[str]:
    """Every published count of people from 1 to K-1 in an answer, by where it sits."""
    found: list[str] = []
    if isinstance(node, dict):
        for name, value in node.items():
            if name in fields and isinstance(value, int) and 1 <= value < K:
                found.append(f"{where}.{name}={value}")
            found += small_counts(value, fields, f"{where}.{name}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += small_counts(value, fields, f"{where}[{i}]")
    return found


def scorecard_small_counts(scorecard: dict[str, Any]) -> list[str]:
    """A count indicator's actual, a percent's numerator and denominator, when from 1 to K-1."""
    found = []
    for outcome in scorecard["outcomes"]:
        for line in outcome["indicators"]:
            names = {"count": ("actual",), "percent": ("numerator", "denominator")}
            for name in names.get(line["measure"], ()):
                if line[name] is not None and 1 <= float(line[name]) < K:
                    found.append(f"{line['code']}.{name}={line[name]}")
    return found


async def small_records(client: httpx.AsyncClient, keys: Keys) -> None:
    """A few people wherever a report counts them."""
    await _train(
        client, keys, "PEOPLE-1", "2022-03-01",
        KEN={"women": 2, "men": 20}, GHA={"women": 30, "men": 25}, SEN={"women": 12, "men": 1},
    )  # fmt: skip
    await record(client, keys, partner="KEN", fiscal_year=2016, women=3, men=41)
    await record(client, keys, partner="GHA", fiscal_year=2016, women=10, men=20)
    await nominees(client, keys, "KEN", "female", 4)
    await nominees(client, keys, "KEN", "male", 1)
    await nominees(client, keys, "GHA", "female", 6)
    await nominees(client, keys, "GHA", "male", 7)
    for code in ("GHA", "KEN"):
        made = await client.post(
            f"/api/v1/partners/{code}/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01"},
            headers=keys.headers("admin"),
        )
        assert made.status_code == 201, made.text
    rows = [
        ("Ghana", "GHA", "UNIFIL", "Troops", 100, 1, "2026-10-31"),
        ("Kenya", "KEN", "UNIFIL", "Troops", 100, 2, "2026-10-31"),
        ("India", "IND", "UNIFIL", "Troops", 50, 20, "2026-10-31"),
    ]
    uploaded = await client.post(
        SNAPSHOTS, content=un_csv(rows), headers=csv_headers(keys.headers("integration"))
    )
    assert uploaded.status_code == 201, uploaded.text
    # The teams: many women each, and 1, 1 and 2 of them in leadership.
    for partner, women, leaders in (("KEN", 10, 1), ("GHA", 12, 1), ("SEN", 11, 2)):
        made = await make_team(client, keys, partner=partner, name=f"Team {partner}")
        await roster(client, keys, made["id"], "2022-03-31", members(women, 9, leaders=leaders))


def query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route takes, its dependencies' included."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= query_names(sub)
    return names


async def test_every_report_covers_its_counts_of_people(app: FastAPI) -> None:
    """Every report taking suppress_below is walked below (a new one fails here first)."""
    suppressing = {
        (route.path or "").removeprefix(REPORTS)
        for route in iter_route_contexts(app.routes)
        if isinstance(route.original_route, APIRoute)
        and (route.path or "").startswith(REPORTS)
        and "suppress_below" in query_names(route.dependant)
    }
    assert suppressing == set(TABLES)


async def test_no_report_publishes_a_small_count_of_people(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await small_records(client, keys)
    analyst = keys.headers("analyst")
    for name, (table, query) in TABLES.items():
        plain = await client.get(REPORTS + name, params=query, headers=analyst)
        assert plain.status_code == 200, (name, plain.text)
        answer = await client.get(
            REPORTS + name, params={**query, "suppress_below": K}, headers=analyst
        )
        assert answer.status_code == 200, (name, answer.text)
        if table is None:
            assert scorecard_small_counts(answer.json()) == [], name
            continue
        fields = table
        # The records hold small counts the plain answer shows, so the walk has work to do.
        assert small_counts(plain.json(), fields), name
        assert small_counts(answer.json(), fields) == [], name
