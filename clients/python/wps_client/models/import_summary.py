from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.row_error import RowError


T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """What an import did (or, with dry_run, would do); null counts are left out.

    Attributes:
        dry_run (bool):
        errors (list[RowError]):
        received (int): records received (JSON items or CSV data lines)
        unchanged (int):
        created (int | None | Unset):
        updated (int | None | Unset):
        would_create (int | None | Unset):
        would_update (int | None | Unset):
    """

    dry_run: bool
    errors: list[RowError]
    received: int
    unchanged: int
    created: int | None | Unset = UNSET
    updated: int | None | Unset = UNSET
    would_create: int | None | Unset = UNSET
    would_update: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        received = self.received

        unchanged = self.unchanged

        created: int | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        else:
            created = self.created

        updated: int | None | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        else:
            updated = self.updated

        would_create: int | None | Unset
        if isinstance(self.would_create, Unset):
            would_create = UNSET
        else:
            would_create = self.would_create

        would_update: int | None | Unset
        if isinstance(self.would_update, Unset):
            would_update = UNSET
        else:
            would_update = self.would_update

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "errors": errors,
                "received": received,
                "unchanged": unchanged,
            }
        )
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if would_create is not UNSET:
            field_dict["would_create"] = would_create
        if would_update is not UNSET:
            field_dict["would_update"] = would_update

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_error import RowError  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = RowError.from_dict(errors_item_data)

            errors.append(errors_item)

        received = d.pop("received")

        unchanged = d.pop("unchanged")

        def _parse_created(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_updated(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated = _parse_updated(d.pop("updated", UNSET))

        def _parse_would_create(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        would_create = _parse_would_create(d.pop("would_create", UNSET))

        def _parse_would_update(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        would_update = _parse_would_update(d.pop("would_update", UNSET))

        import_summary = cls(
            dry_run=dry_run,
            errors=errors,
            received=received,
            unchanged=unchanged,
            created=created,
            updated=updated,
            would_create=would_create,
            would_update=would_update,
        )

        import_summary.additional_properties = d
        return import_summary

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
