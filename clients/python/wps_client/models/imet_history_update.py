from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImetHistoryUpdate")


@_attrs_define
class ImetHistoryUpdate:
    """
    Attributes:
        fiscal_year (int | None | Unset): Default: `null`.
        men (int | None | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        source (None | str | Unset): Default: `null`.
        source_ref (None | str | Unset): Default: `null`.
        women (int | None | Unset): Default: `null`.
    """

    fiscal_year: int | None | Unset = UNSET
    men: int | None | Unset = UNSET
    partner: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    source_ref: None | str | Unset = UNSET
    women: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        men: int | None | Unset
        if isinstance(self.men, Unset):
            men = UNSET
        else:
            men = self.men

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        women: int | None | Unset
        if isinstance(self.women, Unset):
            women = UNSET
        else:
            women = self.women

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if men is not UNSET:
            field_dict["men"] = men
        if partner is not UNSET:
            field_dict["partner"] = partner
        if source is not UNSET:
            field_dict["source"] = source
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref
        if women is not UNSET:
            field_dict["women"] = women

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_men(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        men = _parse_men(d.pop("men", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        def _parse_women(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        women = _parse_women(d.pop("women", UNSET))

        imet_history_update = cls(
            fiscal_year=fiscal_year,
            men=men,
            partner=partner,
            source=source,
            source_ref=source_ref,
            women=women,
        )

        return imet_history_update
