from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.progress_row_records import ProgressRowRecords


T = TypeVar("T", bound="ProgressRow")


@_attrs_define
class ProgressRow:
    """
    Attributes:
        actual (None | str):
        fiscal_year (int):
        locked (bool):
        pct_of_target (float | None):
        records (ProgressRowRecords):
        status (None | ProgressStatus): null only when withheld with the actual (suppress_below): whether the target is
            met bounds the actual
        target (None | str):
        denominator (None | str | Unset):
        numerator (None | str | Unset):
        result_status (None | str | Unset): With include=unapproved, a manual indicator's row says the approval status
            of the results it counts (`mixed` when they differ; null without results)
        suppressed (list[str] | None | Unset): With suppress_below: the figures withheld as small numbers
    """

    actual: None | str
    fiscal_year: int
    locked: bool
    pct_of_target: float | None
    records: ProgressRowRecords
    status: None | ProgressStatus
    target: None | str
    denominator: None | str | Unset = UNSET
    numerator: None | str | Unset = UNSET
    result_status: None | str | Unset = UNSET
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual: None | str
        actual = self.actual

        fiscal_year = self.fiscal_year

        locked = self.locked

        pct_of_target: float | None
        pct_of_target = self.pct_of_target

        records = self.records.to_dict()

        status: None | str
        if isinstance(self.status, ProgressStatus):
            status = self.status.value
        else:
            status = self.status

        target: None | str
        target = self.target

        denominator: None | str | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        numerator: None | str | Unset
        if isinstance(self.numerator, Unset):
            numerator = UNSET
        else:
            numerator = self.numerator

        result_status: None | str | Unset
        if isinstance(self.result_status, Unset):
            result_status = UNSET
        else:
            result_status = self.result_status

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual": actual,
                "fiscal_year": fiscal_year,
                "locked": locked,
                "pct_of_target": pct_of_target,
                "records": records,
                "status": status,
                "target": target,
            }
        )
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if numerator is not UNSET:
            field_dict["numerator"] = numerator
        if result_status is not UNSET:
            field_dict["result_status"] = result_status
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_row_records import ProgressRowRecords  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_actual(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actual = _parse_actual(d.pop("actual"))

        fiscal_year = d.pop("fiscal_year")

        locked = d.pop("locked")

        def _parse_pct_of_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        pct_of_target = _parse_pct_of_target(d.pop("pct_of_target"))

        records = ProgressRowRecords.from_dict(d.pop("records"))

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

        def _parse_denominator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        def _parse_numerator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        numerator = _parse_numerator(d.pop("numerator", UNSET))

        def _parse_result_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_status = _parse_result_status(d.pop("result_status", UNSET))

        def _parse_suppressed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suppressed_type_0 = cast(list[str], data)

                return suppressed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        suppressed = _parse_suppressed(d.pop("suppressed", UNSET))

        progress_row = cls(
            actual=actual,
            fiscal_year=fiscal_year,
            locked=locked,
            pct_of_target=pct_of_target,
            records=records,
            status=status,
            target=target,
            denominator=denominator,
            numerator=numerator,
            result_status=result_status,
            suppressed=suppressed,
        )

        progress_row.additional_properties = d
        return progress_row

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
