from enum import StrEnum


class Feature(StrEnum):
    ACCOMMODATION = "accommodation"
    BATHROOMS = "bathrooms"
    CHILDCARE = "childcare"
    LACTATION_ROOM = "lactation_room"
    OTHER = "other"
    SECURITY_LIGHTING = "security_lighting"
    SHOWERS = "showers"

    def __str__(self) -> str:
        return str(self.value)
