from enum import StrEnum


class Metric(StrEnum):
    IMET_WOMEN_COMPLETED = "imet_women_completed"
    IMET_WOMEN_SHARE = "imet_women_share"
    OBLIGATIONS = "obligations"
    PARTICIPANTS_TRAINED = "participants_trained"
    PEACEKEEPING_PARTNER_WOMEN_SHARE = "peacekeeping_partner_women_share"
    WOMEN_TRAINED = "women_trained"

    def __str__(self) -> str:
        return str(self.value)
