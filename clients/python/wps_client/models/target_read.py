from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetRead")


@_attrs_define
class TargetRead:
    """
    Attributes:
        created_at (datetime.datetime):
        fiscal_year (int):
        indicator (str):
        partner (None | str):
        updated_at (datetime.datetime):
        value (str):
    """

    created_at: datetime.datetime
    fiscal_year: int
    indicator: str
    partner: None | str
    updated_at: datetime.datetime
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fiscal_year = self.fiscal_year

        indicator = self.indicator

        partner: None | str
        partner = self.partner

        updated_at = self.updated_at.isoformat()

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "fiscal_year": fiscal_year,
                "indicator": indicator,
                "partner": partner,
                "updated_at": updated_at,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year = d.pop("fiscal_year")

        indicator = d.pop("indicator")

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        value = d.pop("value")

        target_read = cls(
            created_at=created_at,
            fiscal_year=fiscal_year,
            indicator=indicator,
            partner=partner,
            updated_at=updated_at,
            value=value,
        )

        target_read.additional_properties = d
        return target_read

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
