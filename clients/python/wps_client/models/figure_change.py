from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figure_change_moved_by import FigureChangeMovedBy


T = TypeVar("T", bound="FigureChange")


@_attrs_define
class FigureChange:
    """
    Attributes:
        after (float | int | None | str):
        before (float | int | None | str):
        changed (bool):
        id (str):
        moved_by (FigureChangeMovedBy): Changes between the dates to the records the figure reads: record kind → action
            (create, update, delete, ...) → how many
        sentence_after (str):
        sentence_before (str):
        unit (str):
    """

    after: float | int | None | str
    before: float | int | None | str
    changed: bool
    id: str
    moved_by: FigureChangeMovedBy
    sentence_after: str
    sentence_before: str
    unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after: float | int | None | str
        after = self.after

        before: float | int | None | str
        before = self.before

        changed = self.changed

        id = self.id

        moved_by = self.moved_by.to_dict()

        sentence_after = self.sentence_after

        sentence_before = self.sentence_before

        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "changed": changed,
                "id": id,
                "moved_by": moved_by,
                "sentence_after": sentence_after,
                "sentence_before": sentence_before,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_change_moved_by import FigureChangeMovedBy  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_after(data: object) -> float | int | None | str:
            if data is None:
                return data
            return cast(float | int | None | str, data)

        after = _parse_after(d.pop("after"))

        def _parse_before(data: object) -> float | int | None | str:
            if data is None:
                return data
            return cast(float | int | None | str, data)

        before = _parse_before(d.pop("before"))

        changed = d.pop("changed")

        id = d.pop("id")

        moved_by = FigureChangeMovedBy.from_dict(d.pop("moved_by"))

        sentence_after = d.pop("sentence_after")

        sentence_before = d.pop("sentence_before")

        unit = d.pop("unit")

        figure_change = cls(
            after=after,
            before=before,
            changed=changed,
            id=id,
            moved_by=moved_by,
            sentence_after=sentence_after,
            sentence_before=sentence_before,
            unit=unit,
        )

        figure_change.additional_properties = d
        return figure_change

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
