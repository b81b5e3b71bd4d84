from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aggregation import Aggregation
from ..models.direction import Direction
from ..models.measure import Measure
from ..models.source import Source

if TYPE_CHECKING:
    from ..models.progress_filters import ProgressFilters
    from ..models.progress_inputs import ProgressInputs
    from ..models.progress_row import ProgressRow


T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        aggregation (Aggregation):
        baseline (None | str):
        cumulative_from_fy (int | None): For a derived cumulative indicator, the fiscal year its running totals count
            from (the first year on record, whatever from_fy is); null otherwise
        direction (Direction):
        filters (ProgressFilters):
        indicator (str):
        inputs (ProgressInputs):
        measure (Measure):
        method (str):
        rows (list[ProgressRow]):
        source (Source):
    """

    aggregation: Aggregation
    baseline: None | str
    cumulative_from_fy: int | None
    direction: Direction
    filters: ProgressFilters
    indicator: str
    inputs: ProgressInputs
    measure: Measure
    method: str
    rows: list[ProgressRow]
    source: Source
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aggregation = self.aggregation.value

        baseline: None | str
        baseline = self.baseline

        cumulative_from_fy: int | None
        cumulative_from_fy = self.cumulative_from_fy

        direction = self.direction.value

        filters = self.filters.to_dict()

        indicator = self.indicator

        inputs = self.inputs.to_dict()

        measure = self.measure.value

        method = self.method

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aggregation": aggregation,
                "baseline": baseline,
                "cumulative_from_fy": cumulative_from_fy,
                "direction": direction,
                "filters": filters,
                "indicator": indicator,
                "inputs": inputs,
                "measure": measure,
                "method": method,
                "rows": rows,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_filters import ProgressFilters  # noqa: PLC0415
        from ..models.progress_inputs import ProgressInputs  # noqa: PLC0415
        from ..models.progress_row import ProgressRow  # noqa: PLC0415

        d = dict(src_dict)
        aggregation = Aggregation(d.pop("aggregation"))

        def _parse_baseline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline = _parse_baseline(d.pop("baseline"))

        def _parse_cumulative_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cumulative_from_fy = _parse_cumulative_from_fy(d.pop("cumulative_from_fy"))

        direction = Direction(d.pop("direction"))

        filters = ProgressFilters.from_dict(d.pop("filters"))

        indicator = d.pop("indicator")

        inputs = ProgressInputs.from_dict(d.pop("inputs"))

        measure = Measure(d.pop("measure"))

        method = d.pop("method")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ProgressRow.from_dict(rows_item_data)

            rows.append(rows_item)

        source = Source(d.pop("source"))

        progress = cls(
            aggregation=aggregation,
            baseline=baseline,
            cumulative_from_fy=cumulative_from_fy,
            direction=direction,
            filters=filters,
            indicator=indicator,
            inputs=inputs,
            measure=measure,
            method=method,
            rows=rows,
            source=source,
        )

        progress.additional_properties = d
        return progress

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
