from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.completions_filters_group_by import CompletionsFiltersGroupBy

T = TypeVar("T", bound="CompletionsFilters")


@_attrs_define
class CompletionsFilters:
    """
    Attributes:
        from_fy (int | None):
        group_by (CompletionsFiltersGroupBy):
        partner (None | str):
        to_fy (int | None):
    """

    from_fy: int | None
    group_by: CompletionsFiltersGroupBy
    partner: None | str
    to_fy: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_fy: int | None
        from_fy = self.from_fy

        group_by = self.group_by.value

        partner: None | str
        partner = self.partner

        to_fy: int | None
        to_fy = self.to_fy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_fy": from_fy,
                "group_by": group_by,
                "partner": partner,
                "to_fy": to_fy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_fy = _parse_from_fy(d.pop("from_fy"))

        group_by = CompletionsFiltersGroupBy(d.pop("group_by"))

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        def _parse_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_fy = _parse_to_fy(d.pop("to_fy"))

        completions_filters = cls(
            from_fy=from_fy,
            group_by=group_by,
            partner=partner,
            to_fy=to_fy,
        )

        completions_filters.additional_properties = d
        return completions_filters

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
