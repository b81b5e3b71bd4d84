from enum import StrEnum


class RosterRole(StrEnum):
    COMMUNITY_LIAISON_OFFICER = "community_liaison_officer"
    DEMINER = "deminer"
    EORE_FACILITATOR = "eore_facilitator"
    MEDIC = "medic"
    OTHER = "other"
    SENIOR_MANAGER = "senior_manager"
    STOCKPILE_TECHNICIAN = "stockpile_technician"
    SUPPORT = "support"
    SURVEYOR = "surveyor"
    TEAM_LEADER = "team_leader"

    def __str__(self) -> str:
        return str(self.value)
