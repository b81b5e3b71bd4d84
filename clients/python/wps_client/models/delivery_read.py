from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeliveryRead")


@_attrs_define
class DeliveryRead:
    """
    Attributes:
        attempted_at (datetime.datetime):
        duration_ms (int):
        error (None | str):
        event_type (str):
        id (int):
        message_id (int):
        message_state (str): pending (to retry), delivered or failed
        response_prefix (None | str): The first bytes of the endpoint's reply as text (at most 4 KiB of it, never the
            whole; invalid UTF-8 replaced, control characters but newline, return and tab removed); null when no reply came
        seq (int): The change's position in the change feed
        status_code (int | None):
        succeeded (bool):
        webhook_id (str): The webhook-id header: the same on every retry
    """

    attempted_at: datetime.datetime
    duration_ms: int
    error: None | str
    event_type: str
    id: int
    message_id: int
    message_state: str
    response_prefix: None | str
    seq: int
    status_code: int | None
    succeeded: bool
    webhook_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempted_at = self.attempted_at.isoformat()

        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        event_type = self.event_type

        id = self.id

        message_id = self.message_id

        message_state = self.message_state

        response_prefix: None | str
        response_prefix = self.response_prefix

        seq = self.seq

        status_code: int | None
        status_code = self.status_code

        succeeded = self.succeeded

        webhook_id = self.webhook_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempted_at": attempted_at,
                "duration_ms": duration_ms,
                "error": error,
                "event_type": event_type,
                "id": id,
                "message_id": message_id,
                "message_state": message_state,
                "response_prefix": response_prefix,
                "seq": seq,
                "status_code": status_code,
                "succeeded": succeeded,
                "webhook_id": webhook_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempted_at = datetime.datetime.fromisoformat(d.pop("attempted_at"))

        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        event_type = d.pop("event_type")

        id = d.pop("id")

        message_id = d.pop("message_id")

        message_state = d.pop("message_state")

        def _parse_response_prefix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_prefix = _parse_response_prefix(d.pop("response_prefix"))

        seq = d.pop("seq")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        succeeded = d.pop("succeeded")

        webhook_id = d.pop("webhook_id")

        delivery_read = cls(
            attempted_at=attempted_at,
            duration_ms=duration_ms,
            error=error,
            event_type=event_type,
            id=id,
            message_id=message_id,
            message_state=message_state,
            response_prefix=response_prefix,
            seq=seq,
            status_code=status_code,
            succeeded=succeeded,
            webhook_id=webhook_id,
        )

        delivery_read.additional_properties = d
        return delivery_read

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
