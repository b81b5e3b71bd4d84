from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MembershipRead")


@_attrs_define
class MembershipRead:
    """
    Attributes:
        created_at (datetime.datetime):
        end_date (datetime.date | None):
        id (int):
        partner (str):
        program (str):
        start_date (datetime.date):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    end_date: datetime.date | None
    id: int
    partner: str
    program: str
    start_date: datetime.date
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        id = self.id

        partner = self.partner

        program = self.program

        start_date = self.start_date.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "end_date": end_date,
                "id": id,
                "partner": partner,
                "program": program,
                "start_date": start_date,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        id = d.pop("id")

        partner = d.pop("partner")

        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        membership_read = cls(
            created_at=created_at,
            end_date=end_date,
            id=id,
            partner=partner,
            program=program,
            start_date=start_date,
            updated_at=updated_at,
        )

        membership_read.additional_properties = d
        return membership_read

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
