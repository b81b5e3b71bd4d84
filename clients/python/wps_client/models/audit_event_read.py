from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_read_details_type_0 import AuditEventReadDetailsType0


T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """
    Attributes:
        action (str):
        actor_key_id (int | None):
        actor_role (None | str):
        changed_fields (list[str]):
        details (AuditEventReadDetailsType0 | None):
        id (int):
        occurred_at (datetime.datetime):
        request_id (None | str):
        resource_id (str):
        resource_type (str):
    """

    action: str
    actor_key_id: int | None
    actor_role: None | str
    changed_fields: list[str]
    details: AuditEventReadDetailsType0 | None
    id: int
    occurred_at: datetime.datetime
    request_id: None | str
    resource_id: str
    resource_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_read_details_type_0 import AuditEventReadDetailsType0  # noqa: PLC0415

        action = self.action

        actor_key_id: int | None
        actor_key_id = self.actor_key_id

        actor_role: None | str
        actor_role = self.actor_role

        changed_fields = self.changed_fields

        details: dict[str, Any] | None
        if isinstance(self.details, AuditEventReadDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        request_id: None | str
        request_id = self.request_id

        resource_id = self.resource_id

        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_key_id": actor_key_id,
                "actor_role": actor_role,
                "changed_fields": changed_fields,
                "details": details,
                "id": id,
                "occurred_at": occurred_at,
                "request_id": request_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_read_details_type_0 import AuditEventReadDetailsType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_key_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_key_id = _parse_actor_key_id(d.pop("actor_key_id"))

        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actor_role"))

        changed_fields = cast(list[str], d.pop("changed_fields"))

        def _parse_details(data: object) -> AuditEventReadDetailsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = AuditEventReadDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventReadDetailsType0 | None, data)

        details = _parse_details(d.pop("details"))

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        resource_id = d.pop("resource_id")

        resource_type = d.pop("resource_type")

        audit_event_read = cls(
            action=action,
            actor_key_id=actor_key_id,
            actor_role=actor_role,
            changed_fields=changed_fields,
            details=details,
            id=id,
            occurred_at=occurred_at,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
