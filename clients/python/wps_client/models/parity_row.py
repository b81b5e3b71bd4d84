from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParityRow")


@_attrs_define
class ParityRow:
    """
    Attributes:
        benchmark_pct (float | None):
        gap_points (float | None):
        meets_benchmark (bool | None):
        nominations (int | None):
        partner (str):
        women (int | None):
        women_share_pct (float | None):
        suppressed (list[str] | None | Unset):
    """

    benchmark_pct: float | None
    gap_points: float | None
    meets_benchmark: bool | None
    nominations: int | None
    partner: str
    women: int | None
    women_share_pct: float | None
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        benchmark_pct: float | None
        benchmark_pct = self.benchmark_pct

        gap_points: float | None
        gap_points = self.gap_points

        meets_benchmark: bool | None
        meets_benchmark = self.meets_benchmark

        nominations: int | None
        nominations = self.nominations

        partner = self.partner

        women: int | None
        women = self.women

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "benchmark_pct": benchmark_pct,
                "gap_points": gap_points,
                "meets_benchmark": meets_benchmark,
                "nominations": nominations,
                "partner": partner,
                "women": women,
                "women_share_pct": women_share_pct,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_benchmark_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        benchmark_pct = _parse_benchmark_pct(d.pop("benchmark_pct"))

        def _parse_gap_points(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gap_points = _parse_gap_points(d.pop("gap_points"))

        def _parse_meets_benchmark(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        meets_benchmark = _parse_meets_benchmark(d.pop("meets_benchmark"))

        def _parse_nominations(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        nominations = _parse_nominations(d.pop("nominations"))

        partner = d.pop("partner")

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

        def _parse_suppressed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suppressed_type_0 = cast(list[str], data)

                return suppressed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        suppressed = _parse_suppressed(d.pop("suppressed", UNSET))

        parity_row = cls(
            benchmark_pct=benchmark_pct,
            gap_points=gap_points,
            meets_benchmark=meets_benchmark,
            nominations=nominations,
            partner=partner,
            women=women,
            women_share_pct=women_share_pct,
            suppressed=suppressed,
        )

        parity_row.additional_properties = d
        return parity_row

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
