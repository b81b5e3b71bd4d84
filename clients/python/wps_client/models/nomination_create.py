from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.course_in import CourseIn
    from ..models.nominee_in import NomineeIn


T = TypeVar("T", bound="NominationCreate")


@_attrs_define
class NominationCreate:
    """
    Attributes:
        course (CourseIn):
        external_ref (str): The embassy's own reference, unique per partner
        fiscal_year (int):
        nominee (NomineeIn):
        ecl_exempt (bool | Unset): Default: `false`.
        ecl_score (int | None | Unset): Default: `null`.
        partner (None | str | Unset): Admin keys only; an embassy nominates for its own country Default: `null`.
    """

    course: CourseIn
    external_ref: str
    fiscal_year: int
    nominee: NomineeIn
    ecl_exempt: bool | Unset = UNSET
    ecl_score: int | None | Unset = UNSET
    partner: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        course = self.course.to_dict()

        external_ref = self.external_ref

        fiscal_year = self.fiscal_year

        nominee = self.nominee.to_dict()

        ecl_exempt = self.ecl_exempt

        ecl_score: int | None | Unset
        if isinstance(self.ecl_score, Unset):
            ecl_score = UNSET
        else:
            ecl_score = self.ecl_score

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "course": course,
                "external_ref": external_ref,
                "fiscal_year": fiscal_year,
                "nominee": nominee,
            }
        )
        if ecl_exempt is not UNSET:
            field_dict["ecl_exempt"] = ecl_exempt
        if ecl_score is not UNSET:
            field_dict["ecl_score"] = ecl_score
        if partner is not UNSET:
            field_dict["partner"] = partner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.course_in import CourseIn  # noqa: PLC0415
        from ..models.nominee_in import NomineeIn  # noqa: PLC0415

        d = dict(src_dict)
        course = CourseIn.from_dict(d.pop("course"))

        external_ref = d.pop("external_ref")

        fiscal_year = d.pop("fiscal_year")

        nominee = NomineeIn.from_dict(d.pop("nominee"))

        ecl_exempt = d.pop("ecl_exempt", UNSET)

        def _parse_ecl_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ecl_score = _parse_ecl_score(d.pop("ecl_score", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        nomination_create = cls(
            course=course,
            external_ref=external_ref,
            fiscal_year=fiscal_year,
            nominee=nominee,
            ecl_exempt=ecl_exempt,
            ecl_score=ecl_score,
            partner=partner,
        )

        return nomination_create
