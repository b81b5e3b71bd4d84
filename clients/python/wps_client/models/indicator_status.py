from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus

T = TypeVar("T", bound="IndicatorStatus")


@_attrs_define
class IndicatorStatus:
    """
    Attributes:
        actual (None | str):
        code (str):
        fiscal_year (int):
        pct_of_target (float | None):
        status (None | ProgressStatus): null only when withheld with the actual (suppress_below)
        target (None | str):
    """

    actual: None | str
    code: str
    fiscal_year: int
    pct_of_target: float | None
    status: None | ProgressStatus
    target: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual: None | str
        actual = self.actual

        code = self.code

        fiscal_year = self.fiscal_year

        pct_of_target: float | None
        pct_of_target = self.pct_of_target

        status: None | str
        if isinstance(self.status, ProgressStatus):
            status = self.status.value
        else:
            status = self.status

        target: None | str
        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "code": code,
                "fiscal_year": fiscal_year,
                "pct_of_target": pct_of_target,
                "status": status,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actual(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actual = _parse_actual(d.pop("actual"))

        code = d.pop("code")

        fiscal_year = d.pop("fiscal_year")

        def _parse_pct_of_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        pct_of_target = _parse_pct_of_target(d.pop("pct_of_target"))

        def _parse_status(data: object) -> None | ProgressStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProgressStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus, data)

        status = _parse_status(d.pop("status"))

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        indicator_status = cls(
            actual=actual,
            code=code,
            fiscal_year=fiscal_year,
            pct_of_target=pct_of_target,
            status=status,
            target=target,
        )

        indicator_status.additional_properties = d
        return indicator_status

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
