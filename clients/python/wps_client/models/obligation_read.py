from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_type import FundingType

T = TypeVar("T", bound="ObligationRead")


@_attrs_define
class ObligationRead:
    """
    Attributes:
        amount_usd (str):
        created_at (datetime.datetime):
        fiscal_year (int):
        id (int):
        partner (None | str): ISO alpha-3
        program (str):
        project (None | str):
        purposes (list[str]):
        source_ref (None | str):
        type_ (FundingType):
        updated_at (datetime.datetime):
    """

    amount_usd: str
    created_at: datetime.datetime
    fiscal_year: int
    id: int
    partner: None | str
    program: str
    project: None | str
    purposes: list[str]
    source_ref: None | str
    type_: FundingType
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        created_at = self.created_at.isoformat()

        fiscal_year = self.fiscal_year

        id = self.id

        partner: None | str
        partner = self.partner

        program = self.program

        project: None | str
        project = self.project

        purposes = self.purposes

        source_ref: None | str
        source_ref = self.source_ref

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_usd": amount_usd,
                "created_at": created_at,
                "fiscal_year": fiscal_year,
                "id": id,
                "partner": partner,
                "program": program,
                "project": project,
                "purposes": purposes,
                "source_ref": source_ref,
                "type": type_,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year = d.pop("fiscal_year")

        id = d.pop("id")

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        program = d.pop("program")

        def _parse_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project = _parse_project(d.pop("project"))

        purposes = cast(list[str], d.pop("purposes"))

        def _parse_source_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_ref = _parse_source_ref(d.pop("source_ref"))

        type_ = FundingType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        obligation_read = cls(
            amount_usd=amount_usd,
            created_at=created_at,
            fiscal_year=fiscal_year,
            id=id,
            partner=partner,
            program=program,
            project=project,
            purposes=purposes,
            source_ref=source_ref,
            type_=type_,
            updated_at=updated_at,
        )

        obligation_read.additional_properties = d
        return obligation_read

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
