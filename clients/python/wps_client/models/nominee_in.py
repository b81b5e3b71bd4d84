from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.service import Service
from ..models.sex import Sex

T = TypeVar("T", bound="NomineeIn")


@_attrs_define
class NomineeIn:
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

    def to_dict(self) -> dict[str, Any]:
        family_name = self.family_name

        given_name = self.given_name

        position = self.position

        rank = self.rank

        service = self.service.value

        sex = self.sex.value

        field_dict: dict[str, Any] = {}

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

        nominee_in = cls(
            family_name=family_name,
            given_name=given_name,
            position=position,
            rank=rank,
            service=service,
            sex=sex,
        )

        return nominee_in
