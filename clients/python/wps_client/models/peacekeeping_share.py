from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.share_filters import ShareFilters
    from ..models.share_row import ShareRow
    from ..models.snapshot_ref import SnapshotRef


T = TypeVar("T", bound="PeacekeepingShare")


@_attrs_define
class PeacekeepingShare:
    """
    Attributes:
        all_countries (int):
        all_women (int | None):
        as_of (datetime.date):
        countries_share_pct (float | None):
        filters (ShareFilters):
        method (str):
        partner_countries (int):
        partner_women (int | None):
        program (str):
        rows (list[ShareRow]):
        snapshot (SnapshotRef):
        stale (bool): The snapshot's reporting month is not the as_of month
        women_share_pct (float | None):
        suppressed (list[str] | None | Unset):
    """

    all_countries: int
    all_women: int | None
    as_of: datetime.date
    countries_share_pct: float | None
    filters: ShareFilters
    method: str
    partner_countries: int
    partner_women: int | None
    program: str
    rows: list[ShareRow]
    snapshot: SnapshotRef
    stale: bool
    women_share_pct: float | None
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        all_countries = self.all_countries

        all_women: int | None
        all_women = self.all_women

        as_of = self.as_of.isoformat()

        countries_share_pct: float | None
        countries_share_pct = self.countries_share_pct

        filters = self.filters.to_dict()

        method = self.method

        partner_countries = self.partner_countries

        partner_women: int | None
        partner_women = self.partner_women

        program = self.program

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        snapshot = self.snapshot.to_dict()

        stale = self.stale

        women_share_pct: float | None
        women_share_pct = self.women_share_pct

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
                "all_countries": all_countries,
                "all_women": all_women,
                "as_of": as_of,
                "countries_share_pct": countries_share_pct,
                "filters": filters,
                "method": method,
                "partner_countries": partner_countries,
                "partner_women": partner_women,
                "program": program,
                "rows": rows,
                "snapshot": snapshot,
                "stale": stale,
                "women_share_pct": women_share_pct,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_filters import ShareFilters  # noqa: PLC0415
        from ..models.share_row import ShareRow  # noqa: PLC0415
        from ..models.snapshot_ref import SnapshotRef  # noqa: PLC0415

        d = dict(src_dict)
        all_countries = d.pop("all_countries")

        def _parse_all_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        all_women = _parse_all_women(d.pop("all_women"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        def _parse_countries_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        countries_share_pct = _parse_countries_share_pct(d.pop("countries_share_pct"))

        filters = ShareFilters.from_dict(d.pop("filters"))

        method = d.pop("method")

        partner_countries = d.pop("partner_countries")

        def _parse_partner_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partner_women = _parse_partner_women(d.pop("partner_women"))

        program = d.pop("program")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ShareRow.from_dict(rows_item_data)

            rows.append(rows_item)

        snapshot = SnapshotRef.from_dict(d.pop("snapshot"))

        stale = d.pop("stale")

        def _parse_women_share_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women_share_pct = _parse_women_share_pct(d.pop("women_share_pct"))

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

        peacekeeping_share = cls(
            all_countries=all_countries,
            all_women=all_women,
            as_of=as_of,
            countries_share_pct=countries_share_pct,
            filters=filters,
            method=method,
            partner_countries=partner_countries,
            partner_women=partner_women,
            program=program,
            rows=rows,
            snapshot=snapshot,
            stale=stale,
            women_share_pct=women_share_pct,
            suppressed=suppressed,
        )

        peacekeeping_share.additional_properties = d
        return peacekeeping_share

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
