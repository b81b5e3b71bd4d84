"""An integration script on the typed client (clients/python/, `pip install ./clients/python`).

It does what an embassy system and a program office's script do every day:
  1. the program office records a training (an admin or integration key);
  2. the embassy posts a nomination with an Idempotency-Key, and posts it again as a retry
     over a bad network would: the service answers the same nomination, not a second one;
  3. the program office moves the nomination to `under_review`;
  4. the embassy follows its nomination through the change feed (long-poll), from the
     position it stood at before posting, until it sees the status change (`transition`).

    WPS_URL=http://127.0.0.1:8000 WPS_KEY=... WPS_EMBASSY_KEY=... python examples/integration.py

It prints one JSON line per step and exits non-zero if the service answers anything else.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
import uuid
from typing import Any, TypeVar

from wps_client import AuthenticatedClient
from wps_client.api.changes import changes_list
from wps_client.api.nominations import nominations_create, nominations_transition
from wps_client.api.trainings import trainings_create
from wps_client.models import (
    ChangeFeed,
    CourseIn,
    Kind,
    NominationCreate,
    NominationRead,
    NominationStatus,
    NomineeIn,
    ParticipantIn,
    Problem,
    Service,
    Sex,
    Topic,
    TrainingCreate,
    TrainingRead,
    TransitionRequest,
)
from wps_client.types import Response

T = TypeVar("T")


def step(name: str, **facts: Any) -> None:
    print(json.dumps({"step": name, **facts}, default=str), flush=True)


def expect(response: Response[T | Problem], status: int, kind: type[T]) -> T:
    """The parsed body when the service answered `status`; otherwise stop with its problem."""
    if response.status_code != status or not isinstance(response.parsed, kind):
        sys.exit(f"expected {status}, got {response.status_code}: {response.content!r}")
    return response.parsed


def main() -> None:
    url = os.environ.get("WPS_URL", "http://127.0.0.1:8000")
    office = AuthenticatedClient(base_url=url, token=os.environ["WPS_KEY"])
    embassy = AuthenticatedClient(base_url=url, token=os.environ["WPS_EMBASSY_KEY"])
    run = uuid.uuid4().hex[:8]

    # 1. A training with its participants counted by sex.
    training = expect(
        trainings_create.sync_detailed(
            client=office,
            idempotency_key=f"example-training-{run}",
            body=TrainingCreate(
                program="GPOI",
                title="UN Staff Officer Course",
                kind=Kind.COURSE,
                topics=[Topic.PEACEKEEPING, Topic.GENDER_INTEGRATION],
                start_date=datetime.date(2025, 10, 6),
                end_date=datetime.date(2025, 10, 17),
                host_country="GHA",
                external_ref=f"EXAMPLE-{run}",
                participants=[ParticipantIn(partner="GHA", women=6, men=18)],
            ),
        ),
        201,
        TrainingRead,
    )
    step("training created", id=training.id, fiscal_year=training.fiscal_year)

    # Where the embassy's feed stands before it posts: it resumes from here.
    cursor = expect(changes_list.sync_detailed(client=embassy, wait=0), 200, ChangeFeed).next_cursor

    # 2. The nomination, posted twice with one Idempotency-Key: one nominee.
    body = NominationCreate(
        fiscal_year=2027,
        external_ref=f"EX-{run}",
        nominee=NomineeIn(
            given_name="Amina",
            family_name="Odhiambo",
            sex=Sex.FEMALE,
            rank="Major",
            service=Service.ARMY,
            position="Peace support operations planner",
        ),
        course=CourseIn(
            masl_id="D177011",
            title="International Officer School",
            institution="Air University",
            min_ecl=80,
        ),
        ecl_score=85,
        ecl_exempt=False,
    )
    key = f"example-nomination-{run}"
    first = expect(
        nominations_create.sync_detailed(client=embassy, body=body, idempotency_key=key),
        201,
        NominationRead,
    )
    retry = expect(
        nominations_create.sync_detailed(client=embassy, body=body, idempotency_key=key),
        201,
        NominationRead,
    )
    if retry.id != first.id:
        sys.exit(f"the retry created a second nomination: {first.id} and {retry.id}")
    step("nomination posted", id=first.id, status=first.status, retry_replayed=True)

    # 3. The program office takes it up.
    reviewed = expect(
        nominations_transition.sync_detailed(
            first.id,
            client=office,
            body=TransitionRequest(to=NominationStatus.UNDER_REVIEW, reason="complete file"),
        ),
        200,
        NominationRead,
    )
    step("nomination moved", id=reviewed.id, status=reviewed.status)

    # 4. The embassy follows it through the feed (long-poll), from where it stood.
    seen: list[str] = []
    for _ in range(10):
        page = expect(
            changes_list.sync_detailed(client=embassy, after=cursor, types="nomination", wait=5),
            200,
            ChangeFeed,
        )
        seen += [change.action for change in page.items if change.id == str(first.id)]
        cursor = page.next_cursor
        if "transition" in seen:
            break
    step("feed followed", id=first.id, actions=seen, next_cursor=cursor)
    if "transition" not in seen:
        sys.exit("the feed never showed the status change")


if __name__ == "__main__":
    main()
