from enum import StrEnum


class Activity(StrEnum):
    CLEARANCE = "clearance"
    COMMUNITY_LIAISON = "community_liaison"
    EORE = "eore"
    PSSM = "pssm"
    SURVEY = "survey"
    VICTIM_ASSISTANCE = "victim_assistance"

    def __str__(self) -> str:
        return str(self.value)
