from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.nomination_status import NominationStatus

if TYPE_CHECKING:
    from ..models.course_read import CourseRead
    from ..models.nominee_read import NomineeRead
    from ..models.vetting_read import VettingRead


T = TypeVar("T", bound="NominationRead")


@_attrs_define
class NominationRead:
    """
    Attributes:
        course (CourseRead):
        created_at (datetime.datetime):
        ecl_exempt (bool):
        ecl_score (int | None):
        external_ref (str):
        fiscal_year (int):
        id (int):
        nominee (NomineeRead):
        partner (str): ISO 3166-1 alpha-3
        status (NominationStatus):
        updated_at (datetime.datetime):
        vetting (VettingRead):
    """

    course: CourseRead
    created_at: datetime.datetime
    ecl_exempt: bool
    ecl_score: int | None
    external_ref: str
    fiscal_year: int
    id: int
    nominee: NomineeRead
    partner: str
    status: NominationStatus
    updated_at: datetime.datetime
    vetting: VettingRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        course = self.course.to_dict()

        created_at = self.created_at.isoformat()

        ecl_exempt = self.ecl_exempt

        ecl_score: int | None
        ecl_score = self.ecl_score

        external_ref = self.external_ref

        fiscal_year = self.fiscal_year

        id = self.id

        nominee = self.nominee.to_dict()

        partner = self.partner

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        vetting = self.vetting.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "course": course,
                "created_at": created_at,
                "ecl_exempt": ecl_exempt,
                "ecl_score": ecl_score,
                "external_ref": external_ref,
                "fiscal_year": fiscal_year,
                "id": id,
                "nominee": nominee,
                "partner": partner,
                "status": status,
                "updated_at": updated_at,
                "vetting": vetting,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.course_read import CourseRead  # noqa: PLC0415
        from ..models.nominee_read import NomineeRead  # noqa: PLC0415
        from ..models.vetting_read import VettingRead  # noqa: PLC0415

        d = dict(src_dict)
        course = CourseRead.from_dict(d.pop("course"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ecl_exempt = d.pop("ecl_exempt")

        def _parse_ecl_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ecl_score = _parse_ecl_score(d.pop("ecl_score"))

        external_ref = d.pop("external_ref")

        fiscal_year = d.pop("fiscal_year")

        id = d.pop("id")

        nominee = NomineeRead.from_dict(d.pop("nominee"))

        partner = d.pop("partner")

        status = NominationStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        vetting = VettingRead.from_dict(d.pop("vetting"))

        nomination_read = cls(
            course=course,
            created_at=created_at,
            ecl_exempt=ecl_exempt,
            ecl_score=ecl_score,
            external_ref=external_ref,
            fiscal_year=fiscal_year,
            id=id,
            nominee=nominee,
            partner=partner,
            status=status,
            updated_at=updated_at,
            vetting=vetting,
        )

        nomination_read.additional_properties = d
        return nomination_read

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
