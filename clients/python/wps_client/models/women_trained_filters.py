from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WomenTrainedFilters")


@_attrs_define
class WomenTrainedFilters:
    """
    Attributes:
        from_fy (int | None):
        group_by (list[str]):
        kind (None | str):
        partner (None | str):
        program (None | str):
        region (None | str):
        to_fy (int | None):
        topic (None | str):
        as_known_on (datetime.datetime | None | Unset):
        distinct_counts (bool | Unset):  Default: False.
        suppress_below (int | None | Unset):
    """

    from_fy: int | None
    group_by: list[str]
    kind: None | str
    partner: None | str
    program: None | str
    region: None | str
    to_fy: int | None
    topic: None | str
    as_known_on: datetime.datetime | None | Unset = UNSET
    distinct_counts: bool | Unset = False
    suppress_below: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_fy: int | None
        from_fy = self.from_fy

        group_by = self.group_by

        kind: None | str
        kind = self.kind

        partner: None | str
        partner = self.partner

        program: None | str
        program = self.program

        region: None | str
        region = self.region

        to_fy: int | None
        to_fy = self.to_fy

        topic: None | str
        topic = self.topic

        as_known_on: None | str | Unset
        if isinstance(self.as_known_on, Unset):
            as_known_on = UNSET
        elif isinstance(self.as_known_on, datetime.datetime):
            as_known_on = self.as_known_on.isoformat()
        else:
            as_known_on = self.as_known_on

        distinct_counts = self.distinct_counts

        suppress_below: int | None | Unset
        if isinstance(self.suppress_below, Unset):
            suppress_below = UNSET
        else:
            suppress_below = self.suppress_below

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_fy": from_fy,
                "group_by": group_by,
                "kind": kind,
                "partner": partner,
                "program": program,
                "region": region,
                "to_fy": to_fy,
                "topic": topic,
            }
        )
        if as_known_on is not UNSET:
            field_dict["as_known_on"] = as_known_on
        if distinct_counts is not UNSET:
            field_dict["distinct_counts"] = distinct_counts
        if suppress_below is not UNSET:
            field_dict["suppress_below"] = suppress_below

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_fy = _parse_from_fy(d.pop("from_fy"))

        group_by = cast(list[str], d.pop("group_by"))

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        def _parse_partner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        partner = _parse_partner(d.pop("partner"))

        def _parse_program(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program = _parse_program(d.pop("program"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_fy = _parse_to_fy(d.pop("to_fy"))

        def _parse_topic(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        topic = _parse_topic(d.pop("topic"))

        def _parse_as_known_on(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_known_on_type_0 = datetime.datetime.fromisoformat(data)

                return as_known_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_known_on = _parse_as_known_on(d.pop("as_known_on", UNSET))

        distinct_counts = d.pop("distinct_counts", UNSET)

        def _parse_suppress_below(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        suppress_below = _parse_suppress_below(d.pop("suppress_below", UNSET))

        women_trained_filters = cls(
            from_fy=from_fy,
            group_by=group_by,
            kind=kind,
            partner=partner,
            program=program,
            region=region,
            to_fy=to_fy,
            topic=topic,
            as_known_on=as_known_on,
            distinct_counts=distinct_counts,
            suppress_below=suppress_below,
        )

        women_trained_filters.additional_properties = d
        return women_trained_filters

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
