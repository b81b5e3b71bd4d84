from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus

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
        status (ProgressStatus): Where an indicator stands against its target.
        target (None | str):
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
    status: ProgressStatus
    target: None | str
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

        status = self.status.value

        target: None | str
        target = self.target

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

        status = ProgressStatus(d.pop("status"))

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

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
