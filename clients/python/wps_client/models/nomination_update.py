from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.course_update import CourseUpdate
    from ..models.nominee_update import NomineeUpdate


T = TypeVar("T", bound="NominationUpdate")


@_attrs_define
class NominationUpdate:
    """Nominee, course and ECL, while the nomination is still `submitted`.

    Attributes:
        course (CourseUpdate | None | Unset): Default: `null`.
        ecl_exempt (bool | None | Unset): Default: `null`.
        ecl_score (int | None | Unset): Default: `null`.
        nominee (NomineeUpdate | None | Unset): Default: `null`.
    """

    course: CourseUpdate | None | Unset = UNSET
    ecl_exempt: bool | None | Unset = UNSET
    ecl_score: int | None | Unset = UNSET
    nominee: NomineeUpdate | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.course_update import CourseUpdate  # noqa: PLC0415
        from ..models.nominee_update import NomineeUpdate  # noqa: PLC0415

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, CourseUpdate):
            course = self.course.to_dict()
        else:
            course = self.course

        ecl_exempt: bool | None | Unset
        if isinstance(self.ecl_exempt, Unset):
            ecl_exempt = UNSET
        else:
            ecl_exempt = self.ecl_exempt

        ecl_score: int | None | Unset
        if isinstance(self.ecl_score, Unset):
            ecl_score = UNSET
        else:
            ecl_score = self.ecl_score

        nominee: dict[str, Any] | None | Unset
        if isinstance(self.nominee, Unset):
            nominee = UNSET
        elif isinstance(self.nominee, NomineeUpdate):
            nominee = self.nominee.to_dict()
        else:
            nominee = self.nominee

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if course is not UNSET:
            field_dict["course"] = course
        if ecl_exempt is not UNSET:
            field_dict["ecl_exempt"] = ecl_exempt
        if ecl_score is not UNSET:
            field_dict["ecl_score"] = ecl_score
        if nominee is not UNSET:
            field_dict["nominee"] = nominee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.course_update import CourseUpdate  # noqa: PLC0415
        from ..models.nominee_update import NomineeUpdate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_course(data: object) -> CourseUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                course_type_0 = CourseUpdate.from_dict(data)

                return course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CourseUpdate | None | Unset, data)

        course = _parse_course(d.pop("course", UNSET))

        def _parse_ecl_exempt(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ecl_exempt = _parse_ecl_exempt(d.pop("ecl_exempt", UNSET))

        def _parse_ecl_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ecl_score = _parse_ecl_score(d.pop("ecl_score", UNSET))

        def _parse_nominee(data: object) -> NomineeUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nominee_type_0 = NomineeUpdate.from_dict(data)

                return nominee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NomineeUpdate | None | Unset, data)

        nominee = _parse_nominee(d.pop("nominee", UNSET))

        nomination_update = cls(
            course=course,
            ecl_exempt=ecl_exempt,
            ecl_score=ecl_score,
            nominee=nominee,
        )

        return nomination_update
