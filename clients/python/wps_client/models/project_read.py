from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectRead")


@_attrs_define
class ProjectRead:
    """
    Attributes:
        award_ref (None | str):
        code (str):
        created_at (datetime.datetime):
        description (str):
        end_date (datetime.date):
        id (int):
        implementer (str):
        partner (None | str): ISO alpha-3
        program (str):
        start_date (datetime.date):
        title (str):
        updated_at (datetime.datetime):
    """

    award_ref: None | str
    code: str
    created_at: datetime.datetime
    description: str
    end_date: datetime.date
    id: int
    implementer: str
    partner: None | str
    program: str
    start_date: datetime.date
    title: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        award_ref: None | str
        award_ref = self.award_ref

        code = self.code

        created_at = self.created_at.isoformat()

        description = self.description

        end_date = self.end_date.isoformat()

        id = self.id

        implementer = self.implementer

        partner: None | str
        partner = self.partner

        program = self.program

        start_date = self.start_date.isoformat()

        title = self.title

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "award_ref": award_ref,
                "code": code,
                "created_at": created_at,
                "description": description,
                "end_date": end_date,
                "id": id,
                "implementer": implementer,
                "partner": partner,
                "program": program,
                "start_date": start_date,
                "title": title,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_award_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        award_ref = _parse_award_ref(d.pop("award_ref"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        id = d.pop("id")

        implementer = d.pop("implementer")

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project_read = cls(
            award_ref=award_ref,
            code=code,
            created_at=created_at,
            description=description,
            end_date=end_date,
            id=id,
            implementer=implementer,
            partner=partner,
            program=program,
            start_date=start_date,
            title=title,
            updated_at=updated_at,
        )

        project_read.additional_properties = d
        return project_read

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
