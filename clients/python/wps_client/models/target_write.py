from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetWrite")


@_attrs_define
class TargetWrite:
    """
    Attributes:
        value (float | str):
        partner (None | str | Unset): Default: `null`.
    """

    value: float | str
    partner: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value: float | str
        value = self.value

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if partner is not UNSET:
            field_dict["partner"] = partner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_value(data: object) -> float | str:
            return cast(float | str, data)

        value = _parse_value(d.pop("value"))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        target_write = cls(
            value=value,
            partner=partner,
        )

        return target_write
