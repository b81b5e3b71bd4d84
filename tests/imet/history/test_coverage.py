"""One partner's fiscal year of IMET completions comes from its completed nominations or from
IMET history, never both: each side refuses (409, naming the conflict) what the other covers."""

from __future__ import annotations

import asyncio

import httpx

from tests.conftest import Keys
from tests.imet.history.helpers import HISTORY, IMPORTS, history, record
from tests.imet.nominations.helpers import CURRENT_FY, NOMINATIONS, advance, move
from tests.reports.test_imet import nominees


async def test_history_is_refused_for_a_year_with_completed_nominations(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    done = await nominees(client, keys, "KEN", "female", 2)
    for nomination_id in done:
        await advance(client, keys, nomination_id, "completed")
    # A nomination still in the pipeline does not cover its year.
    (pending,) = await nominees(client, keys, "GHA", "female", 1)
    await advance(client, keys, pending, "in_training")

    refused = await client.post(
        HISTORY, json=history(fiscal_year=CURRENT_FY), headers=keys.headers("admin")
    )
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["detail"] == (
        f"KEN FY{CURRENT_FY} has 2 completed IMET nomination(s): its completions come from the "
        "nominations, so it cannot also have IMET history"
    )
    assert problem["completed_nominations"] == 2
    assert problem["conflicting_nominations"] == sorted(done)
    assert (await client.get(HISTORY, headers=keys.headers("admin"))).json()["items"] == []

    # Other years of the partner, and other partners' years, are free.
    await record(client, keys, fiscal_year=CURRENT_FY - 1)
    ghana = await record(client, keys, partner="GHA", fiscal_year=CURRENT_FY)

    # A PATCH that moves a record onto a covered year is refused the same way.
    moved = await client.patch(
        ghana.headers["location"],
        json={"partner": "KEN"},
        headers=keys.headers("admin", **{"If-Match": ghana.headers["etag"]}),
    )
    assert moved.status_code == 409
    assert moved.json()["conflicting_nominations"] == sorted(done)

    # So is an import row, naming its row; nothing of the file is written.
    imported = await client.post(
        IMPORTS,
        json=[history(fiscal_year=2010), history(fiscal_year=CURRENT_FY)],
        headers=keys.headers("integration"),
    )
    assert imported.status_code == 422
    assert imported.json()["errors"] == [
        {
            "row": 2,
            "field": "/fiscal_year",
            "message": problem["detail"],
            "detail": problem["detail"],
        }
    ]
    listed = await client.get(HISTORY, params={"fiscal_year": 2010}, headers=keys.headers("admin"))
    assert listed.json()["items"] == []


async def test_a_nomination_cannot_complete_in_a_year_covered_by_history(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    covered = (await record(client, keys, partner="GHA", fiscal_year=CURRENT_FY)).json()
    (nomination_id,) = await nominees(client, keys, "GHA", "female", 1)
    await advance(client, keys, nomination_id, "in_training")

    refused = await move(client, keys, nomination_id, "completed")
    assert refused.status_code == 409
    problem = refused.json()
    detail = (
        f"GHA FY{CURRENT_FY} is covered by IMET history record {covered['id']}: a nomination of "
        "that partner and year cannot be completed while that record exists"
    )
    assert problem["detail"] == f"cannot move to completed: {detail}"
    assert problem["unmet"] == [{"condition": "no_imet_history", "detail": detail}]
    assert problem["conflicting_history"] == covered["id"]
    assert problem["current_status"] == "in_training"
    still = await client.get(f"{NOMINATIONS}/{nomination_id}", headers=keys.headers("admin"))
    assert still.json()["status"] == "in_training"

    # Other moves are not affected, nor are the partner's other years.
    (next_year,) = await nominees(client, keys, "GHA", "male", 1, fiscal_year=CURRENT_FY + 1)
    await advance(client, keys, next_year, "completed")

    # Once the history record is gone, the nomination completes.
    gone = await client.delete(
        f"{HISTORY}/{covered['id']}", headers=keys.headers("admin", **{"If-Match": '"1"'})
    )
    assert gone.status_code == 204
    assert (await move(client, keys, nomination_id, "completed")).status_code == 200


async def test_a_concurrent_completion_and_history_record_never_both_succeed(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    partners = ("KEN", "GHA", "NGA", "SEN", "BGD", "JOR")
    waiting = {}
    for partner in partners:
        (waiting[partner],) = await nominees(client, keys, partner, "female", 1)
        await advance(client, keys, waiting[partner], "in_training")
    answers = await asyncio.gather(
        *(
            request
            for partner in partners
            for request in (
                move(client, keys, waiting[partner], "completed"),
                client.post(
                    HISTORY,
                    json=history(partner=partner, fiscal_year=CURRENT_FY),
                    headers=keys.headers("admin"),
                ),
            )
        )
    )
    for n, partner in enumerate(partners):
        completed, recorded = answers[2 * n], answers[2 * n + 1]
        codes = (completed.status_code, recorded.status_code)
        assert codes in ((200, 409), (409, 201)), (partner, codes, completed.text, recorded.text)
    report = await client.get(
        "/api/v1/reports/imet-completions",
        params={"from_fy": CURRENT_FY, "to_fy": CURRENT_FY, "group_by": "partner"},
        headers=keys.headers("admin"),
    )
    # Each partner's year counted once: one woman from the nomination, or 3 from history.
    assert {r["partner"]: r["women"] in (1, 3) for r in report.json()["rows"]} == dict.fromkeys(
        partners, True
    )
