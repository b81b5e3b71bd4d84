from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_in import MemberIn


T = TypeVar("T", bound="RosterReplace")


@_attrs_define
class RosterReplace:
    """A roster's members, replaced whole (PATCH with If-Match).

    Attributes:
        members (list[MemberIn] | None | Unset): People by role and sex, replacing the roster's; each role at most once
            Default: `null`.
    """

    members: list[MemberIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        members: list[dict[str, Any]] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = []
            for members_type_0_item_data in self.members:
                members_type_0_item = members_type_0_item_data.to_dict()
                members.append(members_type_0_item)

        else:
            members = self.members

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_in import MemberIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_members(data: object) -> list[MemberIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = []
                _members_type_0 = data
                for members_type_0_item_data in _members_type_0:
                    members_type_0_item = MemberIn.from_dict(members_type_0_item_data)

                    members_type_0.append(members_type_0_item)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MemberIn] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))

        roster_replace = cls(
            members=members,
        )

        return roster_replace
