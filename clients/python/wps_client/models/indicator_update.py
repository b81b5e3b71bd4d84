from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.aggregation import Aggregation
from ..models.direction import Direction
from ..models.metric import Metric
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_filters import MetricFilters


T = TypeVar("T", bound="IndicatorUpdate")


@_attrs_define
class IndicatorUpdate:
    """Code, measure and source are fixed once created (create another indicator instead).

    Attributes:
        aggregation (Aggregation | None | Unset): Default: `null`.
        baseline (float | None | str | Unset): Default: `null`.
        description (None | str | Unset): Default: `null`.
        direction (Direction | None | Unset): Default: `null`.
        metric (Metric | None | Unset): Default: `null`.
        metric_filters (MetricFilters | None | Unset): Default: `null`.
        name (None | str | Unset): Default: `null`.
        outcome (int | None | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
    """

    aggregation: Aggregation | None | Unset = UNSET
    baseline: float | None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    metric: Metric | None | Unset = UNSET
    metric_filters: MetricFilters | None | Unset = UNSET
    name: None | str | Unset = UNSET
    outcome: int | None | Unset = UNSET
    program: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_filters import MetricFilters  # noqa: PLC0415

        aggregation: None | str | Unset
        if isinstance(self.aggregation, Unset):
            aggregation = UNSET
        elif isinstance(self.aggregation, Aggregation):
            aggregation = self.aggregation.value
        else:
            aggregation = self.aggregation

        baseline: float | None | str | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, Direction):
            direction = self.direction.value
        else:
            direction = self.direction

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        outcome: int | None | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        else:
            program = self.program

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if name is not UNSET:
            field_dict["name"] = name
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if program is not UNSET:
            field_dict["program"] = program

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_filters import MetricFilters  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_aggregation(data: object) -> Aggregation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                aggregation_type_0 = Aggregation(data)

                return aggregation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Aggregation | None | Unset, data)

        aggregation = _parse_aggregation(d.pop("aggregation", UNSET))

        def _parse_baseline(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_direction(data: object) -> Direction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = Direction(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_outcome(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_program(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        indicator_update = cls(
            aggregation=aggregation,
            baseline=baseline,
            description=description,
            direction=direction,
            metric=metric,
            metric_filters=metric_filters,
            name=name,
            outcome=outcome,
            program=program,
        )

        return indicator_update
