from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportsImetHistoryJsonImetHistoryCreateImport")


@_attrs_define
class ImportsImetHistoryJsonImetHistoryCreateImport:
    """
    Attributes:
        fiscal_year (int):
        men (int): Men who completed IMET training that year
        partner (str): Alpha-3 or alpha-2
        source (str): Where the figures come from, e.g. a data call
        women (int): Women who completed IMET training that year
        id (int | Unset): The id an export gave the record: it is matched to the stored record of that id with the same
            reference; an id this database does not hold is kept for the record created
        source_ref (None | str | Unset): Default: `null`.
    """

    fiscal_year: int
    men: int
    partner: str
    source: str
    women: int
    id: int | Unset = UNSET
    source_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        men = self.men

        partner = self.partner

        source = self.source

        women = self.women

        id = self.id

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "men": men,
                "partner": partner,
                "source": source,
                "women": women,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        men = d.pop("men")

        partner = d.pop("partner")

        source = d.pop("source")

        women = d.pop("women")

        id = d.pop("id", UNSET)

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        imports_imet_history_json_imet_history_create_import = cls(
            fiscal_year=fiscal_year,
            men=men,
            partner=partner,
            source=source,
            women=women,
            id=id,
            source_ref=source_ref,
        )

        return imports_imet_history_json_imet_history_create_import
