from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamUpdate")


@_attrs_define
class TeamUpdate:
    """
    Attributes:
        activity (Activity | None | Unset): Default: `null`.
        disbanded_on (datetime.date | None | Unset): Default: `null`.
        formed_on (datetime.date | None | Unset): Default: `null`.
        name (None | str | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        project (None | str | Unset): Default: `null`.
    """

    activity: Activity | None | Unset = UNSET
    disbanded_on: datetime.date | None | Unset = UNSET
    formed_on: datetime.date | None | Unset = UNSET
    name: None | str | Unset = UNSET
    partner: None | str | Unset = UNSET
    program: None | str | Unset = UNSET
    project: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, Activity):
            activity = self.activity.value
        else:
            activity = self.activity

        disbanded_on: None | str | Unset
        if isinstance(self.disbanded_on, Unset):
            disbanded_on = UNSET
        elif isinstance(self.disbanded_on, datetime.date):
            disbanded_on = self.disbanded_on.isoformat()
        else:
            disbanded_on = self.disbanded_on

        formed_on: None | str | Unset
        if isinstance(self.formed_on, Unset):
            formed_on = UNSET
        elif isinstance(self.formed_on, datetime.date):
            formed_on = self.formed_on.isoformat()
        else:
            formed_on = self.formed_on

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity is not UNSET:
            field_dict["activity"] = activity
        if disbanded_on is not UNSET:
            field_dict["disbanded_on"] = disbanded_on
        if formed_on is not UNSET:
            field_dict["formed_on"] = formed_on
        if name is not UNSET:
            field_dict["name"] = name
        if partner is not UNSET:
            field_dict["partner"] = partner
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity(data: object) -> Activity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_0 = Activity(data)

                return activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_disbanded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disbanded_on_type_0 = datetime.date.fromisoformat(data)

                return disbanded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        disbanded_on = _parse_disbanded_on(d.pop("disbanded_on", UNSET))

        def _parse_formed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                formed_on_type_0 = datetime.date.fromisoformat(data)

                return formed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        formed_on = _parse_formed_on(d.pop("formed_on", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        team_update = cls(
            activity=activity,
            disbanded_on=disbanded_on,
            formed_on=formed_on,
            name=name,
            partner=partner,
            program=program,
            project=project,
        )

        return team_update
