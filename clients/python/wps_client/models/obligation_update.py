from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funding_type import FundingType
from ..models.purpose import Purpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObligationUpdate")


@_attrs_define
class ObligationUpdate:
    """
    Attributes:
        amount_usd (float | None | str | Unset): Default: `null`.
        fiscal_year (int | None | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        project (None | str | Unset): Default: `null`.
        purposes (list[Purpose] | None | Unset): Default: `null`.
        source_ref (None | str | Unset): Default: `null`.
        type_ (FundingType | None | Unset): Default: `null`.
    """

    amount_usd: float | None | str | Unset = UNSET
    fiscal_year: int | None | Unset = UNSET
    partner: None | str | Unset = UNSET
    program: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    purposes: list[Purpose] | None | Unset = UNSET
    source_ref: None | str | Unset = UNSET
    type_: FundingType | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_usd: float | None | str | Unset
        if isinstance(self.amount_usd, Unset):
            amount_usd = UNSET
        else:
            amount_usd = self.amount_usd

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        else:
            program = self.program

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        purposes: list[str] | None | Unset
        if isinstance(self.purposes, Unset):
            purposes = UNSET
        elif isinstance(self.purposes, list):
            purposes = []
            for purposes_type_0_item_data in self.purposes:
                purposes_type_0_item = purposes_type_0_item_data.value
                purposes.append(purposes_type_0_item)

        else:
            purposes = self.purposes

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, FundingType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount_usd is not UNSET:
            field_dict["amount_usd"] = amount_usd
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if partner is not UNSET:
            field_dict["partner"] = partner
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project
        if purposes is not UNSET:
            field_dict["purposes"] = purposes
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount_usd(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount_usd = _parse_amount_usd(d.pop("amount_usd", UNSET))

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_program(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_purposes(data: object) -> list[Purpose] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                purposes_type_0 = []
                _purposes_type_0 = data
                for purposes_type_0_item_data in _purposes_type_0:
                    purposes_type_0_item = Purpose(purposes_type_0_item_data)

                    purposes_type_0.append(purposes_type_0_item)

                return purposes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Purpose] | None | Unset, data)

        purposes = _parse_purposes(d.pop("purposes", UNSET))

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        def _parse_type_(data: object) -> FundingType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = FundingType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundingType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        obligation_update = cls(
            amount_usd=amount_usd,
            fiscal_year=fiscal_year,
            partner=partner,
            program=program,
            project=project,
            purposes=purposes,
            source_ref=source_ref,
            type_=type_,
        )

        return obligation_update
