from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upgrades_filters import UpgradesFilters
    from ..models.upgrades_row import UpgradesRow
    from ..models.upgrades_totals import UpgradesTotals


T = TypeVar("T", bound="UpgradesReport")


@_attrs_define
class UpgradesReport:
    """
    Attributes:
        filters (UpgradesFilters):
        group_by (list[str]):
        method (str):
        rows (list[UpgradesRow]):
        totals (UpgradesTotals):
    """

    filters: UpgradesFilters
    group_by: list[str]
    method: str
    rows: list[UpgradesRow]
    totals: UpgradesTotals
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
        from ..models.upgrades_filters import UpgradesFilters  # noqa: PLC0415
        from ..models.upgrades_row import UpgradesRow  # noqa: PLC0415
        from ..models.upgrades_totals import UpgradesTotals  # noqa: PLC0415

        d = dict(src_dict)
        filters = UpgradesFilters.from_dict(d.pop("filters"))

        group_by = cast(list[str], d.pop("group_by"))

        method = d.pop("method")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = UpgradesRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = UpgradesTotals.from_dict(d.pop("totals"))

        upgrades_report = cls(
            filters=filters,
            group_by=group_by,
            method=method,
            rows=rows,
            totals=totals,
        )

        upgrades_report.additional_properties = d
        return upgrades_report

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
