from enum import StrEnum


class ReportsImetCompletionsGroupBy(StrEnum):
    FISCAL_YEAR = "fiscal_year"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
