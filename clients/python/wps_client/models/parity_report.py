from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.parity_filters import ParityFilters
    from ..models.parity_row import ParityRow
    from ..models.parity_totals import ParityTotals


T = TypeVar("T", bound="ParityReport")


@_attrs_define
class ParityReport:
    """
    Attributes:
        filters (ParityFilters):
        method (str):
        rows (list[ParityRow]):
        totals (ParityTotals):
    """

    filters: ParityFilters
    method: str
    rows: list[ParityRow]
    totals: ParityTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

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
                "method": method,
                "rows": rows,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parity_filters import ParityFilters  # noqa: PLC0415
        from ..models.parity_row import ParityRow  # noqa: PLC0415
        from ..models.parity_totals import ParityTotals  # noqa: PLC0415

        d = dict(src_dict)
        filters = ParityFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ParityRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = ParityTotals.from_dict(d.pop("totals"))

        parity_report = cls(
            filters=filters,
            method=method,
            rows=rows,
            totals=totals,
        )

        parity_report.additional_properties = d
        return parity_report

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
