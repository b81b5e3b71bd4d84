from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.implementer_kind import ImplementerKind

T = TypeVar("T", bound="ImplementerRead")


@_attrs_define
class ImplementerRead:
    """
    Attributes:
        code (str):
        country (str): ISO alpha-3
        created_at (datetime.datetime):
        id (int):
        kind (ImplementerKind):
        name (str):
        updated_at (datetime.datetime):
    """

    code: str
    country: str
    created_at: datetime.datetime
    id: int
    kind: ImplementerKind
    name: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        country = self.country

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        name = self.name

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "country": country,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        kind = ImplementerKind(d.pop("kind"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        implementer_read = cls(
            code=code,
            country=country,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            updated_at=updated_at,
        )

        implementer_read.additional_properties = d
        return implementer_read

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
