from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity import Activity
from ..models.composition import Composition

T = TypeVar("T", bound="TeamRead")


@_attrs_define
class TeamRead:
    """
    Attributes:
        activity (Activity): What a team does.
        as_of (datetime.date): The date the composition is as of
        composition (Composition): A team's make-up by sex, from its latest roster on or before a date.
        created_at (datetime.datetime):
        disbanded_on (datetime.date | None):
        formed_on (datetime.date):
        id (int):
        men (int):
        name (str):
        partner (str): ISO alpha-3
        program (str):
        project (None | str):
        roster_as_of (datetime.date | None): The date of the roster the composition comes from (null: none)
        unreported (int):
        updated_at (datetime.datetime):
        women (int):
        women_in_leadership (int):
    """

    activity: Activity
    as_of: datetime.date
    composition: Composition
    created_at: datetime.datetime
    disbanded_on: datetime.date | None
    formed_on: datetime.date
    id: int
    men: int
    name: str
    partner: str
    program: str
    project: None | str
    roster_as_of: datetime.date | None
    unreported: int
    updated_at: datetime.datetime
    women: int
    women_in_leadership: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity.value

        as_of = self.as_of.isoformat()

        composition = self.composition.value

        created_at = self.created_at.isoformat()

        disbanded_on: None | str
        if isinstance(self.disbanded_on, datetime.date):
            disbanded_on = self.disbanded_on.isoformat()
        else:
            disbanded_on = self.disbanded_on

        formed_on = self.formed_on.isoformat()

        id = self.id

        men = self.men

        name = self.name

        partner = self.partner

        program = self.program

        project: None | str
        project = self.project

        roster_as_of: None | str
        if isinstance(self.roster_as_of, datetime.date):
            roster_as_of = self.roster_as_of.isoformat()
        else:
            roster_as_of = self.roster_as_of

        unreported = self.unreported

        updated_at = self.updated_at.isoformat()

        women = self.women

        women_in_leadership = self.women_in_leadership

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity": activity,
                "as_of": as_of,
                "composition": composition,
                "created_at": created_at,
                "disbanded_on": disbanded_on,
                "formed_on": formed_on,
                "id": id,
                "men": men,
                "name": name,
                "partner": partner,
                "program": program,
                "project": project,
                "roster_as_of": roster_as_of,
                "unreported": unreported,
                "updated_at": updated_at,
                "women": women,
                "women_in_leadership": women_in_leadership,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity = Activity(d.pop("activity"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        composition = Composition(d.pop("composition"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_disbanded_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disbanded_on_type_0 = datetime.date.fromisoformat(data)

                return disbanded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        disbanded_on = _parse_disbanded_on(d.pop("disbanded_on"))

        formed_on = datetime.date.fromisoformat(d.pop("formed_on"))

        id = d.pop("id")

        men = d.pop("men")

        name = d.pop("name")

        partner = d.pop("partner")

        program = d.pop("program")

        def _parse_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project = _parse_project(d.pop("project"))

        def _parse_roster_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                roster_as_of_type_0 = datetime.date.fromisoformat(data)

                return roster_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        roster_as_of = _parse_roster_as_of(d.pop("roster_as_of"))

        unreported = d.pop("unreported")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        women = d.pop("women")

        women_in_leadership = d.pop("women_in_leadership")

        team_read = cls(
            activity=activity,
            as_of=as_of,
            composition=composition,
            created_at=created_at,
            disbanded_on=disbanded_on,
            formed_on=formed_on,
            id=id,
            men=men,
            name=name,
            partner=partner,
            program=program,
            project=project,
            roster_as_of=roster_as_of,
            unreported=unreported,
            updated_at=updated_at,
            women=women,
            women_in_leadership=women_in_leadership,
        )

        team_read.additional_properties = d
        return team_read

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
