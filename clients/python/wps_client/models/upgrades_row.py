from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpgradesRow")


@_attrs_define
class UpgradesRow:
    """One group: only the keys grouped by are present.

    Attributes:
        completed (int):
        cost_usd (str):
        women_beds_added (int):
        feature (None | str | Unset):
        fiscal_year (int | None | Unset):
        partner (None | str | Unset):
    """

    completed: int
    cost_usd: str
    women_beds_added: int
    feature: None | str | Unset = UNSET
    fiscal_year: int | None | Unset = UNSET
    partner: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        cost_usd = self.cost_usd

        women_beds_added = self.women_beds_added

        feature: None | str | Unset
        if isinstance(self.feature, Unset):
            feature = UNSET
        else:
            feature = self.feature

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed": completed,
                "cost_usd": cost_usd,
                "women_beds_added": women_beds_added,
            }
        )
        if feature is not UNSET:
            field_dict["feature"] = feature
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if partner is not UNSET:
            field_dict["partner"] = partner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed = d.pop("completed")

        cost_usd = d.pop("cost_usd")

        women_beds_added = d.pop("women_beds_added")

        def _parse_feature(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feature = _parse_feature(d.pop("feature", UNSET))

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        upgrades_row = cls(
            completed=completed,
            cost_usd=cost_usd,
            women_beds_added=women_beds_added,
            feature=feature,
            fiscal_year=fiscal_year,
            partner=partner,
        )

        upgrades_row.additional_properties = d
        return upgrades_row

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
