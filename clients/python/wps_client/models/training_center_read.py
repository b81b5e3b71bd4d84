from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrainingCenterRead")


@_attrs_define
class TrainingCenterRead:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        id (int):
        location (None | str):
        name (str):
        partner (str): ISO alpha-3
        updated_at (datetime.datetime):
    """

    code: str
    created_at: datetime.datetime
    id: int
    location: None | str
    name: str
    partner: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = self.id

        location: None | str
        location = self.location

        name = self.name

        partner = self.partner

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "location": location,
                "name": name,
                "partner": partner,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        name = d.pop("name")

        partner = d.pop("partner")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        training_center_read = cls(
            code=code,
            created_at=created_at,
            id=id,
            location=location,
            name=name,
            partner=partner,
            updated_at=updated_at,
        )

        training_center_read.additional_properties = d
        return training_center_read

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
