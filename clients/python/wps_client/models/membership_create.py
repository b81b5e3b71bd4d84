from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MembershipCreate")


@_attrs_define
class MembershipCreate:
    """
    Attributes:
        program (str):
        start_date (datetime.date):
        end_date (datetime.date | None | Unset): Default: `null`.
    """

    program: str
    start_date: datetime.date
    end_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        program = self.program

        start_date = self.start_date.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "program": program,
                "start_date": start_date,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        membership_create = cls(
            program=program,
            start_date=start_date,
            end_date=end_date,
        )

        return membership_create
