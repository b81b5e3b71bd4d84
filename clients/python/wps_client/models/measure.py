from enum import StrEnum


class Measure(StrEnum):
    COUNT = "count"
    CURRENCY = "currency"
    PERCENT = "percent"
    QUALITATIVE = "qualitative"

    def __str__(self) -> str:
        return str(self.value)
