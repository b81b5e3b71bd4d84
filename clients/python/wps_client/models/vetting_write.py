from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.vetting_status import VettingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="VettingWrite")


@_attrs_define
class VettingWrite:
    """
    Attributes:
        status (VettingStatus):
        case_ref (None | str | Unset): Default: `null`.
        decided_at (datetime.date | None | Unset): Default: `null`.
        expires_at (datetime.date | None | Unset): First day on which the vetting is no longer valid Default: `null`.
    """

    status: VettingStatus
    case_ref: None | str | Unset = UNSET
    decided_at: datetime.date | None | Unset = UNSET
    expires_at: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        case_ref: None | str | Unset
        if isinstance(self.case_ref, Unset):
            case_ref = UNSET
        else:
            case_ref = self.case_ref

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.date):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.date):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if case_ref is not UNSET:
            field_dict["case_ref"] = case_ref
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = VettingStatus(d.pop("status"))

        def _parse_case_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_ref = _parse_case_ref(d.pop("case_ref", UNSET))

        def _parse_decided_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.date.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.date.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        vetting_write = cls(
            status=status,
            case_ref=case_ref,
            decided_at=decided_at,
            expires_at=expires_at,
        )

        return vetting_write
