from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FactSheetFilters")


@_attrs_define
class FactSheetFilters:
    """
    Attributes:
        as_of (datetime.date):
        fiscal_year (int):
        as_known_on (datetime.datetime | None | Unset):
        suppress_below (int | None | Unset):
    """

    as_of: datetime.date
    fiscal_year: int
    as_known_on: datetime.datetime | None | Unset = UNSET
    suppress_below: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        fiscal_year = self.fiscal_year

        as_known_on: None | str | Unset
        if isinstance(self.as_known_on, Unset):
            as_known_on = UNSET
        elif isinstance(self.as_known_on, datetime.datetime):
            as_known_on = self.as_known_on.isoformat()
        else:
            as_known_on = self.as_known_on

        suppress_below: int | None | Unset
        if isinstance(self.suppress_below, Unset):
            suppress_below = UNSET
        else:
            suppress_below = self.suppress_below

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "fiscal_year": fiscal_year,
            }
        )
        if as_known_on is not UNSET:
            field_dict["as_known_on"] = as_known_on
        if suppress_below is not UNSET:
            field_dict["suppress_below"] = suppress_below

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        fiscal_year = d.pop("fiscal_year")

        def _parse_as_known_on(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_known_on_type_0 = datetime.datetime.fromisoformat(data)

                return as_known_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_known_on = _parse_as_known_on(d.pop("as_known_on", UNSET))

        def _parse_suppress_below(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        suppress_below = _parse_suppress_below(d.pop("suppress_below", UNSET))

        fact_sheet_filters = cls(
            as_of=as_of,
            fiscal_year=fiscal_year,
            as_known_on=as_known_on,
            suppress_below=suppress_below,
        )

        fact_sheet_filters.additional_properties = d
        return fact_sheet_filters

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
