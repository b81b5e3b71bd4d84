from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.service import Service
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="NomineeUpdate")


@_attrs_define
class NomineeUpdate:
    """
    Attributes:
        family_name (None | str | Unset): Default: `null`.
        given_name (None | str | Unset): Default: `null`.
        position (None | str | Unset): Default: `null`.
        rank (None | str | Unset): Default: `null`.
        service (None | Service | Unset): Default: `null`.
        sex (None | Sex | Unset): Default: `null`.
    """

    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    position: None | str | Unset = UNSET
    rank: None | str | Unset = UNSET
    service: None | Service | Unset = UNSET
    sex: None | Sex | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        rank: None | str | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        elif isinstance(self.service, Service):
            service = self.service.value
        else:
            service = self.service

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if position is not UNSET:
            field_dict["position"] = position
        if rank is not UNSET:
            field_dict["rank"] = rank
        if service is not UNSET:
            field_dict["service"] = service
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_rank(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        def _parse_service(data: object) -> None | Service | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_type_0 = Service(data)

                return service_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Service | Unset, data)

        service = _parse_service(d.pop("service", UNSET))

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        nominee_update = cls(
            family_name=family_name,
            given_name=given_name,
            position=position,
            rank=rank,
            service=service,
            sex=sex,
        )

        return nominee_update
