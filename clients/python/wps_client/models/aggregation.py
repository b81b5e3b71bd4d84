from enum import StrEnum


class Aggregation(StrEnum):
    CUMULATIVE = "cumulative"
    LATEST = "latest"
    PER_PERIOD_SUM = "per_period_sum"

    def __str__(self) -> str:
        return str(self.value)
