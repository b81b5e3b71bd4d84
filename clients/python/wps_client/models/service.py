from enum import StrEnum


class Service(StrEnum):
    AIR_FORCE = "air_force"
    ARMY = "army"
    CIVILIAN = "civilian"
    COAST_GUARD = "coast_guard"
    GENDARMERIE = "gendarmerie"
    MARINES = "marines"
    NAVY = "navy"
    OTHER = "other"
    POLICE = "police"

    def __str__(self) -> str:
        return str(self.value)
