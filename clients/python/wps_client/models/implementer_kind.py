from enum import StrEnum


class ImplementerKind(StrEnum):
    CONTRACTOR = "contractor"
    GOVERNMENT = "government"
    INTERNATIONAL_ORG = "international_org"
    NGO = "ngo"
    UNIVERSITY = "university"

    def __str__(self) -> str:
        return str(self.value)
