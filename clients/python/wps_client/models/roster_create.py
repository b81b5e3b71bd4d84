from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.member_in import MemberIn


T = TypeVar("T", bound="RosterCreate")


@_attrs_define
class RosterCreate:
    """
    Attributes:
        as_of (datetime.date): The date the roster was reported for
        members (list[MemberIn]): People by role and sex; each role at most once
    """

    as_of: datetime.date
    members: list[MemberIn]

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_in import MemberIn  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberIn.from_dict(members_item_data)

            members.append(members_item)

        roster_create = cls(
            as_of=as_of,
            members=members,
        )

        return roster_create
