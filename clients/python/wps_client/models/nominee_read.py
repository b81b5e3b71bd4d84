from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service import Service
from ..models.sex import Sex

T = TypeVar("T", bound="NomineeRead")


@_attrs_define
class NomineeRead:
    """
    Attributes:
        family_name (str):
        given_name (str):
        position (str):
        rank (str):
        service (Service):
        sex (Sex):
    """

    family_name: str
    given_name: str
    position: str
    rank: str
    service: Service
    sex: Sex
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        family_name = self.family_name

        given_name = self.given_name

        position = self.position

        rank = self.rank

        service = self.service.value

        sex = self.sex.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "family_name": family_name,
                "given_name": given_name,
                "position": position,
                "rank": rank,
                "service": service,
                "sex": sex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        position = d.pop("position")

        rank = d.pop("rank")

        service = Service(d.pop("service"))

        sex = Sex(d.pop("sex"))

        nominee_read = cls(
            family_name=family_name,
            given_name=given_name,
            position=position,
            rank=rank,
            service=service,
            sex=sex,
        )

        nominee_read.additional_properties = d
        return nominee_read

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
