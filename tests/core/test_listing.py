"""A resource's declaration (`CsvListing`): the URL of one record, from its declared path."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from app.core.csvout import CsvListing
from app.core.records import Field, RecordShape
from app.core.schemas import ReadModel


class ThingRead(ReadModel):
    id: int


SHAPE = RecordShape(Field("id"))


def test_the_url_of_a_record_fills_the_path_with_its_attributes() -> None:
    rosters = CsvListing(ThingRead, SHAPE, "r.csv", path="/api/v1/teams/{team_id}/rosters/{as_of}")
    roster = SimpleNamespace(team_id=7, as_of=date(2024, 10, 1))
    assert rosters.url(roster) == "/api/v1/teams/7/rosters/2024-10-01"


def test_a_listing_without_a_path_has_no_url() -> None:
    with pytest.raises(TypeError, match="ThingRead declares no path"):
        CsvListing(ThingRead, SHAPE, "t.csv").url(SimpleNamespace(id=1))
