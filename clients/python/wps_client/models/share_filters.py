from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShareFilters")


@_attrs_define
class ShareFilters:
    """
    Attributes:
        as_of (datetime.date):
        by_personnel_type (bool):
        program (str):
    """

    as_of: datetime.date
    by_personnel_type: bool
    program: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        by_personnel_type = self.by_personnel_type

        program = self.program

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "by_personnel_type": by_personnel_type,
                "program": program,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        by_personnel_type = d.pop("by_personnel_type")

        program = d.pop("program")

        share_filters = cls(
            as_of=as_of,
            by_personnel_type=by_personnel_type,
            program=program,
        )

        share_filters.additional_properties = d
        return share_filters

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
