from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrainingCenterCreate")


@_attrs_define
class TrainingCenterCreate:
    """
    Attributes:
        code (str): Letters, digits and '-', up to 40; any case, stored upper case
        name (str):
        partner (str): Alpha-3 or alpha-2
        location (None | str | Unset): Default: `null`.
    """

    code: str
    name: str
    partner: str
    location: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        partner = self.partner

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "partner": partner,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        partner = d.pop("partner")

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        training_center_create = cls(
            code=code,
            name=name,
            partner=partner,
            location=location,
        )

        return training_center_create
