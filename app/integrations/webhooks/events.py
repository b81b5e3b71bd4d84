"""Which changes are webhook events, and their thin payloads: ids, status, type, time. A
payload takes from the audit details only the names listed in SAFE_DETAILS, so no nominee name
or other personal data can reach it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.core.commit import Change


class EventType(StrEnum):
    nomination_created = "nomination.created"
    nomination_status_changed = "nomination.status_changed"
    nomination_vetting_changed = "nomination.vetting_changed"
    training_created = "training.created"
    training_updated = "training.updated"
    result_approved = "result.approved"
    snapshot_created = "snapshot.created"


_BY_ACTION: dict[tuple[str, str], EventType] = {
    ("nomination", "create"): EventType.nomination_created,
    ("nomination", "transition"): EventType.nomination_status_changed,
    ("nomination", "vetting"): EventType.nomination_vetting_changed,
    ("training", "create"): EventType.training_created,
    ("training", "update"): EventType.training_updated,
    ("indicator_result", "approve"): EventType.result_approved,
    ("peacekeeping_snapshot", "create"): EventType.snapshot_created,
}
# Audit detail names a payload may carry: codes, years, statuses, dates. Never free text.
SAFE_DETAILS = ("partner", "program", "indicator", "fiscal_year", "from", "to", "reporting_date")


def event_type(audit_event: Change) -> EventType | None:
    found = _BY_ACTION.get((audit_event.resource_type, audit_event.action))
    if found is None and audit_event.resource_type == "indicator_result":
        # A result's approval, however its workflow words the action: to "approved".
        details = audit_event.details or {}
        if "approved" in (audit_event.action, details.get("to"), details.get("status")):
            found = EventType.result_approved
    return found


def data_of(audit_event: Change, seq: int) -> dict[str, Any]:
    details = audit_event.details or {}
    data: dict[str, Any] = {
        "resource": audit_event.resource_type,
        "id": audit_event.resource_id,
        "seq": seq,
        "action": audit_event.action,
        "changed_fields": sorted(audit_event.changed_fields or []),
    }
    for name in SAFE_DETAILS:
        value = details.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool):
            data[name] = value
    if audit_event.resource_type == "nomination" and "to" in data:
        data["status"] = data["to"]
    elif audit_event.action == "create" and audit_event.resource_type == "nomination":
        data["status"] = "submitted"
    return data
