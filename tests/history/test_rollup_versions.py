"""The women-trained report as known at an instant, read from the rollup's own versions, equals
the report rebuilt from the records' versions (the path it replaces), whatever the writes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.history import copy_current, known_as_of, rollups_from_records
from app.core.security import Principal, Role
from app.history import HISTORY_TABLES
from app.reports.women_trained import WomenTrainedQuery, women_trained
from app.trainings.models import ROLLUP
from tests.conftest import Keys
from tests.history.test_point_in_time import instant
from tests.trainings.helpers import TRAININGS, training

ANALYST = Principal(key_id=1, role=Role.analyst)
GROUPINGS = ("fiscal_year,partner", "topic", "program,region")
PARTNERS = ("KEN", "GHA", "NGA")
TOPICS = ("nio", "peacekeeping", "leadership")
ROLLUP_HISTORY = HISTORY_TABLES[ROLLUP.name]

participants = st.lists(
    st.fixed_dictionaries(
        {
            "partner": st.sampled_from(PARTNERS),
            "women": st.integers(0, 9),
            "men": st.integers(0, 9),
            "unreported": st.integers(0, 3),
        }
    ),
    max_size=3,
    unique_by=lambda p: p["partner"],
)
bodies = st.fixed_dictionaries(
    {
        "external_ref": st.sampled_from(("A", "B", "C", "D")),
        "program": st.sampled_from(("GPOI", "CWD")),
        "kind": st.sampled_from(("course", "workshop")),
        "start_date": st.sampled_from(("2019-11-01", "2021-03-01", "2022-12-01")),
        "topics": st.lists(st.sampled_from(TOPICS), max_size=2, unique=True),
        "participants": participants,
    }
)
steps = st.one_of(
    st.tuples(st.just("create"), bodies),
    st.tuples(
        st.just("edit"),
        st.integers(0, 9),
        bodies,
        st.sets(
            st.sampled_from(sorted(("program", "kind", "start_date", "topics", "participants"))),
            min_size=1,
        ),
    ),
    st.tuples(st.just("participants"), st.integers(0, 9), participants),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("import"), st.lists(bodies, min_size=1, max_size=3)),
)


def as_body(drawn: dict[str, Any]) -> dict[str, Any]:
    return training(**drawn, end_date=drawn["start_date"])


async def report(session: AsyncSession, at: datetime, group_by: str) -> Any:
    with known_as_of(at):
        return (
            await women_trained(session, ANALYST, WomenTrainedQuery(group_by=group_by))
        ).model_dump()


async def both_paths(session: AsyncSession, at: datetime) -> list[Any]:
    """Each grouping as known `at` from the rollup's versions; assert the same from the
    records' versions."""
    found = []
    async with session.begin():
        for group_by in GROUPINGS:
            fast = await report(session, at, group_by)
            with rollups_from_records():
                assert fast == await report(session, at, group_by), (at, group_by)
            found.append(fast)
    return found


async def write(client: httpx.AsyncClient, admin: dict[str, str], step: tuple[Any, ...]) -> None:
    kind, *args = step
    listed = await client.get(TRAININGS, params={"limit": 500}, headers=admin)
    existing = listed.json()["items"]
    if kind == "create":
        (body,) = args
        response = await client.post(TRAININGS, json=as_body(body), headers=admin)
        assert response.status_code in (201, 409), response.text
    elif kind == "import":
        (rows,) = args
        unique = list({(r["program"], r["external_ref"]): as_body(r) for r in rows}.values())
        response = await client.post("/api/v1/imports/trainings", json=unique, headers=admin)
        assert response.status_code == 200, response.text
    elif existing:
        await _change(client, admin, existing[args[0] % len(existing)]["id"], kind, args[1:])


async def _change(
    client: httpx.AsyncClient, admin: dict[str, str], training_id: int, kind: str, args: Any
) -> None:
    headers = {**admin, "If-Match": "*"}
    path = f"{TRAININGS}/{training_id}"
    if kind == "delete":
        response = await client.delete(path, headers=headers)
        assert response.status_code == 204, response.text
        return
    if kind == "participants":
        patch = {"participants": args[0]}
    else:
        body, fields = args
        patch = {field: body[field] for field in fields}
        if "start_date" in patch:
            patch["end_date"] = patch["start_date"]
    response = await client.patch(path, json=patch, headers=headers)
    assert response.status_code in (200, 409), response.text


@settings(
    max_examples=12,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(writes=st.lists(steps, min_size=1, max_size=7), data=st.data())
async def test_rollup_versions_equal_the_records_versions_at_any_instant(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession, writes: Any, data: Any
) -> None:
    # Examples run one after the other on the same database: each adds to what is there.
    admin = keys.headers("admin")
    instants = [datetime.fromisoformat(await instant())]
    for step in writes:
        await write(client, admin, step)
        instants.append(datetime.fromisoformat(await instant()))
    asked = data.draw(st.lists(st.sampled_from(instants), min_size=1, max_size=4, unique=True))
    for at in asked:
        await both_paths(session, at)


async def test_both_paths_equal_after_every_kind_of_write_and_read_the_rollup_versions(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    """A fixed run whose figures are not empty; then the fast path is shown to read the rollup's
    history (a change made there alone is seen by it, not by the records' path)."""
    admin = keys.headers("admin")
    body = {"external_ref": "A", "program": "GPOI", "kind": "course", "start_date": "2021-03-01"}
    people = [{"partner": "KEN", "women": 4, "men": 1, "unreported": 0}]
    await write(client, admin, ("create", {**body, "topics": ["nio"], "participants": people}))
    first = datetime.fromisoformat(await instant())
    await write(client, admin, ("participants", 0, [{**people[0], "women": 9}]))
    await write(
        client,
        admin,
        ("import", [{**body, "external_ref": "B", "topics": [], "participants": people}]),
    )
    second = datetime.fromisoformat(await instant())
    await write(client, admin, ("delete", 0))
    third = datetime.fromisoformat(await instant())
    totals = [
        (await both_paths(session, at))[0]["totals"]["women"] for at in (first, second, third)
    ]
    assert totals[:2] == [4, 13]
    assert totals[2] in (4, 9)  # one of the two trainings deleted (the list's first)

    async with session.begin():
        await session.execute(update(ROLLUP_HISTORY).values(women=ROLLUP_HISTORY.c.women + 100))
    async with session.begin():
        fast = await report(session, third, "topic")
        with rollups_from_records():
            slow = await report(session, third, "topic")
    assert slow["totals"]["women"] == totals[2]
    assert fast["totals"]["women"] != slow["totals"]["women"]


async def test_before_the_rollup_history_began_the_records_answer(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    """As after upgrading to the revision that versions the rollup: its history starts then,
    and an instant before it is answered from the records' versions."""
    admin = keys.headers("admin")
    body = {
        "external_ref": "A",
        "program": "GPOI",
        "kind": "course",
        "start_date": "2021-03-01",
        "topics": [],
        "participants": [{"partner": "GHA", "women": 2, "men": 0}],
    }
    await write(client, admin, ("create", body))
    before_upgrade = datetime.fromisoformat(await instant())
    await write(client, admin, ("participants", 0, [{"partner": "GHA", "women": 6, "men": 0}]))
    async with session.begin():
        await session.execute(text(f"DELETE FROM {ROLLUP_HISTORY.name}"))  # noqa: S608
        upgraded = datetime.now(UTC)
        await session.run_sync(lambda sync: copy_current(sync.connection(), ROLLUP.name, upgraded))
    after_upgrade = datetime.fromisoformat(await instant())
    await write(client, admin, ("delete", 0))
    now = datetime.fromisoformat(await instant())
    women = [
        (await both_paths(session, at))[0]["totals"]["women"]
        for at in (before_upgrade, after_upgrade, now)
    ]
    assert women == [2, 6, 0]
