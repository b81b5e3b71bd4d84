from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionsByYear")


@_attrs_define
class CompletionsByYear:
    """
    Attributes:
        fiscal_year (int):
        men (int | None):
        total (int | None):
        women (int | None):
        suppressed (list[str] | None | Unset):
    """

    fiscal_year: int
    men: int | None
    total: int | None
    women: int | None
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        men: int | None
        men = self.men

        total: int | None
        total = self.total

        women: int | None
        women = self.women

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
                "fiscal_year": fiscal_year,
                "men": men,
                "total": total,
                "women": women,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

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

        completions_by_year = cls(
            fiscal_year=fiscal_year,
            men=men,
            total=total,
            women=women,
            suppressed=suppressed,
        )

        completions_by_year.additional_properties = d
        return completions_by_year

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
