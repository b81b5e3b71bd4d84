"""The review workflow over HTTP: every gate, vetting, withdrawal, and concurrent changes."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Keys
from tests.imet.nominations.helpers import (
    NOMINATIONS,
    PATH,
    TODAY,
    advance,
    body,
    move,
    nominate,
    set_vetting,
    stored,
    vetting,
)


def unmet(response: httpx.Response) -> list[str]:
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [u["condition"] for u in response.json()["unmet"]]


async def status_of(client: httpx.AsyncClient, keys: Keys, nomination_id: int) -> str:
    response = await client.get(f"{NOMINATIONS}/{nomination_id}", headers=keys.headers("admin"))
    return str(response.json()["status"])


async def test_the_main_path_to_completed(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys)
    assert (await set_vetting(client, keys, created["id"])).status_code == 200
    etags = set()
    for status in PATH:
        response = await move(client, keys, created["id"], status)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == status
        etags.add(response.headers["etag"])
    assert len(etags) == len(PATH)
    assert unmet(await move(client, keys, created["id"], "withdrawn")) == ["transition_allowed"]
    history = await client.get(
        f"{NOMINATIONS}/{created['id']}/history", headers=keys.headers("embassy")
    )
    moves = [
        (e["details"]["from"], e["details"]["to"])
        for e in reversed(history.json()["items"])
        if e["action"] == "transition"
    ]
    assert moves == list(zip(["submitted", *PATH[:-1]], PATH, strict=True))


async def test_steps_cannot_be_skipped(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys)
    assert (await set_vetting(client, keys, created["id"])).status_code == 200
    for target in ("approved", "ito_issued", "in_training", "completed", "submitted"):
        assert unmet(await move(client, keys, created["id"], target)) == ["transition_allowed"]
    assert await status_of(client, keys, created["id"]) == "submitted"
    bad = await move(client, keys, created["id"], "finished")
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["pointer"] == "/to"


async def test_approval_needs_approved_vetting(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys)
    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    refused = await move(client, keys, created["id"], "approved")
    assert unmet(refused) == ["vetting_approved"]
    assert "pending" in refused.json()["detail"]
    for status in ("suspended", "denied"):
        assert (await set_vetting(client, keys, created["id"], status=status)).status_code == 200
        assert unmet(await move(client, keys, created["id"], "approved")) == ["vetting_approved"]
    assert await status_of(client, keys, created["id"]) == "under_review"
    assert (await set_vetting(client, keys, created["id"])).status_code == 200
    assert (await move(client, keys, created["id"], "approved")).status_code == 200


async def test_expired_vetting_blocks_approval_and_the_ito(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await nominate(client, keys)
    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    lapsed = vetting(
        decided_at=(TODAY - timedelta(days=400)).isoformat(), expires_at=TODAY.isoformat()
    )
    put = await client.put(
        f"{NOMINATIONS}/{created['id']}/vetting", json=lapsed, headers=keys.headers("admin")
    )
    assert put.status_code == 200, put.text
    refused = await move(client, keys, created["id"], "approved")
    assert unmet(refused) == ["vetting_unexpired"]
    assert f"expired on {TODAY.isoformat()}" in refused.json()["detail"]

    assert (await set_vetting(client, keys, created["id"])).status_code == 200
    assert (await move(client, keys, created["id"], "approved")).status_code == 200
    # Vetting suspended after approval: the ITO cannot be issued.
    assert (await set_vetting(client, keys, created["id"], status="suspended")).status_code == 200
    assert unmet(await move(client, keys, created["id"], "ito_issued")) == ["vetting_approved"]
    assert await status_of(client, keys, created["id"]) == "approved"


@pytest.mark.parametrize(
    ("ecl", "allowed"),
    [
        ({"ecl_score": 80}, True),
        ({"ecl_score": 79}, False),
        ({"ecl_score": None}, False),
        ({"ecl_score": None, "ecl_exempt": True}, True),
        ({"ecl_score": 40, "ecl_exempt": True}, True),
    ],
)
async def test_approval_needs_the_course_minimum_ecl_or_an_exemption(
    client: httpx.AsyncClient, keys: Keys, ecl: dict[str, Any], allowed: bool
) -> None:
    created = await nominate(client, keys, **ecl)
    await set_vetting(client, keys, created["id"])
    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    response = await move(client, keys, created["id"], "approved")
    if allowed:
        assert response.status_code == 200, response.text
    else:
        assert unmet(response) == ["ecl_meets_minimum"]
        assert await status_of(client, keys, created["id"]) == "under_review"


async def test_every_unmet_condition_is_named(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys, ecl_score=50)
    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    refused = await move(client, keys, created["id"], "approved")
    assert unmet(refused) == ["vetting_approved", "ecl_meets_minimum"]
    assert "ECL 50 is below the course minimum of 80" in refused.json()["detail"]


@pytest.mark.parametrize("before", ["submitted", "under_review", "approved"])
async def test_embassy_withdraws_before_the_ito(
    client: httpx.AsyncClient, keys: Keys, before: str
) -> None:
    created = await nominate(client, keys)
    if before != "submitted":
        await advance(client, keys, created["id"], before)
    response = await move(client, keys, created["id"], "withdrawn", role="embassy", reason="ill")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "withdrawn"
    assert unmet(await move(client, keys, created["id"], "under_review")) == ["transition_allowed"]


@pytest.mark.parametrize("after", ["ito_issued", "in_training", "completed"])
async def test_withdrawal_after_the_ito_is_refused(
    client: httpx.AsyncClient, keys: Keys, after: str
) -> None:
    created = await nominate(client, keys)
    await advance(client, keys, created["id"], after)
    for role in ("embassy", "admin"):
        refused = await move(client, keys, created["id"], "withdrawn", role=role)
        assert unmet(refused) == ["transition_allowed"]
        assert refused.json()["detail"] == (
            "a nomination can be withdrawn only before its ITO is issued"
            if after != "completed"
            else "a completed nomination cannot move to withdrawn"
        )
    assert await status_of(client, keys, created["id"]) == after


async def test_only_reviewers_review_and_reject(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await nominate(client, keys)
    before = await stored(session)
    for target in ("under_review", "approved", "rejected", "completed"):
        response = await move(client, keys, created["id"], target, role="embassy")
        assert response.status_code == 403, target
    assert await stored(session) == before
    rejected = await move(client, keys, created["id"], "rejected", reason="not qualified")
    assert rejected.status_code == 200
    assert unmet(await move(client, keys, created["id"], "withdrawn", role="embassy")) == [
        "transition_allowed"
    ]


async def test_vetting_is_recorded_by_admins_and_must_hang_together(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}/vetting"
    before = await stored(session)
    own = await client.put(url, json=vetting(), headers=keys.headers("embassy"))
    assert own.status_code == 403
    for bad, pointers in [
        ({"status": "approved"}, ["/decided_at", "/expires_at"]),
        (vetting(expires_at=(TODAY - timedelta(days=20)).isoformat()), ["/expires_at"]),
        ({"status": "pending", "decided_at": TODAY.isoformat()}, ["/decided_at"]),
        ({**vetting(), "status": "cleared"}, ["/status"]),
        ({**vetting(), "case_ref": "IN\x00VEST"}, ["/case_ref"]),
        ({**vetting(), "note": "x"}, ["/note"]),
    ]:
        response = await client.put(url, json=bad, headers=keys.headers("admin"))
        assert response.status_code == 422, bad
        assert [e["pointer"] for e in response.json()["errors"]] == pointers
    assert await stored(session) == before

    put = await client.put(
        url,
        json={
            "status": "approved",
            "case_ref": "INVEST-2026-1234",
            "decided_at": "2026-01-15",
            "expires_at": "2027-01-15",
        },
        headers=keys.headers("admin", **{"If-Match": '"1"'}),
    )
    assert put.status_code == 200, put.text
    assert put.json()["vetting"] == {
        "status": "approved",
        "case_ref": "INVEST-2026-1234",
        "decided_at": "2026-01-15",
        "expires_at": "2027-01-15",
    }
    assert put.headers["etag"] == '"2"'
    stale = await client.put(
        url, json=vetting(status="denied"), headers=keys.headers("admin", **{"If-Match": '"1"'})
    )
    assert stale.status_code == 412
    listed = await client.get(
        NOMINATIONS, params={"vetting_status": "approved"}, headers=keys.headers("embassy")
    )
    assert [n["id"] for n in listed.json()["items"]] == [created["id"]]


async def test_transitions_honour_if_match(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys)
    await set_vetting(client, keys, created["id"])  # version 2
    stale = await client.post(
        f"{NOMINATIONS}/{created['id']}/transitions",
        json={"to": "under_review"},
        headers=keys.headers("admin", **{"If-Match": '"1"'}),
    )
    assert stale.status_code == 412
    assert await status_of(client, keys, created["id"]) == "submitted"


async def test_concurrent_updates_with_one_etag_one_wins(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}"
    headers = keys.headers("embassy", **{"If-Match": '"1"'})
    first, second = await asyncio.gather(
        client.patch(url, json={"nominee": {"rank": "Colonel"}}, headers=headers),
        client.patch(url, json={"nominee": {"rank": "Captain"}}, headers=headers),
    )
    assert sorted([first.status_code, second.status_code]) == [200, 412]
    winner = first if first.status_code == 200 else second
    (row,) = await stored(session)
    assert row["rank"] == winner.json()["nominee"]["rank"]
    assert row["version"] == 2


async def test_concurrent_transitions_move_once(
    client: httpx.AsyncClient, keys: Keys, session: AsyncSession
) -> None:
    created = await nominate(client, keys)
    first, second = await asyncio.gather(
        move(client, keys, created["id"], "under_review"),
        move(client, keys, created["id"], "under_review"),
    )
    codes = sorted([first.status_code, second.status_code])
    assert codes[0] == 200 and codes[1] in (409, 412)
    (row,) = await stored(session)
    assert row["version"] == 2
    events = await client.get(
        f"{NOMINATIONS}/{created['id']}/history", headers=keys.headers("admin")
    )
    assert [e["action"] for e in events.json()["items"]] == ["transition", "create"]


async def test_admin_may_withdraw_for_the_embassy(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await nominate(client, keys, role="admin", partner="KEN", **{"ecl_exempt": True})
    response = await move(client, keys, created["id"], "withdrawn")
    assert response.status_code == 200
    again = await client.post(NOMINATIONS, json=body(partner="KEN"), headers=keys.headers("admin"))
    assert again.status_code == 400


async def test_a_retried_transition_replays_instead_of_conflicting(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}/transitions"
    headers = keys.headers("embassy", **{"Idempotency-Key": "withdraw-1"})
    first = await client.post(url, json={"to": "withdrawn", "reason": "ill"}, headers=headers)
    assert first.status_code == 200
    retry = await client.post(url, json={"to": "withdrawn", "reason": "ill"}, headers=headers)
    assert retry.status_code == 200
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()
    without_key = await move(client, keys, created["id"], "withdrawn", role="embassy", reason="ill")
    assert unmet(without_key) == ["transition_allowed"]


async def test_reasons_stay_out_of_the_audit_trail_and_admins_read_and_purge_them(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await nominate(client, keys)
    url = f"{NOMINATIONS}/{created['id']}"
    reason = "Nominee Amina Otieno is on medical leave"
    assert (await move(client, keys, created["id"], "under_review")).status_code == 200
    moved = await move(client, keys, created["id"], "withdrawn", role="embassy", reason=reason)
    assert moved.status_code == 200, moved.text

    # Neither the embassy's history nor the admin's audit trail holds the text.
    history = await client.get(f"{url}/history", headers=keys.headers("embassy"))
    assert history.status_code == 200
    assert reason not in history.text and "medical" not in history.text
    audit = await client.get("/api/v1/audit-events?limit=500", headers=keys.headers("admin"))
    assert audit.status_code == 200
    assert "medical" not in audit.text
    transitions = [e for e in history.json()["items"] if e["action"] == "transition"]
    assert transitions[0]["details"] == {"from": "under_review", "to": "withdrawn"}

    # An admin reads it with the nomination; nobody else may.
    reasons = await client.get(f"{url}/transition-reasons", headers=keys.headers("admin"))
    assert reasons.status_code == 200, reasons.text
    items = reasons.json()["items"]
    assert [(r["from_status"], r["to_status"], r["reason"]) for r in items] == [
        ("under_review", "withdrawn", reason)
    ]
    assert items[0]["actor_key_id"] and items[0]["given_at"]
    embassy = await client.get(f"{url}/transition-reasons", headers=keys.headers("embassy"))
    assert embassy.status_code == 403

    # Purged by an admin (If-Match: the nomination's ETag), the text is gone for good.
    etag = (await client.get(url, headers=keys.headers("admin"))).headers["etag"]
    no_match = await client.delete(f"{url}/transition-reasons", headers=keys.headers("admin"))
    assert no_match.status_code == 428
    purged = await client.delete(
        f"{url}/transition-reasons", headers=keys.headers("admin", **{"If-Match": etag})
    )
    assert purged.status_code == 204, purged.text
    after = await client.get(f"{url}/transition-reasons", headers=keys.headers("admin"))
    assert after.json()["items"] == []
    history = await client.get(f"{url}/history", headers=keys.headers("admin"))
    assert history.json()["items"][0]["action"] == "purge"
    assert history.json()["items"][0]["changed_fields"] == ["transition_reasons"]
