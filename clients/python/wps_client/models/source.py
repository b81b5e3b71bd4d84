from enum import StrEnum


class Source(StrEnum):
    DERIVED = "derived"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
