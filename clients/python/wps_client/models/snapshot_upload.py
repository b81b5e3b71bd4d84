from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skipped_row import SkippedRow
    from ..models.uploaded_snapshot import UploadedSnapshot


T = TypeVar("T", bound="SnapshotUpload")


@_attrs_define
class SnapshotUpload:
    """The answer to an upload: a snapshot per month of the file, earliest first.

    Attributes:
        checksum (str): SHA-256 (hex) of the file as uploaded
        created (bool): At least one snapshot is new
        row_count (int): Data rows in the file
        skipped_count (int): Rows left out because their code is no country
        skipped_rows (list[SkippedRow]):
        snapshots (list[UploadedSnapshot]):
    """

    checksum: str
    created: bool
    row_count: int
    skipped_count: int
    skipped_rows: list[SkippedRow]
    snapshots: list[UploadedSnapshot]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checksum = self.checksum

        created = self.created

        row_count = self.row_count

        skipped_count = self.skipped_count

        skipped_rows = []
        for skipped_rows_item_data in self.skipped_rows:
            skipped_rows_item = skipped_rows_item_data.to_dict()
            skipped_rows.append(skipped_rows_item)

        snapshots = []
        for snapshots_item_data in self.snapshots:
            snapshots_item = snapshots_item_data.to_dict()
            snapshots.append(snapshots_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checksum": checksum,
                "created": created,
                "row_count": row_count,
                "skipped_count": skipped_count,
                "skipped_rows": skipped_rows,
                "snapshots": snapshots,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_row import SkippedRow  # noqa: PLC0415
        from ..models.uploaded_snapshot import UploadedSnapshot  # noqa: PLC0415

        d = dict(src_dict)
        checksum = d.pop("checksum")

        created = d.pop("created")

        row_count = d.pop("row_count")

        skipped_count = d.pop("skipped_count")

        skipped_rows = []
        _skipped_rows = d.pop("skipped_rows")
        for skipped_rows_item_data in _skipped_rows:
            skipped_rows_item = SkippedRow.from_dict(skipped_rows_item_data)

            skipped_rows.append(skipped_rows_item)

        snapshots = []
        _snapshots = d.pop("snapshots")
        for snapshots_item_data in _snapshots:
            snapshots_item = UploadedSnapshot.from_dict(snapshots_item_data)

            snapshots.append(snapshots_item)

        snapshot_upload = cls(
            checksum=checksum,
            created=created,
            row_count=row_count,
            skipped_count=skipped_count,
            skipped_rows=skipped_rows,
            snapshots=snapshots,
        )

        snapshot_upload.additional_properties = d
        return snapshot_upload

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
