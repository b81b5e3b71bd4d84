from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Counterparts")


@_attrs_define
class Counterparts:
    """The partner institution's people the advisers worked with, by sex.

    Attributes:
        men (int | Unset): Default: `0`.
        unreported (int | Unset): Default: `0`.
        women (int | Unset): Default: `0`.
    """

    men: int | Unset = UNSET
    unreported: int | Unset = UNSET
    women: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        men = self.men

        unreported = self.unreported

        women = self.women

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if men is not UNSET:
            field_dict["men"] = men
        if unreported is not UNSET:
            field_dict["unreported"] = unreported
        if women is not UNSET:
            field_dict["women"] = women

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        men = d.pop("men", UNSET)

        unreported = d.pop("unreported", UNSET)

        women = d.pop("women", UNSET)

        counterparts = cls(
            men=men,
            unreported=unreported,
            women=women,
        )

        return counterparts
