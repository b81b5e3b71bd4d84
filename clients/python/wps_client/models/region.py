from enum import StrEnum


class Region(StrEnum):
    AF = "AF"
    EAP = "EAP"
    EUR = "EUR"
    NEA = "NEA"
    SCA = "SCA"
    WHA = "WHA"

    def __str__(self) -> str:
        return str(self.value)
