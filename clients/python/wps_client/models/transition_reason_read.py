from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.nomination_status import NominationStatus

T = TypeVar("T", bound="TransitionReasonRead")


@_attrs_define
class TransitionReasonRead:
    """A reason given with a status change (admins only; purgeable, never in the audit trail).

    Attributes:
        actor_key_id (int | None):
        from_status (NominationStatus):
        given_at (datetime.datetime):
        id (int):
        reason (str):
        to_status (NominationStatus):
    """

    actor_key_id: int | None
    from_status: NominationStatus
    given_at: datetime.datetime
    id: int
    reason: str
    to_status: NominationStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_key_id: int | None
        actor_key_id = self.actor_key_id

        from_status = self.from_status.value

        given_at = self.given_at.isoformat()

        id = self.id

        reason = self.reason

        to_status = self.to_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_key_id": actor_key_id,
                "from_status": from_status,
                "given_at": given_at,
                "id": id,
                "reason": reason,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actor_key_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_key_id = _parse_actor_key_id(d.pop("actor_key_id"))

        from_status = NominationStatus(d.pop("from_status"))

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        id = d.pop("id")

        reason = d.pop("reason")

        to_status = NominationStatus(d.pop("to_status"))

        transition_reason_read = cls(
            actor_key_id=actor_key_id,
            from_status=from_status,
            given_at=given_at,
            id=id,
            reason=reason,
            to_status=to_status,
        )

        transition_reason_read.additional_properties = d
        return transition_reason_read

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
