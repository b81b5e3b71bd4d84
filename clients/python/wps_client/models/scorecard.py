from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scorecard_filters import ScorecardFilters
    from ..models.scorecard_outcome import ScorecardOutcome


T = TypeVar("T", bound="Scorecard")


@_attrs_define
class Scorecard:
    """
    Attributes:
        filters (ScorecardFilters):
        method (str):
        outcomes (list[ScorecardOutcome]):
    """

    filters: ScorecardFilters
    method: str
    outcomes: list[ScorecardOutcome]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

        method = self.method

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filters": filters,
                "method": method,
                "outcomes": outcomes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_filters import ScorecardFilters  # noqa: PLC0415
        from ..models.scorecard_outcome import ScorecardOutcome  # noqa: PLC0415

        d = dict(src_dict)
        filters = ScorecardFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in _outcomes:
            outcomes_item = ScorecardOutcome.from_dict(outcomes_item_data)

            outcomes.append(outcomes_item)

        scorecard = cls(
            filters=filters,
            method=method,
            outcomes=outcomes,
        )

        scorecard.additional_properties = d
        return scorecard

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
