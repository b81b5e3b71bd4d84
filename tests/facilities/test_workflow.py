"""The upgrade status machine and its completion-date rule, without HTTP."""

from __future__ import annotations

from datetime import date

import pytest

from app.facilities.schemas import UpgradeStatus as S
from app.facilities.workflow import completion_problem, refused_move

ALLOWED = {
    (S.planned, S.in_progress),
    (S.planned, S.cancelled),
    (S.in_progress, S.completed),
    (S.in_progress, S.cancelled),
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("wanted", list(S))
def test_only_the_workflow_moves_are_allowed(current: S, wanted: S) -> None:
    refused = refused_move(current, wanted)
    if current == wanted or (current, wanted) in ALLOWED:
        assert refused is None
    else:
        assert refused is not None and f"from {current} to {wanted}" in refused


def test_completed_and_only_completed_has_a_date() -> None:
    day = date(2022, 1, 1)
    assert completion_problem(S.completed, None) == "required when status is completed"
    assert completion_problem(S.completed, day) is None
    for status in (S.planned, S.in_progress, S.cancelled):
        assert completion_problem(status, None) is None
        assert completion_problem(status, day) is not None
