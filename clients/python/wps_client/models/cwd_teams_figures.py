from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CwdTeamsFigures")


@_attrs_define
class CwdTeamsFigures:
    """
    Attributes:
        countries (int):
        men (int | None):
        people (int | None):
        teams (int):
        unreported (int | None):
        women (int | None):
        women_in_leadership (int | None):
        suppressed (list[str] | None | Unset):
    """

    countries: int
    men: int | None
    people: int | None
    teams: int
    unreported: int | None
    women: int | None
    women_in_leadership: int | None
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countries = self.countries

        men: int | None
        men = self.men

        people: int | None
        people = self.people

        teams = self.teams

        unreported: int | None
        unreported = self.unreported

        women: int | None
        women = self.women

        women_in_leadership: int | None
        women_in_leadership = self.women_in_leadership

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countries": countries,
                "men": men,
                "people": people,
                "teams": teams,
                "unreported": unreported,
                "women": women,
                "women_in_leadership": women_in_leadership,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        countries = d.pop("countries")

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_people(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        people = _parse_people(d.pop("people"))

        teams = d.pop("teams")

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

        def _parse_women_in_leadership(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women_in_leadership = _parse_women_in_leadership(d.pop("women_in_leadership"))

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

        cwd_teams_figures = cls(
            countries=countries,
            men=men,
            people=people,
            teams=teams,
            unreported=unreported,
            women=women,
            women_in_leadership=women_in_leadership,
            suppressed=suppressed,
        )

        cwd_teams_figures.additional_properties = d
        return cwd_teams_figures

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
