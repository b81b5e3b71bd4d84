from enum import StrEnum


class Delivery(StrEnum):
    DIRECT = "direct"
    ENABLED = "enabled"

    def __str__(self) -> str:
        return str(self.value)
