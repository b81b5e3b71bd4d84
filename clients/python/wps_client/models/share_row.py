from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShareRow")


@_attrs_define
class ShareRow:
    """
    Attributes:
        all_countries (int):
        all_women (int):
        countries_share_pct (float | None):
        partner_countries (int):
        partner_women (int):
        personnel_type (str):
        women_share_pct (float | None):
    """

    all_countries: int
    all_women: int
    countries_share_pct: float | None
    partner_countries: int
    partner_women: int
    personnel_type: str
    women_share_pct: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        all_countries = self.all_countries

        all_women = self.all_women

        countries_share_pct: float | None
        countries_share_pct = self.countries_share_pct

        partner_countries = self.partner_countries

        partner_women = self.partner_women

        personnel_type = self.personnel_type

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "all_countries": all_countries,
                "all_women": all_women,
                "countries_share_pct": countries_share_pct,
                "partner_countries": partner_countries,
                "partner_women": partner_women,
                "personnel_type": personnel_type,
                "women_share_pct": women_share_pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        all_countries = d.pop("all_countries")

        all_women = d.pop("all_women")

        def _parse_countries_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        countries_share_pct = _parse_countries_share_pct(d.pop("countries_share_pct"))

        partner_countries = d.pop("partner_countries")

        partner_women = d.pop("partner_women")

        personnel_type = d.pop("personnel_type")

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

        share_row = cls(
            all_countries=all_countries,
            all_women=all_women,
            countries_share_pct=countries_share_pct,
            partner_countries=partner_countries,
            partner_women=partner_women,
            personnel_type=personnel_type,
            women_share_pct=women_share_pct,
        )

        share_row.additional_properties = d
        return share_row

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
