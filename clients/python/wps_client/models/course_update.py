from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseUpdate")


@_attrs_define
class CourseUpdate:
    """
    Attributes:
        institution (None | str | Unset): Default: `null`.
        masl_id (None | str | Unset): Default: `null`.
        min_ecl (int | None | Unset): Default: `null`.
        title (None | str | Unset): Default: `null`.
    """

    institution: None | str | Unset = UNSET
    masl_id: None | str | Unset = UNSET
    min_ecl: int | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        institution: None | str | Unset
        if isinstance(self.institution, Unset):
            institution = UNSET
        else:
            institution = self.institution

        masl_id: None | str | Unset
        if isinstance(self.masl_id, Unset):
            masl_id = UNSET
        else:
            masl_id = self.masl_id

        min_ecl: int | None | Unset
        if isinstance(self.min_ecl, Unset):
            min_ecl = UNSET
        else:
            min_ecl = self.min_ecl

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if institution is not UNSET:
            field_dict["institution"] = institution
        if masl_id is not UNSET:
            field_dict["masl_id"] = masl_id
        if min_ecl is not UNSET:
            field_dict["min_ecl"] = min_ecl
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_institution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution = _parse_institution(d.pop("institution", UNSET))

        def _parse_masl_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        masl_id = _parse_masl_id(d.pop("masl_id", UNSET))

        def _parse_min_ecl(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_ecl = _parse_min_ecl(d.pop("min_ecl", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        course_update = cls(
            institution=institution,
            masl_id=masl_id,
            min_ecl=min_ecl,
            title=title,
        )

        return course_update
