from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.counterparts_read import CounterpartsRead


T = TypeVar("T", bound="EngagementRead")


@_attrs_define
class EngagementRead:
    """
    Attributes:
        counterparts (CounterpartsRead):
        created_at (datetime.datetime):
        end_date (datetime.date | None):
        external_ref (None | str):
        fiscal_year (int): From start_date (US federal fiscal year)
        focus (list[str]):
        id (int):
        institution (str):
        partner (str): ISO alpha-3
        program (str):
        project (None | str):
        start_date (datetime.date):
        updated_at (datetime.datetime):
    """

    counterparts: CounterpartsRead
    created_at: datetime.datetime
    end_date: datetime.date | None
    external_ref: None | str
    fiscal_year: int
    focus: list[str]
    id: int
    institution: str
    partner: str
    program: str
    project: None | str
    start_date: datetime.date
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counterparts = self.counterparts.to_dict()

        created_at = self.created_at.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        external_ref: None | str
        external_ref = self.external_ref

        fiscal_year = self.fiscal_year

        focus = self.focus

        id = self.id

        institution = self.institution

        partner = self.partner

        program = self.program

        project: None | str
        project = self.project

        start_date = self.start_date.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counterparts": counterparts,
                "created_at": created_at,
                "end_date": end_date,
                "external_ref": external_ref,
                "fiscal_year": fiscal_year,
                "focus": focus,
                "id": id,
                "institution": institution,
                "partner": partner,
                "program": program,
                "project": project,
                "start_date": start_date,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counterparts_read import CounterpartsRead  # noqa: PLC0415

        d = dict(src_dict)
        counterparts = CounterpartsRead.from_dict(d.pop("counterparts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        fiscal_year = d.pop("fiscal_year")

        focus = cast(list[str], d.pop("focus"))

        id = d.pop("id")

        institution = d.pop("institution")

        partner = d.pop("partner")

        program = d.pop("program")

        def _parse_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project = _parse_project(d.pop("project"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        engagement_read = cls(
            counterparts=counterparts,
            created_at=created_at,
            end_date=end_date,
            external_ref=external_ref,
            fiscal_year=fiscal_year,
            focus=focus,
            id=id,
            institution=institution,
            partner=partner,
            program=program,
            project=project,
            start_date=start_date,
            updated_at=updated_at,
        )

        engagement_read.additional_properties = d
        return engagement_read

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
