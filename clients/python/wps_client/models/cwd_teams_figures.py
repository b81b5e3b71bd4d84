from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CwdTeamsFigures")


@_attrs_define
class CwdTeamsFigures:
    """
    Attributes:
        countries (int):
        men (int):
        teams (int):
        unreported (int):
        women (int):
        women_in_leadership (int):
    """

    countries: int
    men: int
    teams: int
    unreported: int
    women: int
    women_in_leadership: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countries = self.countries

        men = self.men

        teams = self.teams

        unreported = self.unreported

        women = self.women

        women_in_leadership = self.women_in_leadership

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countries": countries,
                "men": men,
                "teams": teams,
                "unreported": unreported,
                "women": women,
                "women_in_leadership": women_in_leadership,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        countries = d.pop("countries")

        men = d.pop("men")

        teams = d.pop("teams")

        unreported = d.pop("unreported")

        women = d.pop("women")

        women_in_leadership = d.pop("women_in_leadership")

        cwd_teams_figures = cls(
            countries=countries,
            men=men,
            teams=teams,
            unreported=unreported,
            women=women,
            women_in_leadership=women_in_leadership,
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
