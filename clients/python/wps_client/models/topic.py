from enum import StrEnum


class Topic(StrEnum):
    DEFENSE_REFORM = "defense_reform"
    DEMINING = "demining"
    EORE = "eore"
    GENDER_INTEGRATION = "gender_integration"
    LEADERSHIP = "leadership"
    NIO = "nio"
    PEACEKEEPING = "peacekeeping"
    SEA_PREVENTION = "sea_prevention"
    STOCKPILE_MANAGEMENT = "stockpile_management"

    def __str__(self) -> str:
        return str(self.value)
