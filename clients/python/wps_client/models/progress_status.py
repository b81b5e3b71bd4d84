from enum import StrEnum


class ProgressStatus(StrEnum):
    BEHIND = "behind"
    NO_TARGET = "no_target"
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return str(self.value)
