from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.focus import Focus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparts import Counterparts


T = TypeVar("T", bound="EngagementUpdate")


@_attrs_define
class EngagementUpdate:
    """
    Attributes:
        counterparts (Counterparts | None | Unset): Default: `null`.
        end_date (datetime.date | None | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        focus (list[Focus] | None | Unset): Default: `null`.
        institution (None | str | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        project (None | str | Unset): Default: `null`.
        start_date (datetime.date | None | Unset): Default: `null`.
    """

    counterparts: Counterparts | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    focus: list[Focus] | None | Unset = UNSET
    institution: None | str | Unset = UNSET
    partner: None | str | Unset = UNSET
    program: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.counterparts import Counterparts  # noqa: PLC0415

        counterparts: dict[str, Any] | None | Unset
        if isinstance(self.counterparts, Unset):
            counterparts = UNSET
        elif isinstance(self.counterparts, Counterparts):
            counterparts = self.counterparts.to_dict()
        else:
            counterparts = self.counterparts

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

        focus: list[str] | None | Unset
        if isinstance(self.focus, Unset):
            focus = UNSET
        elif isinstance(self.focus, list):
            focus = []
            for focus_type_0_item_data in self.focus:
                focus_type_0_item = focus_type_0_item_data.value
                focus.append(focus_type_0_item)

        else:
            focus = self.focus

        institution: None | str | Unset
        if isinstance(self.institution, Unset):
            institution = UNSET
        else:
            institution = self.institution

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        else:
            program = self.program

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparts is not UNSET:
            field_dict["counterparts"] = counterparts
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if focus is not UNSET:
            field_dict["focus"] = focus
        if institution is not UNSET:
            field_dict["institution"] = institution
        if partner is not UNSET:
            field_dict["partner"] = partner
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project
        if start_date is not UNSET:
            field_dict["start_date"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counterparts import Counterparts  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_counterparts(data: object) -> Counterparts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counterparts_type_0 = Counterparts.from_dict(data)

                return counterparts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Counterparts | None | Unset, data)

        counterparts = _parse_counterparts(d.pop("counterparts", UNSET))

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

        def _parse_focus(data: object) -> list[Focus] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                focus_type_0 = []
                _focus_type_0 = data
                for focus_type_0_item_data in _focus_type_0:
                    focus_type_0_item = Focus(focus_type_0_item_data)

                    focus_type_0.append(focus_type_0_item)

                return focus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Focus] | None | Unset, data)

        focus = _parse_focus(d.pop("focus", UNSET))

        def _parse_institution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution = _parse_institution(d.pop("institution", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_program(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        engagement_update = cls(
            counterparts=counterparts,
            end_date=end_date,
            external_ref=external_ref,
            focus=focus,
            institution=institution,
            partner=partner,
            program=program,
            project=project,
            start_date=start_date,
        )

        return engagement_update
