from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgramUpdate")


@_attrs_define
class ProgramUpdate:
    """
    Attributes:
        description (None | str | Unset): Default: `null`.
        name (None | str | Unset): Default: `null`.
        outcomes (list[int] | None | Unset): Default: `null`.
    """

    description: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    outcomes: list[int] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        outcomes: list[int] | None | Unset
        if isinstance(self.outcomes, Unset):
            outcomes = UNSET
        elif isinstance(self.outcomes, list):
            outcomes = self.outcomes

        else:
            outcomes = self.outcomes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if outcomes is not UNSET:
            field_dict["outcomes"] = outcomes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_outcomes(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outcomes_type_0 = cast(list[int], data)

                return outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        outcomes = _parse_outcomes(d.pop("outcomes", UNSET))

        program_update = cls(
            description=description,
            name=name,
            outcomes=outcomes,
        )

        return program_update
