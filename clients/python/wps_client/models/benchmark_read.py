from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BenchmarkRead")


@_attrs_define
class BenchmarkRead:
    """
    Attributes:
        created_at (datetime.datetime):
        fiscal_year (int):
        military_women_share_pct (float):
        partner (str):
        source (str):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    fiscal_year: int
    military_women_share_pct: float
    partner: str
    source: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fiscal_year = self.fiscal_year

        military_women_share_pct = self.military_women_share_pct

        partner = self.partner

        source = self.source

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "fiscal_year": fiscal_year,
                "military_women_share_pct": military_women_share_pct,
                "partner": partner,
                "source": source,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year = d.pop("fiscal_year")

        military_women_share_pct = d.pop("military_women_share_pct")

        partner = d.pop("partner")

        source = d.pop("source")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        benchmark_read = cls(
            created_at=created_at,
            fiscal_year=fiscal_year,
            military_women_share_pct=military_women_share_pct,
            partner=partner,
            source=source,
            updated_at=updated_at,
        )

        benchmark_read.additional_properties = d
        return benchmark_read

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
