"""Issue 22: a plain field of trainings is declared in four places besides the migration and
the contract: the model column, `TrainingCreate`, `TrainingRead` and `TRAINING_RECORD`;
`TrainingUpdate` is derived from `TrainingCreate` (app/core/schemas.py `UpdateOf`)."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import Field, ValidationError

from app.core.schemas import Name, UpdateOf
from app.trainings.schemas import TrainingCreate, TrainingUpdate


class WithVenue(TrainingCreate):
    """A throwaway create body with one more plain field, as issue 22's `venue` would add."""

    venue: Name | None = None
    seats: Annotated[int, Field(ge=1, le=500)] = 20


class WithVenueUpdate(UpdateOf, create=WithVenue):
    pass


def test_an_added_field_is_in_the_update_optional_and_nullable_as_created() -> None:
    assert list(WithVenueUpdate.model_fields) == [*TrainingUpdate.model_fields, "venue", "seats"]
    assert WithVenueUpdate.model_validate({}).model_fields_set == set()
    assert WithVenueUpdate.model_validate({"venue": None}).venue is None  # default None: nullable
    assert WithVenueUpdate.model_validate({"seats": 40}).seats == 40
    for body, field in (({"seats": None}, "seats"), ({"seats": 0}, "seats"), ({"x": 1}, "x")):
        with pytest.raises(ValidationError) as refused:
            WithVenueUpdate.model_validate(body)
        assert refused.value.errors()[0]["loc"] == (field,)
    # The create's constraints come along: a name refuses what Name refuses.
    with pytest.raises(ValidationError):
        WithVenueUpdate.model_validate({"venue": "x" * 1000})


def test_the_training_update_is_every_create_field_optional() -> None:
    create, update = TrainingCreate.model_fields, TrainingUpdate.model_fields
    assert list(update) == list(create)
    assert all(not f.is_required() and f.default is None for f in update.values())
    assert TrainingUpdate.nullable == {
        "host_country",
        "location",
        "hours",
        "external_ref",
        "project",
    }
    assert TrainingUpdate.nullable == {n for n, f in create.items() if f.default is None}
    for body in ({"title": None}, {"topics": None}, {"participants": None}, {"delivery": None}):
        with pytest.raises(ValidationError, match="cannot be null"):
            TrainingUpdate.model_validate(body)
    assert TrainingUpdate.model_validate({"topics": ["nio", "eore"]}).topics == ["eore", "nio"]
    with pytest.raises(ValidationError, match="topics must not repeat"):
        TrainingUpdate.model_validate({"topics": ["nio", "nio"]})
