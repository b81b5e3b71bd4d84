from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChangeRead")


@_attrs_define
class ChangeRead:
    """
    Attributes:
        action (str):
        at (datetime.datetime):
        changed_fields (list[str]):
        id (str): The record's id or code
        seq (int): Position in commit order: each change once, no gaps
        type_ (str): The kind of record
    """

    action: str
    at: datetime.datetime
    changed_fields: list[str]
    id: str
    seq: int
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        changed_fields = self.changed_fields

        id = self.id

        seq = self.seq

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "changed_fields": changed_fields,
                "id": id,
                "seq": seq,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        changed_fields = cast(list[str], d.pop("changed_fields"))

        id = d.pop("id")

        seq = d.pop("seq")

        type_ = d.pop("type")

        change_read = cls(
            action=action,
            at=at,
            changed_fields=changed_fields,
            id=id,
            seq=seq,
            type_=type_,
        )

        change_read.additional_properties = d
        return change_read

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
