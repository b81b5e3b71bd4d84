from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SkippedRow")


@_attrs_define
class SkippedRow:
    """A row left out because its code is no country (`#N/A`, `BDS`), as it was in the file.

    Attributes:
        code (str): The ISOCode3 cell as written
        country (None | str): The Contributing_Country cell, if the file has one
        female (int):
        male (int):
        mission (str):
        personnel_type (str):
        reporting_date (datetime.date):
        row (int): Data row in the file, numbered from 1 after the header
    """

    code: str
    country: None | str
    female: int
    male: int
    mission: str
    personnel_type: str
    reporting_date: datetime.date
    row: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        country: None | str
        country = self.country

        female = self.female

        male = self.male

        mission = self.mission

        personnel_type = self.personnel_type

        reporting_date = self.reporting_date.isoformat()

        row = self.row

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "country": country,
                "female": female,
                "male": male,
                "mission": mission,
                "personnel_type": personnel_type,
                "reporting_date": reporting_date,
                "row": row,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        female = d.pop("female")

        male = d.pop("male")

        mission = d.pop("mission")

        personnel_type = d.pop("personnel_type")

        reporting_date = datetime.date.fromisoformat(d.pop("reporting_date"))

        row = d.pop("row")

        skipped_row = cls(
            code=code,
            country=country,
            female=female,
            male=male,
            mission=mission,
            personnel_type=personnel_type,
            reporting_date=reporting_date,
            row=row,
        )

        skipped_row.additional_properties = d
        return skipped_row

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
