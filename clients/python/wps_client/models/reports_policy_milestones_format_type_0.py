from enum import StrEnum


class ReportsPolicyMilestonesFormatType0(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
