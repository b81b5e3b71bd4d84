from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figure_change_moved_by_additional_property import FigureChangeMovedByAdditionalProperty


T = TypeVar("T", bound="FigureChangeMovedBy")


@_attrs_define
class FigureChangeMovedBy:
    """Changes between the dates to the records the figure reads: record kind → action (create, update, delete, ...) → how
    many

    """

    additional_properties: dict[str, FigureChangeMovedByAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_change_moved_by_additional_property import FigureChangeMovedByAdditionalProperty  # noqa: PLC0415

        d = dict(src_dict)
        figure_change_moved_by = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = FigureChangeMovedByAdditionalProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        figure_change_moved_by.additional_properties = additional_properties
        return figure_change_moved_by

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> FigureChangeMovedByAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: FigureChangeMovedByAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
