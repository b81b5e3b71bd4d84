from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SnapshotInput")


@_attrs_define
class SnapshotInput:
    """
    Attributes:
        id (int):
        reporting_date (datetime.date):
        sha256 (str):
    """

    id: int
    reporting_date: datetime.date
    sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reporting_date = self.reporting_date.isoformat()

        sha256 = self.sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reporting_date": reporting_date,
                "sha256": sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        reporting_date = datetime.date.fromisoformat(d.pop("reporting_date"))

        sha256 = d.pop("sha256")

        snapshot_input = cls(
            id=id,
            reporting_date=reporting_date,
            sha256=sha256,
        )

        snapshot_input.additional_properties = d
        return snapshot_input

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
