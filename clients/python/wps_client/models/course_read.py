from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CourseRead")


@_attrs_define
class CourseRead:
    """
    Attributes:
        institution (str):
        masl_id (str):
        min_ecl (int | None):
        title (str):
    """

    institution: str
    masl_id: str
    min_ecl: int | None
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution = self.institution

        masl_id = self.masl_id

        min_ecl: int | None
        min_ecl = self.min_ecl

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution": institution,
                "masl_id": masl_id,
                "min_ecl": min_ecl,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution = d.pop("institution")

        masl_id = d.pop("masl_id")

        def _parse_min_ecl(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_ecl = _parse_min_ecl(d.pop("min_ecl"))

        title = d.pop("title")

        course_read = cls(
            institution=institution,
            masl_id=masl_id,
            min_ecl=min_ecl,
            title=title,
        )

        course_read.additional_properties = d
        return course_read

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
