from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultCreate")


@_attrs_define
class ResultCreate:
    """
    Attributes:
        fiscal_year (int):
        denominator (float | None | str | Unset): Default: `null`.
        men (int | None | Unset): Default: `null`.
        narrative (None | str | Unset): Default: `null`.
        numerator (float | None | str | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        rationale (None | str | Unset): Default: `null`.
        unreported (int | None | Unset): Default: `null`.
        value (float | None | str | Unset): Default: `null`.
        women (int | None | Unset): Default: `null`.
    """

    fiscal_year: int
    denominator: float | None | str | Unset = UNSET
    men: int | None | Unset = UNSET
    narrative: None | str | Unset = UNSET
    numerator: float | None | str | Unset = UNSET
    partner: None | str | Unset = UNSET
    rationale: None | str | Unset = UNSET
    unreported: int | None | Unset = UNSET
    value: float | None | str | Unset = UNSET
    women: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        denominator: float | None | str | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        men: int | None | Unset
        if isinstance(self.men, Unset):
            men = UNSET
        else:
            men = self.men

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        numerator: float | None | str | Unset
        if isinstance(self.numerator, Unset):
            numerator = UNSET
        else:
            numerator = self.numerator

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        unreported: int | None | Unset
        if isinstance(self.unreported, Unset):
            unreported = UNSET
        else:
            unreported = self.unreported

        value: float | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        women: int | None | Unset
        if isinstance(self.women, Unset):
            women = UNSET
        else:
            women = self.women

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
            }
        )
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if men is not UNSET:
            field_dict["men"] = men
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if numerator is not UNSET:
            field_dict["numerator"] = numerator
        if partner is not UNSET:
            field_dict["partner"] = partner
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if unreported is not UNSET:
            field_dict["unreported"] = unreported
        if value is not UNSET:
            field_dict["value"] = value
        if women is not UNSET:
            field_dict["women"] = women

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        def _parse_denominator(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        def _parse_men(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        men = _parse_men(d.pop("men", UNSET))

        def _parse_narrative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrative = _parse_narrative(d.pop("narrative", UNSET))

        def _parse_numerator(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        numerator = _parse_numerator(d.pop("numerator", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_unreported(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unreported = _parse_unreported(d.pop("unreported", UNSET))

        def _parse_value(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_women(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        women = _parse_women(d.pop("women", UNSET))

        result_create = cls(
            fiscal_year=fiscal_year,
            denominator=denominator,
            men=men,
            narrative=narrative,
            numerator=numerator,
            partner=partner,
            rationale=rationale,
            unreported=unreported,
            value=value,
            women=women,
        )

        return result_create
