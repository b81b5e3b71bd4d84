from enum import StrEnum


class MilestoneKind(StrEnum):
    ANTI_HARASSMENT_POLICY = "anti_harassment_policy"
    GENDER_ADVISOR_POSITION = "gender_advisor_position"
    GENDER_POLICY = "gender_policy"
    NATIONAL_ACTION_PLAN = "national_action_plan"
    OTHER = "other"
    RECRUITMENT_TARGET = "recruitment_target"

    def __str__(self) -> str:
        return str(self.value)
