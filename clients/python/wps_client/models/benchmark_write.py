from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BenchmarkWrite")


@_attrs_define
class BenchmarkWrite:
    """
    Attributes:
        military_women_share_pct (float | str):
        source (str):
    """

    military_women_share_pct: float | str
    source: str

    def to_dict(self) -> dict[str, Any]:
        military_women_share_pct: float | str
        military_women_share_pct = self.military_women_share_pct

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "military_women_share_pct": military_women_share_pct,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_military_women_share_pct(data: object) -> float | str:
            return cast(float | str, data)

        military_women_share_pct = _parse_military_women_share_pct(d.pop("military_women_share_pct"))

        source = d.pop("source")

        benchmark_write = cls(
            military_women_share_pct=military_women_share_pct,
            source=source,
        )

        return benchmark_write
