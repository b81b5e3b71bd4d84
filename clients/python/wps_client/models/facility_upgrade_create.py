from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.feature import Feature
from ..models.upgrade_status import UpgradeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="FacilityUpgradeCreate")


@_attrs_define
class FacilityUpgradeCreate:
    """
    Attributes:
        features (list[Feature]):
        program (str):
        training_center (str): Letters, digits and '-', up to 40; any case, stored upper case
        completed_on (datetime.date | None | Unset): Required when status is completed Default: `null`.
        cost_usd (float | None | str | Unset): Default: `null`.
        external_ref (None | str | Unset): Default: `null`.
        project (None | str | Unset): The award that funds it (a project of the same program) Default: `null`.
        status (UpgradeStatus | Unset):
        women_beds_added (int | Unset): Default: `0`.
    """

    features: list[Feature]
    program: str
    training_center: str
    completed_on: datetime.date | None | Unset = UNSET
    cost_usd: float | None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    status: UpgradeStatus | Unset = UNSET
    women_beds_added: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        features = []
        for features_item_data in self.features:
            features_item = features_item_data.value
            features.append(features_item)

        program = self.program

        training_center = self.training_center

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

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        women_beds_added = self.women_beds_added

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "features": features,
                "program": program,
                "training_center": training_center,
            }
        )
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if project is not UNSET:
            field_dict["project"] = project
        if status is not UNSET:
            field_dict["status"] = status
        if women_beds_added is not UNSET:
            field_dict["women_beds_added"] = women_beds_added

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = Feature(features_item_data)

            features.append(features_item)

        program = d.pop("program")

        training_center = d.pop("training_center")

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

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        _status = d.pop("status", UNSET)
        status: UpgradeStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UpgradeStatus(_status)

        women_beds_added = d.pop("women_beds_added", UNSET)

        facility_upgrade_create = cls(
            features=features,
            program=program,
            training_center=training_center,
            completed_on=completed_on,
            cost_usd=cost_usd,
            external_ref=external_ref,
            project=project,
            status=status,
            women_beds_added=women_beds_added,
        )

        return facility_upgrade_create
