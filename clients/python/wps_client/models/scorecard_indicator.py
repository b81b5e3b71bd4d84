from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scorecard_indicator_records import ScorecardIndicatorRecords


T = TypeVar("T", bound="ScorecardIndicator")


@_attrs_define
class ScorecardIndicator:
    """
    Attributes:
        actual (None | str):
        aggregation (str):
        baseline (None | str):
        code (str):
        denominator (None | str):
        direction (str):
        locked (bool):
        measure (str):
        name (str):
        numerator (None | str):
        pct_of_target (float | None):
        program (None | str):
        records (ScorecardIndicatorRecords):
        source (str):
        status (None | ProgressStatus):
        target (None | str):
        result_status (None | str | Unset):
        suppressed (list[str] | None | Unset):
    """

    actual: None | str
    aggregation: str
    baseline: None | str
    code: str
    denominator: None | str
    direction: str
    locked: bool
    measure: str
    name: str
    numerator: None | str
    pct_of_target: float | None
    program: None | str
    records: ScorecardIndicatorRecords
    source: str
    status: None | ProgressStatus
    target: None | str
    result_status: None | str | Unset = UNSET
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual: None | str
        actual = self.actual

        aggregation = self.aggregation

        baseline: None | str
        baseline = self.baseline

        code = self.code

        denominator: None | str
        denominator = self.denominator

        direction = self.direction

        locked = self.locked

        measure = self.measure

        name = self.name

        numerator: None | str
        numerator = self.numerator

        pct_of_target: float | None
        pct_of_target = self.pct_of_target

        program: None | str
        program = self.program

        records = self.records.to_dict()

        source = self.source

        status: None | str
        if isinstance(self.status, ProgressStatus):
            status = self.status.value
        else:
            status = self.status

        target: None | str
        target = self.target

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
                "aggregation": aggregation,
                "baseline": baseline,
                "code": code,
                "denominator": denominator,
                "direction": direction,
                "locked": locked,
                "measure": measure,
                "name": name,
                "numerator": numerator,
                "pct_of_target": pct_of_target,
                "program": program,
                "records": records,
                "source": source,
                "status": status,
                "target": target,
            }
        )
        if result_status is not UNSET:
            field_dict["result_status"] = result_status
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_indicator_records import ScorecardIndicatorRecords  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_actual(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actual = _parse_actual(d.pop("actual"))

        aggregation = d.pop("aggregation")

        def _parse_baseline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline = _parse_baseline(d.pop("baseline"))

        code = d.pop("code")

        def _parse_denominator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denominator = _parse_denominator(d.pop("denominator"))

        direction = d.pop("direction")

        locked = d.pop("locked")

        measure = d.pop("measure")

        name = d.pop("name")

        def _parse_numerator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        numerator = _parse_numerator(d.pop("numerator"))

        def _parse_pct_of_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        pct_of_target = _parse_pct_of_target(d.pop("pct_of_target"))

        def _parse_program(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program = _parse_program(d.pop("program"))

        records = ScorecardIndicatorRecords.from_dict(d.pop("records"))

        source = d.pop("source")

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

        scorecard_indicator = cls(
            actual=actual,
            aggregation=aggregation,
            baseline=baseline,
            code=code,
            denominator=denominator,
            direction=direction,
            locked=locked,
            measure=measure,
            name=name,
            numerator=numerator,
            pct_of_target=pct_of_target,
            program=program,
            records=records,
            source=source,
            status=status,
            target=target,
            result_status=result_status,
            suppressed=suppressed,
        )

        scorecard_indicator.additional_properties = d
        return scorecard_indicator

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
