from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.delivery import Delivery
from ..models.kind import Kind
from ..models.topic import Topic
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participant_in import ParticipantIn


T = TypeVar("T", bound="TrainingCreate")


@_attrs_define
class TrainingCreate:
    """
    Attributes:
        end_date (datetime.date):
        kind (Kind):
        program (str):
        start_date (datetime.date):
        title (str):
        delivery (Delivery | Unset):
        external_ref (None | str | Unset): Default: `null`.
        host_country (None | str | Unset): Default: `null`.
        hours (int | None | Unset): Default: `null`.
        location (None | str | Unset): Default: `null`.
        participants (list[ParticipantIn] | Unset): Default: `[]`.
        project (None | str | Unset): The award it was delivered under (same program) Default: `null`.
        topics (list[Topic] | Unset): Default: `[]`.
    """

    end_date: datetime.date
    kind: Kind
    program: str
    start_date: datetime.date
    title: str
    delivery: Delivery | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    host_country: None | str | Unset = UNSET
    hours: int | None | Unset = UNSET
    location: None | str | Unset = UNSET
    participants: list[ParticipantIn] | Unset = UNSET
    project: None | str | Unset = UNSET
    topics: list[Topic] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        kind = self.kind.value

        program = self.program

        start_date = self.start_date.isoformat()

        title = self.title

        delivery: str | Unset = UNSET
        if not isinstance(self.delivery, Unset):
            delivery = self.delivery.value

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        host_country: None | str | Unset
        if isinstance(self.host_country, Unset):
            host_country = UNSET
        else:
            host_country = self.host_country

        hours: int | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item = participants_item_data.to_dict()
                participants.append(participants_item)

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = []
            for topics_item_data in self.topics:
                topics_item = topics_item_data.value
                topics.append(topics_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_date": end_date,
                "kind": kind,
                "program": program,
                "start_date": start_date,
                "title": title,
            }
        )
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if host_country is not UNSET:
            field_dict["host_country"] = host_country
        if hours is not UNSET:
            field_dict["hours"] = hours
        if location is not UNSET:
            field_dict["location"] = location
        if participants is not UNSET:
            field_dict["participants"] = participants
        if project is not UNSET:
            field_dict["project"] = project
        if topics is not UNSET:
            field_dict["topics"] = topics

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_in import ParticipantIn  # noqa: PLC0415

        d = dict(src_dict)
        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        kind = Kind(d.pop("kind"))

        program = d.pop("program")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        _delivery = d.pop("delivery", UNSET)
        delivery: Delivery | Unset
        if isinstance(_delivery, Unset):
            delivery = UNSET
        else:
            delivery = Delivery(_delivery)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_host_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        host_country = _parse_host_country(d.pop("host_country", UNSET))

        def _parse_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        _participants = d.pop("participants", UNSET)
        participants: list[ParticipantIn] | Unset = UNSET
        if _participants is not UNSET:
            participants = []
            for participants_item_data in _participants:
                participants_item = ParticipantIn.from_dict(participants_item_data)

                participants.append(participants_item)

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        _topics = d.pop("topics", UNSET)
        topics: list[Topic] | Unset = UNSET
        if _topics is not UNSET:
            topics = []
            for topics_item_data in _topics:
                topics_item = Topic(topics_item_data)

                topics.append(topics_item)

        training_create = cls(
            end_date=end_date,
            kind=kind,
            program=program,
            start_date=start_date,
            title=title,
            delivery=delivery,
            external_ref=external_ref,
            host_country=host_country,
            hours=hours,
            location=location,
            participants=participants,
            project=project,
            topics=topics,
        )

        return training_create
