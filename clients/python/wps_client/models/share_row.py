from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShareRow")


@_attrs_define
class ShareRow:
    """
    Attributes:
        all_countries (int):
        all_women (int | None):
        countries_share_pct (float | None):
        partner_countries (int):
        partner_women (int | None):
        personnel_type (str):
        women_share_pct (float | None):
        suppressed (list[str] | None | Unset):
    """

    all_countries: int
    all_women: int | None
    countries_share_pct: float | None
    partner_countries: int
    partner_women: int | None
    personnel_type: str
    women_share_pct: float | None
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        all_countries = self.all_countries

        all_women: int | None
        all_women = self.all_women

        countries_share_pct: float | None
        countries_share_pct = self.countries_share_pct

        partner_countries = self.partner_countries

        partner_women: int | None
        partner_women = self.partner_women

        personnel_type = self.personnel_type

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

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
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        all_countries = d.pop("all_countries")

        def _parse_all_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        all_women = _parse_all_women(d.pop("all_women"))

        def _parse_countries_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        countries_share_pct = _parse_countries_share_pct(d.pop("countries_share_pct"))

        partner_countries = d.pop("partner_countries")

        def _parse_partner_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partner_women = _parse_partner_women(d.pop("partner_women"))

        personnel_type = d.pop("personnel_type")

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

        def _parse_suppressed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suppressed_type_0 = cast(list[str], data)

                return suppressed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        suppressed = _parse_suppressed(d.pop("suppressed", UNSET))

        share_row = cls(
            all_countries=all_countries,
            all_women=all_women,
            countries_share_pct=countries_share_pct,
            partner_countries=partner_countries,
            partner_women=partner_women,
            personnel_type=personnel_type,
            women_share_pct=women_share_pct,
            suppressed=suppressed,
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
