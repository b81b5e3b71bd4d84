"""Listing trainings: filters, sorts, keyset pages, embassy scoping and CSV streaming."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from tests.conftest import Keys
from tests.trainings.helpers import TRAININGS, training

IMPORTS = "/api/v1/imports/trainings"


async def seed(client: httpx.AsyncClient, keys: Keys) -> None:
    rows: list[dict[str, Any]] = [
        training(
            external_ref="A",
            title="Gender advisor course",
            start_date="2019-11-01",
            end_date="2019-11-05",
            host_country="KEN",
            topics=["gender_integration"],
            participants=[{"partner": "UGA", "women": 2}],
        ),
        training(
            external_ref="B",
            title="NIO course 50%_done",
            kind="workshop",
            start_date="2021-10-01",
            end_date="2021-10-02",
            host_country="GHA",
            topics=["nio"],
            participants=[{"partner": "KEN", "women": 1}, {"partner": "GHA", "men": 1}],
        ),
        training(
            external_ref="C",
            program="CWD",
            title="Demining team leaders (equipos médicos)",
            start_date="2022-03-01",
            end_date="2022-03-02",
            host_country="AFG",
            topics=["demining"],
            participants=[{"partner": "AFG", "women": 5}],
        ),
    ]
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))
    assert response.status_code == 200, response.text


async def refs(client: httpx.AsyncClient, keys: Keys, query: str, role: str = "analyst") -> list:
    response = await client.get(f"{TRAININGS}?{query}", headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return [t["external_ref"] for t in response.json()["items"]]


async def test_filters_and_sorts(client: httpx.AsyncClient, keys: Keys) -> None:
    await seed(client, keys)
    assert await refs(client, keys, "") == ["C", "B", "A"]
    assert await refs(client, keys, "sort=start_date") == ["A", "B", "C"]
    assert await refs(client, keys, "sort=created") == ["A", "B", "C"]
    assert await refs(client, keys, "sort=-created") == ["C", "B", "A"]
    assert await refs(client, keys, "program=gpoi") == ["B", "A"]
    assert await refs(client, keys, "partner=KE") == ["B"]
    assert await refs(client, keys, "host_country=ken") == ["A"]
    assert await refs(client, keys, "fiscal_year=2022") == ["C", "B"]
    assert await refs(client, keys, "from_fy=2021&to_fy=2022&program=GPOI") == ["B"]
    assert await refs(client, keys, "to_fy=2020") == ["A"]
    assert await refs(client, keys, "from_date=2021-10-01&to_date=2022-01-01") == ["B"]
    assert await refs(client, keys, "kind=workshop") == ["B"]
    assert await refs(client, keys, "topic=demining") == ["C"]
    assert await refs(client, keys, "q=advisor") == ["A"]
    assert await refs(client, keys, "q=50%25_") == ["B"]  # LIKE wildcards are literal
    assert await refs(client, keys, "q=5%25") == []
    assert await refs(client, keys, "q=M%C3%89DICOS") == ["C"]  # MÉDICOS: accents and case
    assert await refs(client, keys, "q=medicos") == ["C"]
    assert await refs(client, keys, "updated_since=2000-01-01T00:00:00Z") == ["C", "B", "A"]
    assert await refs(client, keys, "updated_since=2999-01-01T00:00:00Z") == []
    for bad in ("kind=seminar", "topic=x", "sort=title", "partner=ZZZ", "fiscal_year=1800"):
        response = await client.get(f"{TRAININGS}?{bad}", headers=keys.headers("analyst"))
        assert response.status_code == 422, bad


async def test_embassy_sees_trainings_its_country_joined_or_hosted(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await seed(client, keys)
    # KEN hosted A and took part in B; GHA hosted B and took part in it.
    assert await refs(client, keys, "sort=start_date", "embassy") == ["A", "B"]
    assert await refs(client, keys, "sort=start_date", "embassy_gha") == ["B"]
    everything = (
        await client.get(f"{TRAININGS}?sort=start_date", headers=keys.headers("admin"))
    ).json()["items"]
    c_id = everything[2]["id"]
    hidden = await client.get(f"{TRAININGS}/{c_id}", headers=keys.headers("embassy"))
    assert hidden.status_code == 404
    seen = await client.get(f"{TRAININGS}/{everything[0]['id']}", headers=keys.headers("embassy"))
    assert seen.status_code == 200
    as_csv = await client.get(f"{TRAININGS}?format=csv", headers=keys.headers("embassy_gha"))
    assert {row["external_ref"] for row in csv.DictReader(io.StringIO(as_csv.text))} == {"B"}


async def test_keyset_pages_visit_every_training_once(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = [
        training(
            external_ref=f"P{i}",
            start_date=f"2020-01-{1 + i % 5:02d}",
            end_date="2020-02-01",
            participants=[],
        )
        for i in range(23)
    ]
    assert (await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))).status_code == 200
    seen: list[str] = []
    url = f"{TRAININGS}?limit=5&sort=start_date&include_total=true"
    while url:
        page = await client.get(url, headers=keys.headers("analyst"))
        body = page.json()
        assert body["total"] == 23
        seen += [t["external_ref"] for t in body["items"]]
        link = page.headers.get("link")
        url = link[1 : link.index(">")] if link else ""
    assert sorted(seen) == sorted(f"P{i}" for i in range(23))
    assert len(seen) == 23


async def test_csv_streams_every_row_beyond_a_page(client: httpx.AsyncClient, keys: Keys) -> None:
    # 1,200 trainings x 2 partners: more than the largest page (500) and than one batch.
    rows = [
        training(
            external_ref=f"S{i}",
            participants=[{"partner": "KEN", "women": 1}, {"partner": "GHA", "men": 2}],
        )
        for i in range(1200)
    ]
    response = await client.post(IMPORTS, json=rows, headers=keys.headers("admin"))
    assert response.status_code == 200, response.text
    exported = await client.get(TRAININGS, headers=keys.headers("analyst", Accept="text/csv"))
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(lines) == 2400
    assert len({line["id"] for line in lines}) == 1200
    assert {(line["partner"], line["total"]) for line in lines} == {("GHA", "2"), ("KEN", "1")}
    assert lines[0]["fiscal_year"] == "2022"
    assert lines[0]["topics"] == "gender_integration;peacekeeping"
    filtered = await client.get(
        f"{TRAININGS}?format=csv&partner=KEN&q=nothing", headers=keys.headers("analyst")
    )
    assert filtered.text.strip().split("\r\n") == [filtered.text.strip()]  # header only
    refused = await client.get(f"{TRAININGS}?format=csv&partner=ZZZ", headers=keys.headers("admin"))
    assert refused.status_code == 422  # a bad filter is refused before streaming starts
    assert refused.headers["content-type"] == "application/problem+json"
