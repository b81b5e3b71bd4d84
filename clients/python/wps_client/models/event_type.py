from enum import StrEnum


class EventType(StrEnum):
    NOMINATION_CREATED = "nomination.created"
    NOMINATION_STATUS_CHANGED = "nomination.status_changed"
    NOMINATION_VETTING_CHANGED = "nomination.vetting_changed"
    RESULT_APPROVED = "result.approved"
    SNAPSHOT_CREATED = "snapshot.created"
    TRAINING_CREATED = "training.created"
    TRAINING_UPDATED = "training.updated"

    def __str__(self) -> str:
        return str(self.value)
