from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.implementer_kind import ImplementerKind

T = TypeVar("T", bound="ImplementerCreate")


@_attrs_define
class ImplementerCreate:
    """
    Attributes:
        code (str):
        country (str): Headquarters country: alpha-3 or alpha-2
        kind (ImplementerKind):
        name (str):
    """

    code: str
    country: str
    kind: ImplementerKind
    name: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        country = self.country

        kind = self.kind.value

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "country": country,
                "kind": kind,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        country = d.pop("country")

        kind = ImplementerKind(d.pop("kind"))

        name = d.pop("name")

        implementer_create = cls(
            code=code,
            country=country,
            kind=kind,
            name=name,
        )

        return implementer_create
