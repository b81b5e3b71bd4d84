from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadedSnapshot")


@_attrs_define
class UploadedSnapshot:
    """
    Attributes:
        checksum (str): SHA-256 (hex) of the file as uploaded; shared by every month of the file
        contribution_count (int): Stored rows: the month aggregated per country, mission and personnel type
        created (bool): false: this month of these exact bytes was stored before (that snapshot)
        id (int):
        reporting_date (datetime.date): The month's latest Last_Reporting_Date: the date the snapshot is as of
        reporting_dates (list[datetime.date]): Every Last_Reporting_Date of the month's rows, earliest first: a month
            reported on more than one day (the 30th and the 31st) is one snapshot holding them all
        row_count (int): Data rows of this month in the file, skipped ones included
        skipped_count (int): Rows of this month left out: code is no country
        uploaded_at (datetime.datetime):
    """

    checksum: str
    contribution_count: int
    created: bool
    id: int
    reporting_date: datetime.date
    reporting_dates: list[datetime.date]
    row_count: int
    skipped_count: int
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checksum = self.checksum

        contribution_count = self.contribution_count

        created = self.created

        id = self.id

        reporting_date = self.reporting_date.isoformat()

        reporting_dates = []
        for reporting_dates_item_data in self.reporting_dates:
            reporting_dates_item = reporting_dates_item_data.isoformat()
            reporting_dates.append(reporting_dates_item)

        row_count = self.row_count

        skipped_count = self.skipped_count

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checksum": checksum,
                "contribution_count": contribution_count,
                "created": created,
                "id": id,
                "reporting_date": reporting_date,
                "reporting_dates": reporting_dates,
                "row_count": row_count,
                "skipped_count": skipped_count,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checksum = d.pop("checksum")

        contribution_count = d.pop("contribution_count")

        created = d.pop("created")

        id = d.pop("id")

        reporting_date = datetime.date.fromisoformat(d.pop("reporting_date"))

        reporting_dates = []
        _reporting_dates = d.pop("reporting_dates")
        for reporting_dates_item_data in _reporting_dates:
            reporting_dates_item = datetime.date.fromisoformat(reporting_dates_item_data)

            reporting_dates.append(reporting_dates_item)

        row_count = d.pop("row_count")

        skipped_count = d.pop("skipped_count")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        uploaded_snapshot = cls(
            checksum=checksum,
            contribution_count=contribution_count,
            created=created,
            id=id,
            reporting_date=reporting_date,
            reporting_dates=reporting_dates,
            row_count=row_count,
            skipped_count=skipped_count,
            uploaded_at=uploaded_at,
        )

        uploaded_snapshot.additional_properties = d
        return uploaded_snapshot

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
