from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultUpdate")


@_attrs_define
class ResultUpdate:
    """The figures of a result; its fiscal year and partner are its identity (fixed).

    Attributes:
        denominator (float | None | str | Unset): Default: `null`.
        men (int | None | Unset): Default: `null`.
        narrative (None | str | Unset): Default: `null`.
        numerator (float | None | str | Unset): Default: `null`.
        rationale (None | str | Unset): Default: `null`.
        unreported (int | None | Unset): Default: `null`.
        value (float | None | str | Unset): Default: `null`.
        women (int | None | Unset): Default: `null`.
    """

    denominator: float | None | str | Unset = UNSET
    men: int | None | Unset = UNSET
    narrative: None | str | Unset = UNSET
    numerator: float | None | str | Unset = UNSET
    rationale: None | str | Unset = UNSET
    unreported: int | None | Unset = UNSET
    value: float | None | str | Unset = UNSET
    women: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        field_dict.update({})
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if men is not UNSET:
            field_dict["men"] = men
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if numerator is not UNSET:
            field_dict["numerator"] = numerator
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

        result_update = cls(
            denominator=denominator,
            men=men,
            narrative=narrative,
            numerator=numerator,
            rationale=rationale,
            unreported=unreported,
            value=value,
            women=women,
        )

        return result_update
