from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.completions_by_partner import CompletionsByPartner
    from ..models.completions_by_year import CompletionsByYear
    from ..models.completions_filters import CompletionsFilters
    from ..models.completions_totals import CompletionsTotals


T = TypeVar("T", bound="CompletionsReport")


@_attrs_define
class CompletionsReport:
    """
    Attributes:
        filters (CompletionsFilters):
        method (str):
        rows (list[CompletionsByPartner] | list[CompletionsByYear]):
        totals (CompletionsTotals):
    """

    filters: CompletionsFilters
    method: str
    rows: list[CompletionsByPartner] | list[CompletionsByYear]
    totals: CompletionsTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filters = self.filters.to_dict()

        method = self.method

        rows: list[dict[str, Any]]
        if isinstance(self.rows, list):
            rows = []
            for rows_type_0_item_data in self.rows:
                rows_type_0_item = rows_type_0_item_data.to_dict()
                rows.append(rows_type_0_item)

        else:
            rows = []
            for rows_type_1_item_data in self.rows:
                rows_type_1_item = rows_type_1_item_data.to_dict()
                rows.append(rows_type_1_item)

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
        from ..models.completions_by_partner import CompletionsByPartner  # noqa: PLC0415
        from ..models.completions_by_year import CompletionsByYear  # noqa: PLC0415
        from ..models.completions_filters import CompletionsFilters  # noqa: PLC0415
        from ..models.completions_totals import CompletionsTotals  # noqa: PLC0415

        d = dict(src_dict)
        filters = CompletionsFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        def _parse_rows(data: object) -> list[CompletionsByPartner] | list[CompletionsByYear]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rows_type_0 = []
                _rows_type_0 = data
                for rows_type_0_item_data in _rows_type_0:
                    rows_type_0_item = CompletionsByYear.from_dict(rows_type_0_item_data)

                    rows_type_0.append(rows_type_0_item)

                return rows_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            rows_type_1 = []
            _rows_type_1 = data
            for rows_type_1_item_data in _rows_type_1:
                rows_type_1_item = CompletionsByPartner.from_dict(rows_type_1_item_data)

                rows_type_1.append(rows_type_1_item)

            return rows_type_1

        rows = _parse_rows(d.pop("rows"))

        totals = CompletionsTotals.from_dict(d.pop("totals"))

        completions_report = cls(
            filters=filters,
            method=method,
            rows=rows,
            totals=totals,
        )

        completions_report.additional_properties = d
        return completions_report

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
