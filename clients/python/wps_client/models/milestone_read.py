from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_kind import MilestoneKind

T = TypeVar("T", bound="MilestoneRead")


@_attrs_define
class MilestoneRead:
    """
    Attributes:
        adopted_on (datetime.date):
        created_at (datetime.datetime):
        engagement (int | None):
        evidence_ref (None | str):
        external_ref (None | str):
        fiscal_year (int): From adopted_on (US federal fiscal year)
        id (int):
        kind (MilestoneKind):
        partner (str): ISO alpha-3
        program (str):
        title (str):
        updated_at (datetime.datetime):
    """

    adopted_on: datetime.date
    created_at: datetime.datetime
    engagement: int | None
    evidence_ref: None | str
    external_ref: None | str
    fiscal_year: int
    id: int
    kind: MilestoneKind
    partner: str
    program: str
    title: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adopted_on = self.adopted_on.isoformat()

        created_at = self.created_at.isoformat()

        engagement: int | None
        engagement = self.engagement

        evidence_ref: None | str
        evidence_ref = self.evidence_ref

        external_ref: None | str
        external_ref = self.external_ref

        fiscal_year = self.fiscal_year

        id = self.id

        kind = self.kind.value

        partner = self.partner

        program = self.program

        title = self.title

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adopted_on": adopted_on,
                "created_at": created_at,
                "engagement": engagement,
                "evidence_ref": evidence_ref,
                "external_ref": external_ref,
                "fiscal_year": fiscal_year,
                "id": id,
                "kind": kind,
                "partner": partner,
                "program": program,
                "title": title,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_engagement(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        engagement = _parse_engagement(d.pop("engagement"))

        def _parse_evidence_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_ref = _parse_evidence_ref(d.pop("evidence_ref"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        fiscal_year = d.pop("fiscal_year")

        id = d.pop("id")

        kind = MilestoneKind(d.pop("kind"))

        partner = d.pop("partner")

        program = d.pop("program")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        milestone_read = cls(
            adopted_on=adopted_on,
            created_at=created_at,
            engagement=engagement,
            evidence_ref=evidence_ref,
            external_ref=external_ref,
            fiscal_year=fiscal_year,
            id=id,
            kind=kind,
            partner=partner,
            program=program,
            title=title,
            updated_at=updated_at,
        )

        milestone_read.additional_properties = d
        return milestone_read

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
