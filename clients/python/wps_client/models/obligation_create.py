from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funding_type import FundingType
from ..models.purpose import Purpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="ObligationCreate")


@_attrs_define
class ObligationCreate:
    """
    Attributes:
        amount_usd (float | str): USD, e.g. "1000000.00"
        fiscal_year (int):
        program (str):
        partner (None | str | Unset): Default: `null`.
        project (None | str | Unset): The award it funds (a project of the same program) Default: `null`.
        purposes (list[Purpose] | Unset): Default: `[]`.
        source_ref (None | str | Unset): Default: `null`.
        type_ (FundingType | Unset):
    """

    amount_usd: float | str
    fiscal_year: int
    program: str
    partner: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    purposes: list[Purpose] | Unset = UNSET
    source_ref: None | str | Unset = UNSET
    type_: FundingType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_usd: float | str
        amount_usd = self.amount_usd

        fiscal_year = self.fiscal_year

        program = self.program

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        purposes: list[str] | Unset = UNSET
        if not isinstance(self.purposes, Unset):
            purposes = []
            for purposes_item_data in self.purposes:
                purposes_item = purposes_item_data.value
                purposes.append(purposes_item)

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_usd": amount_usd,
                "fiscal_year": fiscal_year,
                "program": program,
            }
        )
        if partner is not UNSET:
            field_dict["partner"] = partner
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

        def _parse_amount_usd(data: object) -> float | str:
            return cast(float | str, data)

        amount_usd = _parse_amount_usd(d.pop("amount_usd"))

        fiscal_year = d.pop("fiscal_year")

        program = d.pop("program")

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        _purposes = d.pop("purposes", UNSET)
        purposes: list[Purpose] | Unset = UNSET
        if _purposes is not UNSET:
            purposes = []
            for purposes_item_data in _purposes:
                purposes_item = Purpose(purposes_item_data)

                purposes.append(purposes_item)

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: FundingType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = FundingType(_type_)

        obligation_create = cls(
            amount_usd=amount_usd,
            fiscal_year=fiscal_year,
            program=program,
            partner=partner,
            project=project,
            purposes=purposes,
            source_ref=source_ref,
            type_=type_,
        )

        return obligation_create
