from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """
    Attributes:
        code (str): e.g. `CWD-AFG-01`; any case, answered upper case
        end_date (datetime.date):
        implementer (str):
        program (str):
        start_date (datetime.date):
        title (str):
        award_ref (None | str | Unset): Default: `null`.
        description (str | Unset): Default: `""`.
        partner (None | str | Unset): Where it runs (alpha-3 or alpha-2); null: multi-country Default: `null`.
    """

    code: str
    end_date: datetime.date
    implementer: str
    program: str
    start_date: datetime.date
    title: str
    award_ref: None | str | Unset = UNSET
    description: str | Unset = UNSET
    partner: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        end_date = self.end_date.isoformat()

        implementer = self.implementer

        program = self.program

        start_date = self.start_date.isoformat()

        title = self.title

        award_ref: None | str | Unset
        if isinstance(self.award_ref, Unset):
            award_ref = UNSET
        else:
            award_ref = self.award_ref

        description = self.description

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "end_date": end_date,
                "implementer": implementer,
                "program": program,
                "start_date": start_date,
                "title": title,
            }
        )
        if award_ref is not UNSET:
            field_dict["award_ref"] = award_ref
        if description is not UNSET:
            field_dict["description"] = description
        if partner is not UNSET:
            field_dict["partner"] = partner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        implementer = d.pop("implementer")

        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        def _parse_award_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        award_ref = _parse_award_ref(d.pop("award_ref", UNSET))

        description = d.pop("description", UNSET)

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        project_create = cls(
            code=code,
            end_date=end_date,
            implementer=implementer,
            program=program,
            start_date=start_date,
            title=title,
            award_ref=award_ref,
            description=description,
            partner=partner,
        )

        return project_create
