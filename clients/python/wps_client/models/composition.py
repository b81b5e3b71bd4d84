from enum import StrEnum


class Composition(StrEnum):
    ALL_MEN = "all_men"
    ALL_WOMEN = "all_women"
    MIXED = "mixed"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
