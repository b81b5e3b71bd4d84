from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.region import Region

T = TypeVar("T", bound="PartnerRead")


@_attrs_define
class PartnerRead:
    """
    Attributes:
        alpha2 (str):
        code (str): ISO 3166-1 alpha-3
        created_at (datetime.datetime):
        name (str):
        numeric (None | str):
        region (Region): State Department regional bureaus; accepted in any case.
        updated_at (datetime.datetime):
    """

    alpha2: str
    code: str
    created_at: datetime.datetime
    name: str
    numeric: None | str
    region: Region
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha2 = self.alpha2

        code = self.code

        created_at = self.created_at.isoformat()

        name = self.name

        numeric: None | str
        numeric = self.numeric

        region = self.region.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alpha2": alpha2,
                "code": code,
                "created_at": created_at,
                "name": name,
                "numeric": numeric,
                "region": region,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha2 = d.pop("alpha2")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        name = d.pop("name")

        def _parse_numeric(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        numeric = _parse_numeric(d.pop("numeric"))

        region = Region(d.pop("region"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        partner_read = cls(
            alpha2=alpha2,
            code=code,
            created_at=created_at,
            name=name,
            numeric=numeric,
            region=region,
            updated_at=updated_at,
        )

        partner_read.additional_properties = d
        return partner_read

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
