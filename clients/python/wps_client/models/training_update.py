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


T = TypeVar("T", bound="TrainingUpdate")


@_attrs_define
class TrainingUpdate:
    """Fields to change; `participants` and `topics`, when given, replace the stored lists.

    Attributes:
        delivery (Delivery | None | Unset): Default: `null`.
        end_date (datetime.date | None | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        host_country (None | str | Unset): Default: `null`.
        hours (int | None | Unset): Default: `null`.
        kind (Kind | None | Unset): Default: `null`.
        location (None | str | Unset): Default: `null`.
        participants (list[ParticipantIn] | None | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        project (None | str | Unset): Default: `null`.
        start_date (datetime.date | None | Unset): Default: `null`.
        title (None | str | Unset): Default: `null`.
        topics (list[Topic] | None | Unset): Default: `null`.
    """

    delivery: Delivery | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    host_country: None | str | Unset = UNSET
    hours: int | None | Unset = UNSET
    kind: Kind | None | Unset = UNSET
    location: None | str | Unset = UNSET
    participants: list[ParticipantIn] | None | Unset = UNSET
    program: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    title: None | str | Unset = UNSET
    topics: list[Topic] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        delivery: None | str | Unset
        if isinstance(self.delivery, Unset):
            delivery = UNSET
        elif isinstance(self.delivery, Delivery):
            delivery = self.delivery.value
        else:
            delivery = self.delivery

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

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

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, Kind):
            kind = self.kind.value
        else:
            kind = self.kind

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        participants: list[dict[str, Any]] | None | Unset
        if isinstance(self.participants, Unset):
            participants = UNSET
        elif isinstance(self.participants, list):
            participants = []
            for participants_type_0_item_data in self.participants:
                participants_type_0_item = participants_type_0_item_data.to_dict()
                participants.append(participants_type_0_item)

        else:
            participants = self.participants

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        else:
            program = self.program

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = []
            for topics_type_0_item_data in self.topics:
                topics_type_0_item = topics_type_0_item_data.value
                topics.append(topics_type_0_item)

        else:
            topics = self.topics

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if host_country is not UNSET:
            field_dict["host_country"] = host_country
        if hours is not UNSET:
            field_dict["hours"] = hours
        if kind is not UNSET:
            field_dict["kind"] = kind
        if location is not UNSET:
            field_dict["location"] = location
        if participants is not UNSET:
            field_dict["participants"] = participants
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title
        if topics is not UNSET:
            field_dict["topics"] = topics

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_in import ParticipantIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_delivery(data: object) -> Delivery | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_type_0 = Delivery(data)

                return delivery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Delivery | None | Unset, data)

        delivery = _parse_delivery(d.pop("delivery", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

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

        def _parse_kind(data: object) -> Kind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = Kind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Kind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_participants(data: object) -> list[ParticipantIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                participants_type_0 = []
                _participants_type_0 = data
                for participants_type_0_item_data in _participants_type_0:
                    participants_type_0_item = ParticipantIn.from_dict(participants_type_0_item_data)

                    participants_type_0.append(participants_type_0_item)

                return participants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ParticipantIn] | None | Unset, data)

        participants = _parse_participants(d.pop("participants", UNSET))

        def _parse_program(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_topics(data: object) -> list[Topic] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = []
                _topics_type_0 = data
                for topics_type_0_item_data in _topics_type_0:
                    topics_type_0_item = Topic(topics_type_0_item_data)

                    topics_type_0.append(topics_type_0_item)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Topic] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))

        training_update = cls(
            delivery=delivery,
            end_date=end_date,
            external_ref=external_ref,
            host_country=host_country,
            hours=hours,
            kind=kind,
            location=location,
            participants=participants,
            program=program,
            project=project,
            start_date=start_date,
            title=title,
            topics=topics,
        )

        return training_update
