from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgramCreate")


@_attrs_define
class ProgramCreate:
    """
    Attributes:
        code (str):
        name (str):
        description (str | Unset): Default: `""`.
        outcomes (list[int] | Unset): Default: `[]`.
    """

    code: str
    name: str
    description: str | Unset = UNSET
    outcomes: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        description = self.description

        outcomes: list[int] | Unset = UNSET
        if not isinstance(self.outcomes, Unset):
            outcomes = self.outcomes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if outcomes is not UNSET:
            field_dict["outcomes"] = outcomes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        outcomes = cast(list[int], d.pop("outcomes", UNSET))

        program_create = cls(
            code=code,
            name=name,
            description=description,
            outcomes=outcomes,
        )

        return program_create
