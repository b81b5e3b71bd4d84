from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upgrade_status import UpgradeStatus

T = TypeVar("T", bound="FacilityUpgradeRead")


@_attrs_define
class FacilityUpgradeRead:
    """
    Attributes:
        completed_on (datetime.date | None):
        cost_usd (None | str):
        created_at (datetime.datetime):
        external_ref (None | str):
        features (list[str]):
        fiscal_year (int | None): From completed_on (US federal fiscal year)
        id (int):
        partner (str): The center's country
        program (str):
        project (None | str):
        status (UpgradeStatus):
        training_center (str):
        updated_at (datetime.datetime):
        women_beds_added (int):
    """

    completed_on: datetime.date | None
    cost_usd: None | str
    created_at: datetime.datetime
    external_ref: None | str
    features: list[str]
    fiscal_year: int | None
    id: int
    partner: str
    program: str
    project: None | str
    status: UpgradeStatus
    training_center: str
    updated_at: datetime.datetime
    women_beds_added: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        cost_usd: None | str
        cost_usd = self.cost_usd

        created_at = self.created_at.isoformat()

        external_ref: None | str
        external_ref = self.external_ref

        features = self.features

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        id = self.id

        partner = self.partner

        program = self.program

        project: None | str
        project = self.project

        status = self.status.value

        training_center = self.training_center

        updated_at = self.updated_at.isoformat()

        women_beds_added = self.women_beds_added

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed_on": completed_on,
                "cost_usd": cost_usd,
                "created_at": created_at,
                "external_ref": external_ref,
                "features": features,
                "fiscal_year": fiscal_year,
                "id": id,
                "partner": partner,
                "program": program,
                "project": project,
                "status": status,
                "training_center": training_center,
                "updated_at": updated_at,
                "women_beds_added": women_beds_added,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_cost_usd(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_usd = _parse_cost_usd(d.pop("cost_usd"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        features = cast(list[str], d.pop("features"))

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))

        id = d.pop("id")

        partner = d.pop("partner")

        program = d.pop("program")

        def _parse_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project = _parse_project(d.pop("project"))

        status = UpgradeStatus(d.pop("status"))

        training_center = d.pop("training_center")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        women_beds_added = d.pop("women_beds_added")

        facility_upgrade_read = cls(
            completed_on=completed_on,
            cost_usd=cost_usd,
            created_at=created_at,
            external_ref=external_ref,
            features=features,
            fiscal_year=fiscal_year,
            id=id,
            partner=partner,
            program=program,
            project=project,
            status=status,
            training_center=training_center,
            updated_at=updated_at,
            women_beds_added=women_beds_added,
        )

        facility_upgrade_read.additional_properties = d
        return facility_upgrade_read

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
