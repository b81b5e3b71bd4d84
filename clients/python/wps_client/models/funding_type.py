from enum import StrEnum


class FundingType(StrEnum):
    DISBURSEMENT = "disbursement"
    OBLIGATION = "obligation"

    def __str__(self) -> str:
        return str(self.value)
