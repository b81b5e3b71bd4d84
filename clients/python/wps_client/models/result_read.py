from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_status import ResultStatus

T = TypeVar("T", bound="ResultRead")


@_attrs_define
class ResultRead:
    """
    Attributes:
        created_at (datetime.datetime):
        denominator (None | str):
        edited_by (None | str): Owner of the key that last edited the result
        entered_by (None | str): Owner of the key that entered the result
        fiscal_year (int):
        flagged (bool):
        flags (list[str]):
        id (int):
        indicator (str):
        men (int | None):
        narrative (None | str):
        numerator (None | str):
        partner (None | str):
        rationale (None | str):
        return_reason (None | str): Why the result was last returned
        status (ResultStatus):
        submitted_by (None | str): Owner of the key that last submitted it
        unreported (int | None):
        updated_at (datetime.datetime):
        value (None | str):
        women (int | None):
    """

    created_at: datetime.datetime
    denominator: None | str
    edited_by: None | str
    entered_by: None | str
    fiscal_year: int
    flagged: bool
    flags: list[str]
    id: int
    indicator: str
    men: int | None
    narrative: None | str
    numerator: None | str
    partner: None | str
    rationale: None | str
    return_reason: None | str
    status: ResultStatus
    submitted_by: None | str
    unreported: int | None
    updated_at: datetime.datetime
    value: None | str
    women: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        denominator: None | str
        denominator = self.denominator

        edited_by: None | str
        edited_by = self.edited_by

        entered_by: None | str
        entered_by = self.entered_by

        fiscal_year = self.fiscal_year

        flagged = self.flagged

        flags = self.flags

        id = self.id

        indicator = self.indicator

        men: int | None
        men = self.men

        narrative: None | str
        narrative = self.narrative

        numerator: None | str
        numerator = self.numerator

        partner: None | str
        partner = self.partner

        rationale: None | str
        rationale = self.rationale

        return_reason: None | str
        return_reason = self.return_reason

        status = self.status.value

        submitted_by: None | str
        submitted_by = self.submitted_by

        unreported: int | None
        unreported = self.unreported

        updated_at = self.updated_at.isoformat()

        value: None | str
        value = self.value

        women: int | None
        women = self.women

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "denominator": denominator,
                "edited_by": edited_by,
                "entered_by": entered_by,
                "fiscal_year": fiscal_year,
                "flagged": flagged,
                "flags": flags,
                "id": id,
                "indicator": indicator,
                "men": men,
                "narrative": narrative,
                "numerator": numerator,
                "partner": partner,
                "rationale": rationale,
                "return_reason": return_reason,
                "status": status,
                "submitted_by": submitted_by,
                "unreported": unreported,
                "updated_at": updated_at,
                "value": value,
                "women": women,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_denominator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denominator = _parse_denominator(d.pop("denominator"))

        def _parse_edited_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        edited_by = _parse_edited_by(d.pop("edited_by"))

        def _parse_entered_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        entered_by = _parse_entered_by(d.pop("entered_by"))

        fiscal_year = d.pop("fiscal_year")

        flagged = d.pop("flagged")

        flags = cast(list[str], d.pop("flags"))

        id = d.pop("id")

        indicator = d.pop("indicator")

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_narrative(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        narrative = _parse_narrative(d.pop("narrative"))

        def _parse_numerator(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        numerator = _parse_numerator(d.pop("numerator"))

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        def _parse_rationale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rationale = _parse_rationale(d.pop("rationale"))

        def _parse_return_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        return_reason = _parse_return_reason(d.pop("return_reason"))

        status = ResultStatus(d.pop("status"))

        def _parse_submitted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        def _parse_unreported(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unreported = _parse_unreported(d.pop("unreported"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

        result_read = cls(
            created_at=created_at,
            denominator=denominator,
            edited_by=edited_by,
            entered_by=entered_by,
            fiscal_year=fiscal_year,
            flagged=flagged,
            flags=flags,
            id=id,
            indicator=indicator,
            men=men,
            narrative=narrative,
            numerator=numerator,
            partner=partner,
            rationale=rationale,
            return_reason=return_reason,
            status=status,
            submitted_by=submitted_by,
            unreported=unreported,
            updated_at=updated_at,
            value=value,
            women=women,
        )

        result_read.additional_properties = d
        return result_read

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
