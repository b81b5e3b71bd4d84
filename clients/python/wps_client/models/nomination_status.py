from enum import StrEnum


class NominationStatus(StrEnum):
    APPROVED = "approved"
    COMPLETED = "completed"
    IN_TRAINING = "in_training"
    ITO_ISSUED = "ito_issued"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
