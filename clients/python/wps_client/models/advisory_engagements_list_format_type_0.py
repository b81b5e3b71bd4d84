from enum import StrEnum


class AdvisoryEngagementsListFormatType0(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
