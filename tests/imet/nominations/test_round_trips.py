"""A nomination POST's statements on PostgreSQL, counted at the driver: the key's reservation,
the insert, and one statement at commit that also keeps the Idempotency-Key's reply."""

from __future__ import annotations

import pytest

from bench.run import NOMINATION, round_trips
from tests.conftest import Keys


async def test_a_nomination_post_makes_five_round_trips(
    backend: str, database_url: str, keys: Keys
) -> None:
    if backend == "sqlite":
        pytest.skip("round trips to a server are PostgreSQL's")
    sent = await round_trips(database_url, "/api/v1/nominations", NOMINATION, keys.headers("admin"))

    # In autocommit, before BEGIN; its commit waits for no flush (the request's own does).
    assert sent[0] == "INSERT INTO idempotency_keys (commit not waiting for the disk)"
    assert sent[1:3] == ["BEGIN", "INSERT INTO nominations"]
    # The commit step's one statement: the reply, the audit row, the change's number and reader.
    written = "idempotency_keys, audit_events, change_counter, changes, change_partners"
    assert sent[3] == f"WITH … {written}"
    assert sent[4:] == ["COMMIT"]
    assert sent.inside == ["INSERT INTO nominations_history"]  # the history trigger's one
