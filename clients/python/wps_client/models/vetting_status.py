from enum import StrEnum


class VettingStatus(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    PENDING = "pending"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
