from enum import StrEnum


class Kind(StrEnum):
    ADVISORY = "advisory"
    COURSE = "course"
    EXERCISE = "exercise"
    TRAIN_THE_TRAINER = "train_the_trainer"
    WORKSHOP = "workshop"

    def __str__(self) -> str:
        return str(self.value)
