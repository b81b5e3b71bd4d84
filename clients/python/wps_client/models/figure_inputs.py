from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure_inputs_records import FigureInputsRecords
    from ..models.snapshot_input import SnapshotInput


T = TypeVar("T", bound="FigureInputs")


@_attrs_define
class FigureInputs:
    """
    Attributes:
        call (str): The API call (GET, relative to the service) that answers it
        records (FigureInputsRecords | Unset): How many records of each kind the figure counts
        snapshots (list[SnapshotInput] | Unset):
        suppressed (list[str] | Unset): The report's withheld totals (suppress_below)
        suppressed_rows (int | Unset): The report's rows with a withheld count Default: 0.
    """

    call: str
    records: FigureInputsRecords | Unset = UNSET
    snapshots: list[SnapshotInput] | Unset = UNSET
    suppressed: list[str] | Unset = UNSET
    suppressed_rows: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call = self.call

        records: dict[str, Any] | Unset = UNSET
        if not isinstance(self.records, Unset):
            records = self.records.to_dict()

        snapshots: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.snapshots, Unset):
            snapshots = []
            for snapshots_item_data in self.snapshots:
                snapshots_item = snapshots_item_data.to_dict()
                snapshots.append(snapshots_item)

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        suppressed_rows = self.suppressed_rows

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call": call,
            }
        )
        if records is not UNSET:
            field_dict["records"] = records
        if snapshots is not UNSET:
            field_dict["snapshots"] = snapshots
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed
        if suppressed_rows is not UNSET:
            field_dict["suppressed_rows"] = suppressed_rows

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_inputs_records import FigureInputsRecords  # noqa: PLC0415
        from ..models.snapshot_input import SnapshotInput  # noqa: PLC0415

        d = dict(src_dict)
        call = d.pop("call")

        _records = d.pop("records", UNSET)
        records: FigureInputsRecords | Unset
        if isinstance(_records, Unset):
            records = UNSET
        else:
            records = FigureInputsRecords.from_dict(_records)

        _snapshots = d.pop("snapshots", UNSET)
        snapshots: list[SnapshotInput] | Unset = UNSET
        if _snapshots is not UNSET:
            snapshots = []
            for snapshots_item_data in _snapshots:
                snapshots_item = SnapshotInput.from_dict(snapshots_item_data)

                snapshots.append(snapshots_item)

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        suppressed_rows = d.pop("suppressed_rows", UNSET)

        figure_inputs = cls(
            call=call,
            records=records,
            snapshots=snapshots,
            suppressed=suppressed,
            suppressed_rows=suppressed_rows,
        )

        figure_inputs.additional_properties = d
        return figure_inputs

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
