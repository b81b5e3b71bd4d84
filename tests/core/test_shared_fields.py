"""The declarations several records share: the tag-list check, the reference mixins' columns
and the child-row key, each stated once and taken by every record that has one."""

from __future__ import annotations

import pytest
from pydantic import ValidationError, field_validator
from sqlalchemy import Table

from app.core.schemas import InputModel, unique_sorted
from app.facilities.models import FacilityUpgrade, UpgradeFeature
from app.funding.models import Obligation
from app.gdrp.models import PolicyMilestone


class Tagged(InputModel):
    colours: list[str] | None = None

    _check_colours = field_validator("colours")(unique_sorted)


def test_a_tag_list_is_sorted_and_refuses_a_repeat_by_its_field_name() -> None:
    assert Tagged(colours=["red", "blue"]).colours == ["blue", "red"]
    assert Tagged().colours is None
    with pytest.raises(ValidationError, match="colours must not repeat"):
        Tagged(colours=["red", "red"])


def _column(model: type, name: str) -> tuple[bool, bool, list[str]]:
    table = model.__table__
    assert isinstance(table, Table)
    column = table.c[name]
    return (
        bool(column.nullable),
        any(index.columns.keys() == [name] for index in table.indexes),
        sorted(fk.target_fullname for fk in column.foreign_keys),
    )


def test_the_reference_mixins_declare_each_column_as_its_records_had_it() -> None:
    # A program is required and not indexed on its own; a project optional and indexed.
    assert _column(FacilityUpgrade, "program_id") == (False, False, ["programs.id"])
    assert _column(FacilityUpgrade, "project_id") == (True, True, ["projects.id"])
    # A required partner is not indexed on its own; an optional one is.
    assert _column(PolicyMilestone, "partner_id") == (False, False, ["partners.id"])
    assert _column(Obligation, "partner_id") == (True, True, ["partners.id"])


def test_a_child_row_is_keyed_by_its_record_and_deleted_with_it() -> None:
    table = UpgradeFeature.__table__
    assert isinstance(table, Table)
    key = table.c["upgrade_id"]
    assert key.primary_key
    (fk,) = key.foreign_keys
    assert (fk.target_fullname, fk.ondelete) == ("facility_upgrades.id", "CASCADE")
    relation = FacilityUpgrade.feature_rows.property
    assert relation.passive_deletes is True
    assert "delete-orphan" in relation.cascade
