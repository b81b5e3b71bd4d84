from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpgradesTotals")


@_attrs_define
class UpgradesTotals:
    """
    Attributes:
        completed (int):
        cost_usd (str):
        women_beds_added (int):
    """

    completed: int
    cost_usd: str
    women_beds_added: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        cost_usd = self.cost_usd

        women_beds_added = self.women_beds_added

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed": completed,
                "cost_usd": cost_usd,
                "women_beds_added": women_beds_added,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed = d.pop("completed")

        cost_usd = d.pop("cost_usd")

        women_beds_added = d.pop("women_beds_added")

        upgrades_totals = cls(
            completed=completed,
            cost_usd=cost_usd,
            women_beds_added=women_beds_added,
        )

        upgrades_totals.additional_properties = d
        return upgrades_totals

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
