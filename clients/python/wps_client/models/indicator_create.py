from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.aggregation import Aggregation
from ..models.direction import Direction
from ..models.measure import Measure
from ..models.metric import Metric
from ..models.source import Source
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_filters import MetricFilters


T = TypeVar("T", bound="IndicatorCreate")


@_attrs_define
class IndicatorCreate:
    """
    Attributes:
        code (str):
        measure (Measure):
        name (str):
        outcome (int):
        aggregation (Aggregation | Unset):
        baseline (float | None | str | Unset): Default: `null`.
        description (str | Unset): Default: `""`.
        direction (Direction | Unset):
        metric (Metric | None | Unset): Default: `null`.
        metric_filters (MetricFilters | None | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        source (Source | Unset):
    """

    code: str
    measure: Measure
    name: str
    outcome: int
    aggregation: Aggregation | Unset = UNSET
    baseline: float | None | str | Unset = UNSET
    description: str | Unset = UNSET
    direction: Direction | Unset = UNSET
    metric: Metric | None | Unset = UNSET
    metric_filters: MetricFilters | None | Unset = UNSET
    program: None | str | Unset = UNSET
    source: Source | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_filters import MetricFilters  # noqa: PLC0415

        code = self.code

        measure = self.measure.value

        name = self.name

        outcome = self.outcome

        aggregation: str | Unset = UNSET
        if not isinstance(self.aggregation, Unset):
            aggregation = self.aggregation.value

        baseline: float | None | str | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        description = self.description

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        metric: None | str | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        elif isinstance(self.metric, Metric):
            metric = self.metric.value
        else:
            metric = self.metric

        metric_filters: dict[str, Any] | None | Unset
        if isinstance(self.metric_filters, Unset):
            metric_filters = UNSET
        elif isinstance(self.metric_filters, MetricFilters):
            metric_filters = self.metric_filters.to_dict()
        else:
            metric_filters = self.metric_filters

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        else:
            program = self.program

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "measure": measure,
                "name": name,
                "outcome": outcome,
            }
        )
        if aggregation is not UNSET:
            field_dict["aggregation"] = aggregation
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if description is not UNSET:
            field_dict["description"] = description
        if direction is not UNSET:
            field_dict["direction"] = direction
        if metric is not UNSET:
            field_dict["metric"] = metric
        if metric_filters is not UNSET:
            field_dict["metric_filters"] = metric_filters
        if program is not UNSET:
            field_dict["program"] = program
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_filters import MetricFilters  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        measure = Measure(d.pop("measure"))

        name = d.pop("name")

        outcome = d.pop("outcome")

        _aggregation = d.pop("aggregation", UNSET)
        aggregation: Aggregation | Unset
        if isinstance(_aggregation, Unset):
            aggregation = UNSET
        else:
            aggregation = Aggregation(_aggregation)

        def _parse_baseline(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        description = d.pop("description", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        def _parse_metric(data: object) -> Metric | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                metric_type_0 = Metric(data)

                return metric_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metric | None | Unset, data)

        metric = _parse_metric(d.pop("metric", UNSET))

        def _parse_metric_filters(data: object) -> MetricFilters | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metric_filters_type_0 = MetricFilters.from_dict(data)

                return metric_filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricFilters | None | Unset, data)

        metric_filters = _parse_metric_filters(d.pop("metric_filters", UNSET))

        def _parse_program(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        _source = d.pop("source", UNSET)
        source: Source | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = Source(_source)

        indicator_create = cls(
            code=code,
            measure=measure,
            name=name,
            outcome=outcome,
            aggregation=aggregation,
            baseline=baseline,
            description=description,
            direction=direction,
            metric=metric,
            metric_filters=metric_filters,
            program=program,
            source=source,
        )

        return indicator_create
