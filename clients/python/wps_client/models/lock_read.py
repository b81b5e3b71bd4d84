from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LockRead")


@_attrs_define
class LockRead:
    """
    Attributes:
        fiscal_year (int):
        indicator (str):
        locked_at (datetime.datetime):
    """

    fiscal_year: int
    indicator: str
    locked_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        indicator = self.indicator

        locked_at = self.locked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "indicator": indicator,
                "locked_at": locked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        indicator = d.pop("indicator")

        locked_at = datetime.datetime.fromisoformat(d.pop("locked_at"))

        lock_read = cls(
            fiscal_year=fiscal_year,
            indicator=indicator,
            locked_at=locked_at,
        )

        lock_read.additional_properties = d
        return lock_read

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
