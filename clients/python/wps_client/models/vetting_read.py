from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vetting_status import VettingStatus

T = TypeVar("T", bound="VettingRead")


@_attrs_define
class VettingRead:
    """
    Attributes:
        case_ref (None | str):
        decided_at (datetime.date | None):
        expires_at (datetime.date | None):
        status (VettingStatus):
    """

    case_ref: None | str
    decided_at: datetime.date | None
    expires_at: datetime.date | None
    status: VettingStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_ref: None | str
        case_ref = self.case_ref

        decided_at: None | str
        if isinstance(self.decided_at, datetime.date):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.date):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_ref": case_ref,
                "decided_at": decided_at,
                "expires_at": expires_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_case_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        case_ref = _parse_case_ref(d.pop("case_ref"))

        def _parse_decided_at(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.date.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_expires_at(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.date.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        status = VettingStatus(d.pop("status"))

        vetting_read = cls(
            case_ref=case_ref,
            decided_at=decided_at,
            expires_at=expires_at,
            status=status,
        )

        vetting_read.additional_properties = d
        return vetting_read

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
