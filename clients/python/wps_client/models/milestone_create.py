from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.milestone_kind import MilestoneKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneCreate")


@_attrs_define
class MilestoneCreate:
    """
    Attributes:
        adopted_on (datetime.date):
        kind (MilestoneKind):
        partner (str): Alpha-3 or alpha-2
        program (str):
        title (str):
        engagement (int | None | Unset): The advisory engagement (same partner) that led to it Default: `null`.
        evidence_ref (None | str | Unset): Where the adoption is recorded Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
    """

    adopted_on: datetime.date
    kind: MilestoneKind
    partner: str
    program: str
    title: str
    engagement: int | None | Unset = UNSET
    evidence_ref: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        adopted_on = self.adopted_on.isoformat()

        kind = self.kind.value

        partner = self.partner

        program = self.program

        title = self.title

        engagement: int | None | Unset
        if isinstance(self.engagement, Unset):
            engagement = UNSET
        else:
            engagement = self.engagement

        evidence_ref: None | str | Unset
        if isinstance(self.evidence_ref, Unset):
            evidence_ref = UNSET
        else:
            evidence_ref = self.evidence_ref

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adopted_on": adopted_on,
                "kind": kind,
                "partner": partner,
                "program": program,
                "title": title,
            }
        )
        if engagement is not UNSET:
            field_dict["engagement"] = engagement
        if evidence_ref is not UNSET:
            field_dict["evidence_ref"] = evidence_ref
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        kind = MilestoneKind(d.pop("kind"))

        partner = d.pop("partner")

        program = d.pop("program")

        title = d.pop("title")

        def _parse_engagement(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        engagement = _parse_engagement(d.pop("engagement", UNSET))

        def _parse_evidence_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_ref = _parse_evidence_ref(d.pop("evidence_ref", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        milestone_create = cls(
            adopted_on=adopted_on,
            kind=kind,
            partner=partner,
            program=program,
            title=title,
            engagement=engagement,
            evidence_ref=evidence_ref,
            external_ref=external_ref,
        )

        return milestone_create
