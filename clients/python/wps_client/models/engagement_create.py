from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.focus import Focus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparts import Counterparts


T = TypeVar("T", bound="EngagementCreate")


@_attrs_define
class EngagementCreate:
    """
    Attributes:
        focus (list[Focus]):
        institution (str):
        partner (str): Alpha-3 or alpha-2
        program (str):
        start_date (datetime.date):
        counterparts (Counterparts | Unset): The partner institution's people the advisers worked with, by sex.
        end_date (datetime.date | None | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        project (None | str | Unset): The award it is part of (a project of the same program) Default: `null`.
    """

    focus: list[Focus]
    institution: str
    partner: str
    program: str
    start_date: datetime.date
    counterparts: Counterparts | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    project: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        focus = []
        for focus_item_data in self.focus:
            focus_item = focus_item_data.value
            focus.append(focus_item)

        institution = self.institution

        partner = self.partner

        program = self.program

        start_date = self.start_date.isoformat()

        counterparts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counterparts, Unset):
            counterparts = self.counterparts.to_dict()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "focus": focus,
                "institution": institution,
                "partner": partner,
                "program": program,
                "start_date": start_date,
            }
        )
        if counterparts is not UNSET:
            field_dict["counterparts"] = counterparts
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counterparts import Counterparts  # noqa: PLC0415

        d = dict(src_dict)
        focus = []
        _focus = d.pop("focus")
        for focus_item_data in _focus:
            focus_item = Focus(focus_item_data)

            focus.append(focus_item)

        institution = d.pop("institution")

        partner = d.pop("partner")

        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        _counterparts = d.pop("counterparts", UNSET)
        counterparts: Counterparts | Unset
        if isinstance(_counterparts, Unset):
            counterparts = UNSET
        else:
            counterparts = Counterparts.from_dict(_counterparts)

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

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        engagement_create = cls(
            focus=focus,
            institution=institution,
            partner=partner,
            program=program,
            start_date=start_date,
            counterparts=counterparts,
            end_date=end_date,
            external_ref=external_ref,
            project=project,
        )

        return engagement_create
