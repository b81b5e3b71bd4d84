from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompletionsTotals")


@_attrs_define
class CompletionsTotals:
    """
    Attributes:
        men (int):
        total (int):
        women (int):
        women_share_pct (float | None):
    """

    men: int
    total: int
    women: int
    women_share_pct: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        men = self.men

        total = self.total

        women = self.women

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "men": men,
                "total": total,
                "women": women,
                "women_share_pct": women_share_pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        men = d.pop("men")

        total = d.pop("total")

        women = d.pop("women")

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

        completions_totals = cls(
            men=men,
            total=total,
            women=women,
            women_share_pct=women_share_pct,
        )

        completions_totals.additional_properties = d
        return completions_totals

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
