from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.milestone_kind import MilestoneKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneUpdate")


@_attrs_define
class MilestoneUpdate:
    """
    Attributes:
        adopted_on (datetime.date | None | Unset): Default: `null`.
        engagement (int | None | Unset): Default: `null`.
        evidence_ref (None | str | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        kind (MilestoneKind | None | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        title (None | str | Unset): Default: `null`.
    """

    adopted_on: datetime.date | None | Unset = UNSET
    engagement: int | None | Unset = UNSET
    evidence_ref: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    kind: MilestoneKind | None | Unset = UNSET
    partner: None | str | Unset = UNSET
    program: None | str | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        adopted_on: None | str | Unset
        if isinstance(self.adopted_on, Unset):
            adopted_on = UNSET
        elif isinstance(self.adopted_on, datetime.date):
            adopted_on = self.adopted_on.isoformat()
        else:
            adopted_on = self.adopted_on

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

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, MilestoneKind):
            kind = self.kind.value
        else:
            kind = self.kind

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

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if adopted_on is not UNSET:
            field_dict["adopted_on"] = adopted_on
        if engagement is not UNSET:
            field_dict["engagement"] = engagement
        if evidence_ref is not UNSET:
            field_dict["evidence_ref"] = evidence_ref
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if kind is not UNSET:
            field_dict["kind"] = kind
        if partner is not UNSET:
            field_dict["partner"] = partner
        if program is not UNSET:
            field_dict["program"] = program
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_adopted_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_on_type_0 = datetime.date.fromisoformat(data)

                return adopted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        adopted_on = _parse_adopted_on(d.pop("adopted_on", UNSET))

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

        def _parse_kind(data: object) -> MilestoneKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = MilestoneKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MilestoneKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        milestone_update = cls(
            adopted_on=adopted_on,
            engagement=engagement,
            evidence_ref=evidence_ref,
            external_ref=external_ref,
            kind=kind,
            partner=partner,
            program=program,
            title=title,
        )

        return milestone_update
