from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.feature import Feature
from ..models.upgrade_status import UpgradeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="FacilityUpgradeUpdate")


@_attrs_define
class FacilityUpgradeUpdate:
    """
    Attributes:
        completed_on (datetime.date | None | Unset): Default: `null`.
        cost_usd (float | None | str | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        features (list[Feature] | None | Unset): Default: `null`.
        program (None | str | Unset): Default: `null`.
        project (None | str | Unset): Default: `null`.
        status (None | Unset | UpgradeStatus): planned → in_progress → completed; planned or in_progress → cancelled
            Default: `null`.
        training_center (None | str | Unset): Default: `null`.
        women_beds_added (int | None | Unset): Default: `null`.
    """

    completed_on: datetime.date | None | Unset = UNSET
    cost_usd: float | None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    features: list[Feature] | None | Unset = UNSET
    program: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    status: None | Unset | UpgradeStatus = UNSET
    training_center: None | str | Unset = UNSET
    women_beds_added: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        cost_usd: float | None | str | Unset
        if isinstance(self.cost_usd, Unset):
            cost_usd = UNSET
        else:
            cost_usd = self.cost_usd

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        features: list[str] | None | Unset
        if isinstance(self.features, Unset):
            features = UNSET
        elif isinstance(self.features, list):
            features = []
            for features_type_0_item_data in self.features:
                features_type_0_item = features_type_0_item_data.value
                features.append(features_type_0_item)

        else:
            features = self.features

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, UpgradeStatus):
            status = self.status.value
        else:
            status = self.status

        training_center: None | str | Unset
        if isinstance(self.training_center, Unset):
            training_center = UNSET
        else:
            training_center = self.training_center

        women_beds_added: int | None | Unset
        if isinstance(self.women_beds_added, Unset):
            women_beds_added = UNSET
        else:
            women_beds_added = self.women_beds_added

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if features is not UNSET:
            field_dict["features"] = features
        if program is not UNSET:
            field_dict["program"] = program
        if project is not UNSET:
            field_dict["project"] = project
        if status is not UNSET:
            field_dict["status"] = status
        if training_center is not UNSET:
            field_dict["training_center"] = training_center
        if women_beds_added is not UNSET:
            field_dict["women_beds_added"] = women_beds_added

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_cost_usd(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        cost_usd = _parse_cost_usd(d.pop("cost_usd", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_features(data: object) -> list[Feature] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                features_type_0 = []
                _features_type_0 = data
                for features_type_0_item_data in _features_type_0:
                    features_type_0_item = Feature(features_type_0_item_data)

                    features_type_0.append(features_type_0_item)

                return features_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Feature] | None | Unset, data)

        features = _parse_features(d.pop("features", UNSET))

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

        def _parse_status(data: object) -> None | Unset | UpgradeStatus:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = UpgradeStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpgradeStatus, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_training_center(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        training_center = _parse_training_center(d.pop("training_center", UNSET))

        def _parse_women_beds_added(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        women_beds_added = _parse_women_beds_added(d.pop("women_beds_added", UNSET))

        facility_upgrade_update = cls(
            completed_on=completed_on,
            cost_usd=cost_usd,
            external_ref=external_ref,
            features=features,
            program=program,
            project=project,
            status=status,
            training_center=training_center,
            women_beds_added=women_beds_added,
        )

        return facility_upgrade_update
