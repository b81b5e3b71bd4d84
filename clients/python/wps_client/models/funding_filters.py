from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingFilters")


@_attrs_define
class FundingFilters:
    """
    Attributes:
        fiscal_year (int | None):
        from_fy (int | None):
        partner (None | str):
        program (None | str):
        purpose (None | str):
        to_fy (int | None):
        type_ (str):
        as_known_on (datetime.datetime | None | Unset):
    """

    fiscal_year: int | None
    from_fy: int | None
    partner: None | str
    program: None | str
    purpose: None | str
    to_fy: int | None
    type_: str
    as_known_on: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        from_fy: int | None
        from_fy = self.from_fy

        partner: None | str
        partner = self.partner

        program: None | str
        program = self.program

        purpose: None | str
        purpose = self.purpose

        to_fy: int | None
        to_fy = self.to_fy

        type_ = self.type_

        as_known_on: None | str | Unset
        if isinstance(self.as_known_on, Unset):
            as_known_on = UNSET
        elif isinstance(self.as_known_on, datetime.datetime):
            as_known_on = self.as_known_on.isoformat()
        else:
            as_known_on = self.as_known_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "from_fy": from_fy,
                "partner": partner,
                "program": program,
                "purpose": purpose,
                "to_fy": to_fy,
                "type": type_,
            }
        )
        if as_known_on is not UNSET:
            field_dict["as_known_on"] = as_known_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))

        def _parse_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_fy = _parse_from_fy(d.pop("from_fy"))

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        def _parse_program(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program = _parse_program(d.pop("program"))

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        def _parse_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_fy = _parse_to_fy(d.pop("to_fy"))

        type_ = d.pop("type")

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

        funding_filters = cls(
            fiscal_year=fiscal_year,
            from_fy=from_fy,
            partner=partner,
            program=program,
            purpose=purpose,
            to_fy=to_fy,
            type_=type_,
            as_known_on=as_known_on,
        )

        funding_filters.additional_properties = d
        return funding_filters

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
