from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fact_sheet_changes_changes import FactSheetChangesChanges
    from ..models.fact_sheet_changes_filters import FactSheetChangesFilters
    from ..models.figure_change import FigureChange
    from ..models.snapshot_input import SnapshotInput


T = TypeVar("T", bound="FactSheetChanges")


@_attrs_define
class FactSheetChanges:
    """
    Attributes:
        changes (FactSheetChangesChanges): Every change recorded between the dates: record kind → action → how many
        figures (list[FigureChange]):
        filters (FactSheetChangesFilters):
        method (str):
        snapshots_uploaded (list[SnapshotInput]):
    """

    changes: FactSheetChangesChanges
    figures: list[FigureChange]
    filters: FactSheetChangesFilters
    method: str
    snapshots_uploaded: list[SnapshotInput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = self.changes.to_dict()

        figures = []
        for figures_item_data in self.figures:
            figures_item = figures_item_data.to_dict()
            figures.append(figures_item)

        filters = self.filters.to_dict()

        method = self.method

        snapshots_uploaded = []
        for snapshots_uploaded_item_data in self.snapshots_uploaded:
            snapshots_uploaded_item = snapshots_uploaded_item_data.to_dict()
            snapshots_uploaded.append(snapshots_uploaded_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "figures": figures,
                "filters": filters,
                "method": method,
                "snapshots_uploaded": snapshots_uploaded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_sheet_changes_changes import FactSheetChangesChanges  # noqa: PLC0415
        from ..models.fact_sheet_changes_filters import FactSheetChangesFilters  # noqa: PLC0415
        from ..models.figure_change import FigureChange  # noqa: PLC0415
        from ..models.snapshot_input import SnapshotInput  # noqa: PLC0415

        d = dict(src_dict)
        changes = FactSheetChangesChanges.from_dict(d.pop("changes"))

        figures = []
        _figures = d.pop("figures")
        for figures_item_data in _figures:
            figures_item = FigureChange.from_dict(figures_item_data)

            figures.append(figures_item)

        filters = FactSheetChangesFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        snapshots_uploaded = []
        _snapshots_uploaded = d.pop("snapshots_uploaded")
        for snapshots_uploaded_item_data in _snapshots_uploaded:
            snapshots_uploaded_item = SnapshotInput.from_dict(snapshots_uploaded_item_data)

            snapshots_uploaded.append(snapshots_uploaded_item)

        fact_sheet_changes = cls(
            changes=changes,
            figures=figures,
            filters=filters,
            method=method,
            snapshots_uploaded=snapshots_uploaded,
        )

        fact_sheet_changes.additional_properties = d
        return fact_sheet_changes

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
