from enum import StrEnum


class Purpose(StrEnum):
    DEMINING = "demining"
    EQUIPMENT = "equipment"
    FACILITIES = "facilities"
    GENDER_ADVISORS = "gender_advisors"
    GENDER_INTEGRATION = "gender_integration"
    OTHER = "other"
    PEACEKEEPING = "peacekeeping"
    RESEARCH = "research"
    SEA_PREVENTION = "sea_prevention"
    WOMEN_TRAINING = "women_training"

    def __str__(self) -> str:
        return str(self.value)
