from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScorecardFilters")


@_attrs_define
class ScorecardFilters:
    """
    Attributes:
        fiscal_year (int):
        outcome (int | None):
        partner (None | str):
        program (None | str):
        as_known_on (datetime.datetime | None | Unset):
        include (Literal['unapproved'] | None | Unset):
        suppress_below (int | None | Unset):
    """

    fiscal_year: int
    outcome: int | None
    partner: None | str
    program: None | str
    as_known_on: datetime.datetime | None | Unset = UNSET
    include: Literal["unapproved"] | None | Unset = UNSET
    suppress_below: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        outcome: int | None
        outcome = self.outcome

        partner: None | str
        partner = self.partner

        program: None | str
        program = self.program

        as_known_on: None | str | Unset
        if isinstance(self.as_known_on, Unset):
            as_known_on = UNSET
        elif isinstance(self.as_known_on, datetime.datetime):
            as_known_on = self.as_known_on.isoformat()
        else:
            as_known_on = self.as_known_on

        include: Literal["unapproved"] | None | Unset
        if isinstance(self.include, Unset):
            include = UNSET
        else:
            include = self.include

        suppress_below: int | None | Unset
        if isinstance(self.suppress_below, Unset):
            suppress_below = UNSET
        else:
            suppress_below = self.suppress_below

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "outcome": outcome,
                "partner": partner,
                "program": program,
            }
        )
        if as_known_on is not UNSET:
            field_dict["as_known_on"] = as_known_on
        if include is not UNSET:
            field_dict["include"] = include
        if suppress_below is not UNSET:
            field_dict["suppress_below"] = suppress_below

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        def _parse_outcome(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

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

        def _parse_include(data: object) -> Literal["unapproved"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            include_type_0 = cast(Literal["unapproved"], data)
            if include_type_0 != "unapproved":
                raise ValueError(f"include_type_0 must match const 'unapproved', got '{include_type_0}'")
            return include_type_0
            return cast(Literal["unapproved"] | None | Unset, data)

        include = _parse_include(d.pop("include", UNSET))

        def _parse_suppress_below(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        suppress_below = _parse_suppress_below(d.pop("suppress_below", UNSET))

        scorecard_filters = cls(
            fiscal_year=fiscal_year,
            outcome=outcome,
            partner=partner,
            program=program,
            as_known_on=as_known_on,
            include=include,
            suppress_below=suppress_below,
        )

        scorecard_filters.additional_properties = d
        return scorecard_filters

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
