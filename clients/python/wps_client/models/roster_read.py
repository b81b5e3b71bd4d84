from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.member_read import MemberRead


T = TypeVar("T", bound="RosterRead")


@_attrs_define
class RosterRead:
    """
    Attributes:
        as_of (datetime.date):
        created_at (datetime.datetime):
        members (list[MemberRead]):
        men (int):
        team (int):
        unreported (int):
        updated_at (datetime.datetime):
        women (int):
        women_in_leadership (int): Women who are senior managers or team leaders
    """

    as_of: datetime.date
    created_at: datetime.datetime
    members: list[MemberRead]
    men: int
    team: int
    unreported: int
    updated_at: datetime.datetime
    women: int
    women_in_leadership: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        created_at = self.created_at.isoformat()

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        men = self.men

        team = self.team

        unreported = self.unreported

        updated_at = self.updated_at.isoformat()

        women = self.women

        women_in_leadership = self.women_in_leadership

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "created_at": created_at,
                "members": members,
                "men": men,
                "team": team,
                "unreported": unreported,
                "updated_at": updated_at,
                "women": women,
                "women_in_leadership": women_in_leadership,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_read import MemberRead  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberRead.from_dict(members_item_data)

            members.append(members_item)

        men = d.pop("men")

        team = d.pop("team")

        unreported = d.pop("unreported")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        women = d.pop("women")

        women_in_leadership = d.pop("women_in_leadership")

        roster_read = cls(
            as_of=as_of,
            created_at=created_at,
            members=members,
            men=men,
            team=team,
            unreported=unreported,
            updated_at=updated_at,
            women=women,
            women_in_leadership=women_in_leadership,
        )

        roster_read.additional_properties = d
        return roster_read

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
