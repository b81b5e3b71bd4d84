from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_filters import FundingFilters
    from ..models.funding_row import FundingRow
    from ..models.funding_totals import FundingTotals


T = TypeVar("T", bound="FundingReport")


@_attrs_define
class FundingReport:
    """
    Attributes:
        filters (FundingFilters):
        group_by (list[str]):
        method (str):
        rows (list[FundingRow]):
        totals (FundingTotals):
    """

    filters: FundingFilters
    group_by: list[str]
    method: str
    rows: list[FundingRow]
    totals: FundingTotals
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
        from ..models.funding_filters import FundingFilters  # noqa: PLC0415
        from ..models.funding_row import FundingRow  # noqa: PLC0415
        from ..models.funding_totals import FundingTotals  # noqa: PLC0415

        d = dict(src_dict)
        filters = FundingFilters.from_dict(d.pop("filters"))

        group_by = cast(list[str], d.pop("group_by"))

        method = d.pop("method")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = FundingRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = FundingTotals.from_dict(d.pop("totals"))

        funding_report = cls(
            filters=filters,
            group_by=group_by,
            method=method,
            rows=rows,
            totals=totals,
        )

        funding_report.additional_properties = d
        return funding_report

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
