from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity
from ..models.feature import Feature
from ..models.focus import Focus
from ..models.funding_type import FundingType
from ..models.kind import Kind
from ..models.purpose import Purpose
from ..models.topic import Topic
from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricFilters")


@_attrs_define
class MetricFilters:
    """Every filter any metric takes; which ones a metric accepts is checked by the service.

    Attributes:
        activity (Activity | None | Unset): Default: `null`.
        feature (Feature | None | Unset): Default: `null`.
        focus (Focus | None | Unset): Default: `null`.
        kind (Kind | None | Unset): Default: `null`.
        partner (None | str | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        purpose (None | Purpose | Unset): Default: `null`.
        topic (None | Topic | Unset): Default: `null`.
        type_ (FundingType | None | Unset): Default: `null`.
    """

    activity: Activity | None | Unset = UNSET
    feature: Feature | None | Unset = UNSET
    focus: Focus | None | Unset = UNSET
    kind: Kind | None | Unset = UNSET
    partner: None | str | Unset = UNSET
    program: None | str | Unset = UNSET
    purpose: None | Purpose | Unset = UNSET
    topic: None | Topic | Unset = UNSET
    type_: FundingType | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, Activity):
            activity = self.activity.value
        else:
            activity = self.activity

        feature: None | str | Unset
        if isinstance(self.feature, Unset):
            feature = UNSET
        elif isinstance(self.feature, Feature):
            feature = self.feature.value
        else:
            feature = self.feature

        focus: None | str | Unset
        if isinstance(self.focus, Unset):
            focus = UNSET
        elif isinstance(self.focus, Focus):
            focus = self.focus.value
        else:
            focus = self.focus

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, Kind):
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

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        elif isinstance(self.purpose, Purpose):
            purpose = self.purpose.value
        else:
            purpose = self.purpose

        topic: None | str | Unset
        if isinstance(self.topic, Unset):
            topic = UNSET
        elif isinstance(self.topic, Topic):
            topic = self.topic.value
        else:
            topic = self.topic

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, FundingType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity is not UNSET:
            field_dict["activity"] = activity
        if feature is not UNSET:
            field_dict["feature"] = feature
        if focus is not UNSET:
            field_dict["focus"] = focus
        if kind is not UNSET:
            field_dict["kind"] = kind
        if partner is not UNSET:
            field_dict["partner"] = partner
        if program is not UNSET:
            field_dict["program"] = program
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if topic is not UNSET:
            field_dict["topic"] = topic
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity(data: object) -> Activity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_0 = Activity(data)

                return activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_feature(data: object) -> Feature | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                feature_type_0 = Feature(data)

                return feature_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Feature | None | Unset, data)

        feature = _parse_feature(d.pop("feature", UNSET))

        def _parse_focus(data: object) -> Focus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                focus_type_0 = Focus(data)

                return focus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Focus | None | Unset, data)

        focus = _parse_focus(d.pop("focus", UNSET))

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

        def _parse_purpose(data: object) -> None | Purpose | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_type_0 = Purpose(data)

                return purpose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Purpose | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_topic(data: object) -> None | Topic | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                topic_type_0 = Topic(data)

                return topic_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Topic | Unset, data)

        topic = _parse_topic(d.pop("topic", UNSET))

        def _parse_type_(data: object) -> FundingType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = FundingType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundingType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        metric_filters = cls(
            activity=activity,
            feature=feature,
            focus=focus,
            kind=kind,
            partner=partner,
            program=program,
            purpose=purpose,
            topic=topic,
            type_=type_,
        )

        return metric_filters
