from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.milestones_filters import MilestonesFilters
    from ..models.milestones_row import MilestonesRow
    from ..models.milestones_totals import MilestonesTotals


T = TypeVar("T", bound="MilestonesReport")


@_attrs_define
class MilestonesReport:
    """
    Attributes:
        filters (MilestonesFilters):
        group_by (list[str]):
        method (str):
        rows (list[MilestonesRow]):
        totals (MilestonesTotals):
    """

    filters: MilestonesFilters
    group_by: list[str]
    method: str
    rows: list[MilestonesRow]
    totals: MilestonesTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

        group_by = self.group_by

        method = self.method

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filters": filters,
                "group_by": group_by,
                "method": method,
                "rows": rows,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestones_filters import MilestonesFilters  # noqa: PLC0415
        from ..models.milestones_row import MilestonesRow  # noqa: PLC0415
        from ..models.milestones_totals import MilestonesTotals  # noqa: PLC0415

        d = dict(src_dict)
        filters = MilestonesFilters.from_dict(d.pop("filters"))

        group_by = cast(list[str], d.pop("group_by"))

        method = d.pop("method")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = MilestonesRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = MilestonesTotals.from_dict(d.pop("totals"))

        milestones_report = cls(
            filters=filters,
            group_by=group_by,
            method=method,
            rows=rows,
            totals=totals,
        )

        milestones_report.additional_properties = d
        return milestones_report

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
