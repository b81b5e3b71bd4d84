from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.roster_create import RosterCreate


T = TypeVar("T", bound="ImportsCwdTeamsJsonTeamImportImport")


@_attrs_define
class ImportsCwdTeamsJsonTeamImportImport:
    """A team as the import takes it: with its rosters, which replace the stored ones.

    Attributes:
        activity (Activity): What a team does.
        formed_on (datetime.date):
        name (str):
        partner (str): Where the team works: alpha-3 or alpha-2
        disbanded_on (datetime.date | None | Unset): Default: `null`.
        id (int | Unset): The id an export gave the record: it is matched to the stored record of that id with the same
            reference; an id this database does not hold is kept for the record created
        program (str | Unset): The team's program Default: `"CWD"`.
        project (None | str | Unset): The award it works under (a project of the team's program) Default: `null`.
        rosters (list[RosterCreate] | Unset):
    """

    activity: Activity
    formed_on: datetime.date
    name: str
    partner: str
    disbanded_on: datetime.date | None | Unset = UNSET
    id: int | Unset = UNSET
    program: str | Unset = UNSET
    project: None | str | Unset = UNSET
    rosters: list[RosterCreate] | Unset = UNSET

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

        id = self.id

        program = self.program

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        rosters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rosters, Unset):
            rosters = []
            for rosters_item_data in self.rosters:
                rosters_item = rosters_item_data.to_dict()
                rosters.append(rosters_item)

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
        if id is not UNSET:
            field_dict["id"] = id
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project
        if rosters is not UNSET:
            field_dict["rosters"] = rosters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_create import RosterCreate  # noqa: PLC0415

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

        id = d.pop("id", UNSET)

        program = d.pop("program", UNSET)

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        _rosters = d.pop("rosters", UNSET)
        rosters: list[RosterCreate] | Unset = UNSET
        if _rosters is not UNSET:
            rosters = []
            for rosters_item_data in _rosters:
                rosters_item = RosterCreate.from_dict(rosters_item_data)

                rosters.append(rosters_item)

        imports_cwd_teams_json_team_import_import = cls(
            activity=activity,
            formed_on=formed_on,
            name=name,
            partner=partner,
            disbanded_on=disbanded_on,
            id=id,
            program=program,
            project=project,
            rosters=rosters,
        )

        return imports_cwd_teams_json_team_import_import
