from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamCreate")


@_attrs_define
class TeamCreate:
    """
    Attributes:
        activity (Activity): What a team does.
        formed_on (datetime.date):
        name (str):
        partner (str): Where the team works: alpha-3 or alpha-2
        disbanded_on (datetime.date | None | Unset): Default: `null`.
        program (str | Unset): The team's program Default: `"CWD"`.
        project (None | str | Unset): The award it works under (a project of the team's program) Default: `null`.
    """

    activity: Activity
    formed_on: datetime.date
    name: str
    partner: str
    disbanded_on: datetime.date | None | Unset = UNSET
    program: str | Unset = UNSET
    project: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity.value

        formed_on = self.formed_on.isoformat()

        name = self.name

        partner = self.partner

        disbanded_on: None | str | Unset
        if isinstance(self.disbanded_on, Unset):
            disbanded_on = UNSET
        elif isinstance(self.disbanded_on, datetime.date):
            disbanded_on = self.disbanded_on.isoformat()
        else:
            disbanded_on = self.disbanded_on

        program = self.program

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity": activity,
                "formed_on": formed_on,
                "name": name,
                "partner": partner,
            }
        )
        if disbanded_on is not UNSET:
            field_dict["disbanded_on"] = disbanded_on
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity = Activity(d.pop("activity"))

        formed_on = datetime.date.fromisoformat(d.pop("formed_on"))

        name = d.pop("name")

        partner = d.pop("partner")

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

        program = d.pop("program", UNSET)

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        team_create = cls(
            activity=activity,
            formed_on=formed_on,
            name=name,
            partner=partner,
            disbanded_on=disbanded_on,
            program=program,
            project=project,
        )

        return team_create
