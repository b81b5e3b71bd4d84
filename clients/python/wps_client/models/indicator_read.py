from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aggregation import Aggregation
from ..models.direction import Direction
from ..models.measure import Measure
from ..models.metric import Metric
from ..models.source import Source

if TYPE_CHECKING:
    from ..models.indicator_read_metric_filters import IndicatorReadMetricFilters


T = TypeVar("T", bound="IndicatorRead")


@_attrs_define
class IndicatorRead:
    """
    Attributes:
        aggregation (Aggregation):
        baseline (None | str):
        code (str):
        created_at (datetime.datetime):
        description (str):
        direction (Direction):
        locked_fiscal_years (list[int]):
        measure (Measure):
        metric (Metric | None):
        metric_filters (IndicatorReadMetricFilters):
        name (str):
        outcome (int):
        program (None | str):
        source (Source):
        updated_at (datetime.datetime):
    """

    aggregation: Aggregation
    baseline: None | str
    code: str
    created_at: datetime.datetime
    description: str
    direction: Direction
    locked_fiscal_years: list[int]
    measure: Measure
    metric: Metric | None
    metric_filters: IndicatorReadMetricFilters
    name: str
    outcome: int
    program: None | str
    source: Source
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aggregation = self.aggregation.value

        baseline: None | str
        baseline = self.baseline

        code = self.code

        created_at = self.created_at.isoformat()

        description = self.description

        direction = self.direction.value

        locked_fiscal_years = self.locked_fiscal_years

        measure = self.measure.value

        metric: None | str
        if isinstance(self.metric, Metric):
            metric = self.metric.value
        else:
            metric = self.metric

        metric_filters = self.metric_filters.to_dict()

        name = self.name

        outcome = self.outcome

        program: None | str
        program = self.program

        source = self.source.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aggregation": aggregation,
                "baseline": baseline,
                "code": code,
                "created_at": created_at,
                "description": description,
                "direction": direction,
                "locked_fiscal_years": locked_fiscal_years,
                "measure": measure,
                "metric": metric,
                "metric_filters": metric_filters,
                "name": name,
                "outcome": outcome,
                "program": program,
                "source": source,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_read_metric_filters import IndicatorReadMetricFilters  # noqa: PLC0415

        d = dict(src_dict)
        aggregation = Aggregation(d.pop("aggregation"))

        def _parse_baseline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline = _parse_baseline(d.pop("baseline"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        direction = Direction(d.pop("direction"))

        locked_fiscal_years = cast(list[int], d.pop("locked_fiscal_years"))

        measure = Measure(d.pop("measure"))

        def _parse_metric(data: object) -> Metric | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                metric_type_0 = Metric(data)

                return metric_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metric | None, data)

        metric = _parse_metric(d.pop("metric"))

        metric_filters = IndicatorReadMetricFilters.from_dict(d.pop("metric_filters"))

        name = d.pop("name")

        outcome = d.pop("outcome")

        def _parse_program(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program = _parse_program(d.pop("program"))

        source = Source(d.pop("source"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        indicator_read = cls(
            aggregation=aggregation,
            baseline=baseline,
            code=code,
            created_at=created_at,
            description=description,
            direction=direction,
            locked_fiscal_years=locked_fiscal_years,
            measure=measure,
            metric=metric,
            metric_filters=metric_filters,
            name=name,
            outcome=outcome,
            program=program,
            source=source,
            updated_at=updated_at,
        )

        indicator_read.additional_properties = d
        return indicator_read

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
