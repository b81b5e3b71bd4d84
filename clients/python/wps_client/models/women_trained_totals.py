from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WomenTrainedTotals")


@_attrs_define
class WomenTrainedTotals:
    """
    Attributes:
        men (int | None):
        total (int | None):
        unreported (int | None):
        women (int | None):
        women_share_pct (float | None):
        countries (int | None | Unset):
        suppressed (list[str] | None | Unset):
        trainings (int | None | Unset):
    """

    men: int | None
    total: int | None
    unreported: int | None
    women: int | None
    women_share_pct: float | None
    countries: int | None | Unset = UNSET
    suppressed: list[str] | None | Unset = UNSET
    trainings: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        men: int | None
        men = self.men

        total: int | None
        total = self.total

        unreported: int | None
        unreported = self.unreported

        women: int | None
        women = self.women

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

        countries: int | None | Unset
        if isinstance(self.countries, Unset):
            countries = UNSET
        else:
            countries = self.countries

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

        trainings: int | None | Unset
        if isinstance(self.trainings, Unset):
            trainings = UNSET
        else:
            trainings = self.trainings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "men": men,
                "total": total,
                "unreported": unreported,
                "women": women,
                "women_share_pct": women_share_pct,
            }
        )
        if countries is not UNSET:
            field_dict["countries"] = countries
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed
        if trainings is not UNSET:
            field_dict["trainings"] = trainings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_unreported(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unreported = _parse_unreported(d.pop("unreported"))

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

        def _parse_countries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        countries = _parse_countries(d.pop("countries", UNSET))

        def _parse_suppressed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suppressed_type_0 = cast(list[str], data)

                return suppressed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        suppressed = _parse_suppressed(d.pop("suppressed", UNSET))

        def _parse_trainings(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trainings = _parse_trainings(d.pop("trainings", UNSET))

        women_trained_totals = cls(
            men=men,
            total=total,
            unreported=unreported,
            women=women,
            women_share_pct=women_share_pct,
            countries=countries,
            suppressed=suppressed,
            trainings=trainings,
        )

        women_trained_totals.additional_properties = d
        return women_trained_totals

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
