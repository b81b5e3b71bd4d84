from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_status import ProgressStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure_inputs import FigureInputs
    from ..models.indicator_status import IndicatorStatus


T = TypeVar("T", bound="Figure")


@_attrs_define
class Figure:
    """
    Attributes:
        id (str):
        inputs (FigureInputs):
        method (str):
        period (str):
        section (str):
        sentence (str):
        template (str): The sentence, {value} where the figure goes
        unit (str):
        value (float | int | None | str):
        indicator (IndicatorStatus | None | Unset):
        reason (None | str | Unset): Why the value is null
        stale (bool | None | Unset): The source is older than the figure's period (null: undated source)
        status (None | ProgressStatus | Unset):
        target (None | str | Unset):
    """

    id: str
    inputs: FigureInputs
    method: str
    period: str
    section: str
    sentence: str
    template: str
    unit: str
    value: float | int | None | str
    indicator: IndicatorStatus | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    stale: bool | None | Unset = UNSET
    status: None | ProgressStatus | Unset = UNSET
    target: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_status import IndicatorStatus  # noqa: PLC0415

        id = self.id

        inputs = self.inputs.to_dict()

        method = self.method

        period = self.period

        section = self.section

        sentence = self.sentence

        template = self.template

        unit = self.unit

        value: float | int | None | str
        value = self.value

        indicator: dict[str, Any] | None | Unset
        if isinstance(self.indicator, Unset):
            indicator = UNSET
        elif isinstance(self.indicator, IndicatorStatus):
            indicator = self.indicator.to_dict()
        else:
            indicator = self.indicator

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        stale: bool | None | Unset
        if isinstance(self.stale, Unset):
            stale = UNSET
        else:
            stale = self.stale

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProgressStatus):
            status = self.status.value
        else:
            status = self.status

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "inputs": inputs,
                "method": method,
                "period": period,
                "section": section,
                "sentence": sentence,
                "template": template,
                "unit": unit,
                "value": value,
            }
        )
        if indicator is not UNSET:
            field_dict["indicator"] = indicator
        if reason is not UNSET:
            field_dict["reason"] = reason
        if stale is not UNSET:
            field_dict["stale"] = stale
        if status is not UNSET:
            field_dict["status"] = status
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_inputs import FigureInputs  # noqa: PLC0415
        from ..models.indicator_status import IndicatorStatus  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        inputs = FigureInputs.from_dict(d.pop("inputs"))

        method = d.pop("method")

        period = d.pop("period")

        section = d.pop("section")

        sentence = d.pop("sentence")

        template = d.pop("template")

        unit = d.pop("unit")

        def _parse_value(data: object) -> float | int | None | str:
            if data is None:
                return data
            return cast(float | int | None | str, data)

        value = _parse_value(d.pop("value"))

        def _parse_indicator(data: object) -> IndicatorStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_0 = IndicatorStatus.from_dict(data)

                return indicator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndicatorStatus | None | Unset, data)

        indicator = _parse_indicator(d.pop("indicator", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_stale(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stale = _parse_stale(d.pop("stale", UNSET))

        def _parse_status(data: object) -> None | ProgressStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProgressStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        figure = cls(
            id=id,
            inputs=inputs,
            method=method,
            period=period,
            section=section,
            sentence=sentence,
            template=template,
            unit=unit,
            value=value,
            indicator=indicator,
            reason=reason,
            stale=stale,
            status=status,
            target=target,
        )

        figure.additional_properties = d
        return figure

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
