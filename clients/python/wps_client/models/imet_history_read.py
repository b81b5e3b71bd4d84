from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImetHistoryRead")


@_attrs_define
class ImetHistoryRead:
    """
    Attributes:
        created_at (datetime.datetime):
        fiscal_year (int):
        id (int):
        men (int):
        partner (str): ISO alpha-3
        source (str):
        source_ref (None | str):
        updated_at (datetime.datetime):
        women (int):
    """

    created_at: datetime.datetime
    fiscal_year: int
    id: int
    men: int
    partner: str
    source: str
    source_ref: None | str
    updated_at: datetime.datetime
    women: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fiscal_year = self.fiscal_year

        id = self.id

        men = self.men

        partner = self.partner

        source = self.source

        source_ref: None | str
        source_ref = self.source_ref

        updated_at = self.updated_at.isoformat()

        women = self.women

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "fiscal_year": fiscal_year,
                "id": id,
                "men": men,
                "partner": partner,
                "source": source,
                "source_ref": source_ref,
                "updated_at": updated_at,
                "women": women,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year = d.pop("fiscal_year")

        id = d.pop("id")

        men = d.pop("men")

        partner = d.pop("partner")

        source = d.pop("source")

        def _parse_source_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_ref = _parse_source_ref(d.pop("source_ref"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        women = d.pop("women")

        imet_history_read = cls(
            created_at=created_at,
            fiscal_year=fiscal_year,
            id=id,
            men=men,
            partner=partner,
            source=source,
            source_ref=source_ref,
            updated_at=updated_at,
            women=women,
        )

        imet_history_read.additional_properties = d
        return imet_history_read

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
