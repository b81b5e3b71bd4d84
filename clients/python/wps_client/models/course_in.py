from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseIn")


@_attrs_define
class CourseIn:
    """
    Attributes:
        institution (str):
        masl_id (str):
        title (str):
        min_ecl (int | None | Unset): Default: `null`.
    """

    institution: str
    masl_id: str
    title: str
    min_ecl: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        institution = self.institution

        masl_id = self.masl_id

        title = self.title

        min_ecl: int | None | Unset
        if isinstance(self.min_ecl, Unset):
            min_ecl = UNSET
        else:
            min_ecl = self.min_ecl

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "institution": institution,
                "masl_id": masl_id,
                "title": title,
            }
        )
        if min_ecl is not UNSET:
            field_dict["min_ecl"] = min_ecl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution = d.pop("institution")

        masl_id = d.pop("masl_id")

        title = d.pop("title")

        def _parse_min_ecl(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_ecl = _parse_min_ecl(d.pop("min_ecl", UNSET))

        course_in = cls(
            institution=institution,
            masl_id=masl_id,
            title=title,
            min_ecl=min_ecl,
        )

        return course_in
