from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery import Delivery
from ..models.kind import Kind
from ..models.topic import Topic

if TYPE_CHECKING:
    from ..models.participant_read import ParticipantRead
    from ..models.totals import Totals


T = TypeVar("T", bound="TrainingRead")


@_attrs_define
class TrainingRead:
    """
    Attributes:
        created_at (datetime.datetime):
        delivery (Delivery):
        end_date (datetime.date):
        external_ref (None | str):
        fiscal_year (int):
        host_country (None | str):
        hours (int | None):
        id (int):
        kind (Kind):
        location (None | str):
        participants (list[ParticipantRead]): One row per partner; an embassy key sees only its own country's row (none
            on a training it only hosted)
        program (str):
        project (None | str):
        start_date (datetime.date):
        title (str):
        topics (list[Topic]):
        totals (Totals):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    delivery: Delivery
    end_date: datetime.date
    external_ref: None | str
    fiscal_year: int
    host_country: None | str
    hours: int | None
    id: int
    kind: Kind
    location: None | str
    participants: list[ParticipantRead]
    program: str
    project: None | str
    start_date: datetime.date
    title: str
    topics: list[Topic]
    totals: Totals
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        delivery = self.delivery.value

        end_date = self.end_date.isoformat()

        external_ref: None | str
        external_ref = self.external_ref

        fiscal_year = self.fiscal_year

        host_country: None | str
        host_country = self.host_country

        hours: int | None
        hours = self.hours

        id = self.id

        kind = self.kind.value

        location: None | str
        location = self.location

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        program = self.program

        project: None | str
        project = self.project

        start_date = self.start_date.isoformat()

        title = self.title

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.value
            topics.append(topics_item)

        totals = self.totals.to_dict()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "delivery": delivery,
                "end_date": end_date,
                "external_ref": external_ref,
                "fiscal_year": fiscal_year,
                "host_country": host_country,
                "hours": hours,
                "id": id,
                "kind": kind,
                "location": location,
                "participants": participants,
                "program": program,
                "project": project,
                "start_date": start_date,
                "title": title,
                "topics": topics,
                "totals": totals,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_read import ParticipantRead  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery = Delivery(d.pop("delivery"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        fiscal_year = d.pop("fiscal_year")

        def _parse_host_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        host_country = _parse_host_country(d.pop("host_country"))

        def _parse_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hours = _parse_hours(d.pop("hours"))

        id = d.pop("id")

        kind = Kind(d.pop("kind"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ParticipantRead.from_dict(participants_item_data)

            participants.append(participants_item)

        program = d.pop("program")

        def _parse_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project = _parse_project(d.pop("project"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = Topic(topics_item_data)

            topics.append(topics_item)

        totals = Totals.from_dict(d.pop("totals"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        training_read = cls(
            created_at=created_at,
            delivery=delivery,
            end_date=end_date,
            external_ref=external_ref,
            fiscal_year=fiscal_year,
            host_country=host_country,
            hours=hours,
            id=id,
            kind=kind,
            location=location,
            participants=participants,
            program=program,
            project=project,
            start_date=start_date,
            title=title,
            topics=topics,
            totals=totals,
            updated_at=updated_at,
        )

        training_read.additional_properties = d
        return training_read

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
