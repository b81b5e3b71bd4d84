from enum import StrEnum


class SortOrder(StrEnum):
    CREATED = "created"
    START_DATE = "start_date"
    VALUE_1 = "-start_date"
    VALUE_3 = "-created"

    def __str__(self) -> str:
        return str(self.value)
