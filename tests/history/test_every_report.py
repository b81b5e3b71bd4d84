"""Every report, progress and the scorecard, asked as known at each step of a run of writes
to every versioned record, answer exactly what they answered at that step."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import httpx

from tests.conftest import Keys
from tests.cwd.helpers import make_team, members, roster
from tests.facilities.helpers import CENTERS, UPGRADES, center, upgrade
from tests.funding.helpers import OBLIGATIONS, obligation
from tests.gdrp.helpers import MILESTONES, milestone
from tests.history.test_point_in_time import instant
from tests.imet.nominations.helpers import CURRENT_FY, TODAY, advance, body, move, nominate
from tests.indicators.helpers import INDICATORS, create, post_result, put_target
from tests.peacekeeping.helpers import SNAPSHOTS, csv_headers, un_csv
from tests.trainings.helpers import TRAININGS, training

MONTH_END = f"{TODAY.year - 1}-10-31"
REPORTS: list[tuple[str, dict[str, str]]] = [
    ("/api/v1/reports/women-trained", {"group_by": "fiscal_year,partner"}),
    ("/api/v1/reports/women-trained", {"group_by": "topic"}),
    ("/api/v1/reports/funding", {"group_by": "fiscal_year,purpose"}),
    ("/api/v1/reports/imet-parity", {}),
    ("/api/v1/reports/imet-completions", {"group_by": "partner"}),
    ("/api/v1/reports/peacekeeping-share", {"program": "GPOI", "as_of": MONTH_END}),
    ("/api/v1/reports/scorecard", {"fiscal_year": str(CURRENT_FY)}),
    ("/api/v1/reports/cwd-teams", {"as_of": "2022-06-30", "group_by": "composition"}),
    ("/api/v1/reports/facility-upgrades", {"group_by": "fiscal_year,feature"}),
    ("/api/v1/reports/policy-milestones", {"group_by": "partner,kind"}),
    (f"{INDICATORS}/CWD-TEST-COUNT/progress", {}),
    (f"{INDICATORS}/IMET-WOMEN-TRAINED/progress", {}),
]


async def answers(client: httpx.AsyncClient, keys: Keys, at: str | None = None) -> list[Any]:
    found = []
    for path, params in REPORTS:
        asked = {**params, **({"as_known_on": at} if at else {})}
        response = await client.get(path, params=asked, headers=keys.headers("analyst"))
        assert response.status_code in (200, 404), (path, response.text)  # 404: no snapshot yet
        body = response.json()
        body.pop("instance", None)  # a problem's request id
        if response.status_code == 200:
            echoed = body["filters"].pop("as_known_on", None)
            assert (echoed is not None) == (at is not None), path
        found.append((response.status_code, body))
    return found


class Steps:
    """The answers after each step of writes, and the instant just after it."""

    def __init__(self, client: httpx.AsyncClient, keys: Keys) -> None:
        self.client, self.keys = client, keys
        self.taken: list[tuple[str, list[Any]]] = []

    async def take(self) -> None:
        self.taken.append((await instant(), await answers(self.client, self.keys)))


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


@dataclass
class Written:
    """The records `write_every_kind` made, for the steps that edit and delete them."""

    training: httpx.Response
    money: httpx.Response
    nominee: dict[str, Any]
    snapshot: dict[str, Any]
    indicator: dict[str, Any]
    result: httpx.Response
    history: dict[str, Any]


async def write_every_kind(client: httpx.AsyncClient, keys: Keys) -> Written:
    """One record of each versioned kind, as the API creates them."""
    admin = keys.headers("admin")
    first = await client.post(TRAININGS, json=training(external_ref="T1"), headers=admin)
    ok(first, 201)
    money = await client.post(OBLIGATIONS, json=obligation(fiscal_year=CURRENT_FY), headers=admin)
    ok(money, 201)
    nominee = await nominate(client, keys)
    await nominate(client, keys, nominee={**body()["nominee"], "sex": "male"})
    ok(
        await client.post(
            "/api/v1/partners/GHA/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
            headers=admin,
        ),
        201,
    )
    rows = [("Ghana", "GHA", "UNIFIL", "Troops", 90, 10, MONTH_END)]
    rows.append(("Kenya", "KEN", "UNMISS", "Troops", 30, 5, MONTH_END))
    snapshot = ok(
        await client.post(SNAPSHOTS, content=un_csv(rows), headers=csv_headers(admin)), 201
    )["snapshots"][0]
    ok(
        await client.put(
            "/api/v1/partners/KEN/benchmarks/" + str(CURRENT_FY),
            json={"military_women_share_pct": 7.0, "source": "MOD"},
            headers=admin,
        ),
        201,
    )
    # The rest of the portfolio: a CWD team's roster, a completed upgrade, a policy adopted.
    team = await make_team(client, keys)
    await roster(client, keys, team["id"], "2022-03-31", members(women=4, men=2, leaders=1))
    ok(await client.post(CENTERS, json=center(), headers=admin), 201)
    done = upgrade(status="completed", completed_on="2022-02-01")
    ok(await client.post(UPGRADES, json=done, headers=admin), 201)
    ok(await client.post(MILESTONES, json=milestone(), headers=admin), 201)
    indicator = await create(client, keys)
    result = await post_result(client, keys, indicator["code"], fiscal_year=CURRENT_FY, value=40)
    await put_target(client, keys, indicator["code"], CURRENT_FY, 100)
    history = ok(
        await client.post(
            "/api/v1/imet-history",
            json={
                "fiscal_year": 2016,
                "partner": "KEN",
                "women": 3,
                "men": 41,
                "source": "data call",
            },
            headers=admin,
        ),
        201,
    )

    return Written(first, money, nominee, snapshot, indicator, result, history)


async def edit_every_kind(client: httpx.AsyncClient, keys: Keys, written: Written) -> None:
    admin = keys.headers("admin")
    first, money, nominee = written.training, written.money, written.nominee
    indicator, result = written.indicator, written.result
    ok(
        await client.patch(
            f"{TRAININGS}/{first.json()['id']}",
            json={
                "participants": [{"partner": "GHA", "women": 11, "men": 2}],
                "topics": ["leadership"],
            },
            headers={**admin, "If-Match": first.headers["ETag"]},
        )
    )
    ok(
        await client.patch(
            f"{OBLIGATIONS}/{money.json()['id']}",
            json={"amount_usd": "2500.00"},
            headers={**admin, "If-Match": money.headers["ETag"]},
        )
    )
    await advance(client, keys, nominee["id"], "completed")
    ok(
        await client.patch(
            f"{INDICATORS}/{indicator['code']}/results/{result.json()['id']}",
            json={"value": 80},
            headers={**admin, "If-Match": result.headers["ETag"]},
        )
    )
    await put_target(client, keys, indicator["code"], CURRENT_FY, 60)
    ok(
        await client.put(
            "/api/v1/partners/KEN/benchmarks/" + str(CURRENT_FY),
            json={"military_women_share_pct": 40.0, "source": "MOD"},
            headers=admin,
        )
    )
    ok(
        await client.post(
            "/api/v1/partners/KEN/memberships",
            json={"program": "GPOI", "start_date": "2008-01-01", "end_date": None},
            headers=admin,
        ),
        201,
    )


async def delete_every_kind(client: httpx.AsyncClient, keys: Keys, written: Written) -> None:
    admin = keys.headers("admin")
    first, money, nominee = written.training, written.money, written.nominee
    snapshot, history = written.snapshot, written.history
    for url, response in ((TRAININGS, first), (OBLIGATIONS, money)):
        etag = (await client.get(f"{url}/{response.json()['id']}", headers=admin)).headers["ETag"]
        ok(
            await client.delete(
                f"{url}/{response.json()['id']}", headers={**admin, "If-Match": etag}
            ),
            204,
        )
    url = f"{SNAPSHOTS}/{snapshot['id']}"
    etag = (await client.get(url, headers=admin)).headers["ETag"]
    ok(await client.delete(url, headers={**admin, "If-Match": etag}), 204)
    url = f"/api/v1/imet-history/{history['id']}"
    etag = (await client.get(url, headers=admin)).headers["ETag"]
    ok(await client.delete(url, headers={**admin, "If-Match": etag}), 204)
    assert (await move(client, keys, nominee["id"], "withdrawn")).status_code == 409


async def test_every_report_as_known_at_each_step(client: httpx.AsyncClient, keys: Keys) -> None:
    steps = Steps(client, keys)
    await steps.take()  # nothing yet
    written = await write_every_kind(client, keys)
    await steps.take()
    await edit_every_kind(client, keys, written)
    await steps.take()
    await delete_every_kind(client, keys, written)
    await steps.take()

    # Each step changed what the reports answer, and each is answered again as known then.
    seen = [found for _, found in steps.taken]
    for before, after in pairwise(seen):
        changed = [path for (path, _), a, b in zip(REPORTS, before, after, strict=True) if a != b]
        assert changed, "a step that changes no report proves nothing"
    for at, found in steps.taken:
        assert await answers(client, keys, at) == found, at
