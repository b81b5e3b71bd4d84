"""A training POST's statements on PostgreSQL, counted at the driver: the key's reservation,
the training with its participant and topic rows, and one statement at commit that also adds
to the women-trained rollup and keeps the Idempotency-Key's reply (the history rows are the
database's triggers')."""

from __future__ import annotations

import pytest

from bench.run import TRAINING, round_trips
from tests.conftest import Keys


async def test_a_training_post_makes_five_round_trips(
    backend: str, database_url: str, keys: Keys
) -> None:
    if backend == "sqlite":
        pytest.skip("round trips to a server are PostgreSQL's")
    sent = await round_trips(database_url, "/api/v1/trainings", TRAINING, keys.headers("admin"))

    # In autocommit, before BEGIN; its commit waits for no flush (the request's own does).
    assert sent[0] == "INSERT INTO idempotency_keys (commit not waiting for the disk)"
    # The training, its codes resolved and its ref checked, with its participants and topics.
    assert sent[1:3] == ["BEGIN", "WITH … trainings, training_participants, training_topics"]
    # The commit step's one statement: the reply, the rollup, the audit row, the change.
    written = (
        "idempotency_keys, women_trained_rollup, audit_events, change_counter, changes,"
        " change_partners"
    )
    assert sent[3] == f"WITH … {written}"
    assert sent[4:] == ["COMMIT"]
    # Inside them, the history triggers: a version of each row written; the rollup's upsert
    # closes its groups' open versions and adds the new ones.
    assert sent.inside == [
        "INSERT INTO trainings_history",
        "INSERT INTO training_participants_history",
        "INSERT INTO training_topics_history",
        "INSERT INTO women_trained_rollup_history",
        "UPDATE women_trained_rollup_history",
        "INSERT INTO women_trained_rollup_history",
    ]
