from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fact_sheet_filters import FactSheetFilters
    from ..models.figure import Figure


T = TypeVar("T", bound="FactSheet")


@_attrs_define
class FactSheet:
    """
    Attributes:
        figures (list[Figure]):
        filters (FactSheetFilters):
        method (str):
    """

    figures: list[Figure]
    filters: FactSheetFilters
    method: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figures = []
        for figures_item_data in self.figures:
            figures_item = figures_item_data.to_dict()
            figures.append(figures_item)

        filters = self.filters.to_dict()

        method = self.method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "filters": filters,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_sheet_filters import FactSheetFilters  # noqa: PLC0415
        from ..models.figure import Figure  # noqa: PLC0415

        d = dict(src_dict)
        figures = []
        _figures = d.pop("figures")
        for figures_item_data in _figures:
            figures_item = Figure.from_dict(figures_item_data)

            figures.append(figures_item)

        filters = FactSheetFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        fact_sheet = cls(
            figures=figures,
            filters=filters,
            method=method,
        )

        fact_sheet.additional_properties = d
        return fact_sheet

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
