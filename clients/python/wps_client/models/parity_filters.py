from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParityFilters")


@_attrs_define
class ParityFilters:
    """
    Attributes:
        fiscal_year (int):
        partner (None | str):
    """

    fiscal_year: int
    partner: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        partner: None | str
        partner = self.partner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "partner": partner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        parity_filters = cls(
            fiscal_year=fiscal_year,
            partner=partner,
        )

        parity_filters.additional_properties = d
        return parity_filters

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
